import Foundation

extension CivilDate {
    /// Today in the Netherlands (ages from a birth year are computed at this date when a row has no visit date).
    public static var today: CivilDate {
        let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Amsterdam")!, from: Date())
        return CivilDate(year: today.year!, month: today.month!, day: today.day!)!
    }
}
