/// Why an attendance row was not used. Raw values are the JSON keys.
public enum ExclusionReason: String, Sendable, CaseIterable, Codable, Error {
    /// Every cell empty (a spacer row in a spreadsheet): not a visit.
    case emptyRow = "empty_row"
    /// A "Totaal"/"Total" row under the list: not a visit.
    case totalRow = "total_row"
    case noPersonID = "no_person_id"
    case unparseableDate = "unparseable_date"
    case noDate = "no_date"
    case outsidePeriod = "outside_period"
    case noBuurt = "no_buurt"
    case unknownBuurt = "unknown_buurt"
    case unknownPostcode = "unknown_postcode"
    case outsideArea = "buurt_outside_area"
    /// Placed by its PC4 in a gemeente or wijk larger than the area, so not known to be in the area.
    case postcodeTooCoarse = "postcode_too_coarse"
}

/// The account of every input row: read = used + Σ excluded, and what was learned about persons.
public struct Reconciliation: Sendable, Equatable {
    public var rows = 0
    public var rowsUsed = 0
    public var excluded: [ExclusionReason: Int] = [:]
    public var blankLines = 0
    /// Distinct persons with at least one used row.
    public var persons = 0
    /// Persons all of whose rows lay outside the area.
    public var personsOutsideArea = 0
    /// Persons whose rows disagreed on a value, per role (resolved: most frequent, then latest).
    public var conflicts: [AttendanceRole: Int] = [:]
    /// Persons with no usable value, per dimension (blank, x/anders, unrecognised).
    public var unknown: [Dimension: Int] = [:]
    /// Rows with a value that matched no category, per role, with up to 20 example values and counts.
    public var unrecognised: [AttendanceRole: [String: Int]] = [:]

    public init() {}

    public var rowsExcluded: Int { excluded.values.reduce(0, +) }
    /// True when every row is accounted for.
    public var balances: Bool { rows == rowsUsed + rowsExcluded }
}
