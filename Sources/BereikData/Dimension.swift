/// A characteristic along which participants are compared with residents.
/// Raw values are the canonical names used in flags, JSON and tests.
public enum Dimension: String, Sendable, CaseIterable, Codable, Comparable {
    case gender, age, origin, ses

    public static func < (a: Dimension, b: Dimension) -> Bool { a.ordinal < b.ordinal }

    private var ordinal: Int {
        switch self { case .gender: 0; case .age: 1; case .origin: 2; case .ses: 3 }
    }

    /// By case, not by the raw value's text: a `String` raw value is otherwise hashed on every
    /// dictionary access (60 M instructions for the bundled table's 18,000 rows, issue 15).
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

/// The two origin classifications CBS has published for neighbourhoods.
public enum OriginScheme: String, Sendable, Codable, CaseIterable {
    /// From 2022: herkomstland Nederland / Europa (excl. NL) / buiten Europa.
    case herkomst
    /// Up to 2021: Nederlandse achtergrond / westerse / niet-westerse migratieachtergrond.
    case migratieachtergrond

    public var keys: [String] {
        switch self {
        case .herkomst: return ["nederland", "europa", "buiten_europa"]
        case .migratieachtergrond: return ["nederlands", "westers", "niet_westers"]
        }
    }
}

/// The canonical category keys of each dimension; stable identifiers, never translated.
public enum CategoryKeys {
    public static let gender = ["man", "vrouw"]
    /// CBS Kerncijfers Wijken en Buurten age bands.
    public static let age = ["0-14", "15-24", "25-44", "45-64", "65+"]
    /// Lower bounds of the age bands.
    static let ageLowerBounds = [0, 15, 25, 45, 65]

    public static func ses(groups: Int) -> [String] { (1...max(1, groups)).map { "Q\($0)" } }

    public static func keys(for dimension: Dimension, origin: OriginScheme, sesGroups: Int) -> [String] {
        switch dimension {
        case .gender: return gender
        case .age: return age
        case .origin: return origin.keys
        case .ses: return ses(groups: sesGroups)
        }
    }

    /// The age band index of an age in whole years (`ageLowerBounds`, written out: this runs once
    /// per attendance row with a birth year).
    public static func ageBand(_ age: Int) -> Int? {
        guard age >= 0, age < 130 else { return nil }
        return age < 15 ? 0 : age < 25 ? 1 : age < 45 ? 2 : age < 65 ? 3 : 4
    }
}
