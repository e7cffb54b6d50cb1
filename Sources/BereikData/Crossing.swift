/// A person characteristic crossed with a buurt-level one (`--by gender:ses`): residents per cell
/// are exact sums of CBS buurt counts, because every resident of a buurt shares its SES group,
/// wijk and buurt. Two person characteristics (gender:age) have no joint CBS counts per buurt.
public struct Crossing: Sendable, Hashable, CustomStringConvertible {
    /// Where a buurt belongs: its SES-WOA group, its wijk, or itself.
    public enum Place: String, Sendable, CaseIterable { case ses, wijk, buurt }

    public let person: Dimension
    public let place: Place

    public init(person: Dimension, place: Place) {
        self.person = person
        self.place = place
    }

    public var description: String { "\(person.rawValue):\(place.rawValue)" }

    public enum ParseProblem: Error, Equatable {
        /// Two person characteristics: CBS publishes no joint counts per buurt.
        case twoPersonCharacteristics(String)
        case unknown(String)
    }

    /// "gender:ses", "ses:gender" (either order), "origin:wijk", "age:buurt".
    public static func parse(_ text: String) throws -> Crossing {
        let parts = text.lowercased().split(separator: ":").map(String.init)
        guard parts.count == 2 else { throw ParseProblem.unknown(text) }
        let persons = parts.compactMap { Dimension(rawValue: $0) }.filter { $0 != .ses }
        let places = parts.compactMap { Place(rawValue: $0) }
        if persons.count == 2 { throw ParseProblem.twoPersonCharacteristics(text) }
        guard persons.count == 1, places.count == 1 else { throw ParseProblem.unknown(text) }
        return Crossing(person: persons[0], place: places[0])
    }
}
