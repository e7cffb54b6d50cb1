import BereikData

/// An input that would otherwise give a confident wrong answer: nothing usable, so every command
/// stops with exit 1, the main cause and its fix (worded per language by BereikReport).
public enum InputProblem: Error, Sendable, Equatable {
    /// No row could be used; `reason` is the most frequent exclusion (nil: the file has no rows).
    case noUsableRows(file: String, rows: Int, reason: ExclusionReason?, count: Int)
    /// Rows placed by their PC4 in a gemeente or wijk that is larger than the area: whether these
    /// people live in the area is unknown, so any answer would be off by an unknown amount.
    case postcodesTooCoarse(file: String, rows: Int)
    /// Nobody could be placed at the level asked (`--by buurt` with only four-digit postcodes).
    case notPlacedAtLevel(file: String, level: String, persons: Int)
    /// The attendance has a column for this dimension but no person has a value Bereik recognises.
    case dimensionWithoutValues(file: String, dimension: Dimension, column: String, examples: [String])

    /// Exclusions that are the user's choice of area or period, not a fault in the data.
    /// (Spacer and total rows are not visits at all, so they count with these.)
    public static let selections: Set<ExclusionReason> = [.outsideArea, .outsidePeriod, .emptyRow, .totalRow]

    /// Stops when no row could be used.
    static func check(_ attendance: AttendanceData) throws {
        let r = attendance.reconciliation
        if let coarse = r.excluded[.postcodeTooCoarse], coarse > 0 {
            throw InputProblem.postcodesTooCoarse(file: attendance.source, rows: coarse)
        }
        guard r.rowsUsed == 0 else { return }
        let main = r.excluded.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }
        throw InputProblem.noUsableRows(file: attendance.source, rows: r.rows, reason: main?.key, count: main?.value ?? 0)
    }

    /// Stops when a dimension to be compared has a column but no known value for anyone.
    static func check(_ dimension: Dimension, attendance: AttendanceData) throws {
        let r = attendance.reconciliation
        guard r.persons > 0, let unknown = r.unknown[dimension], unknown == r.persons else { return }
        let roles = AttendanceRole.allCases.filter { $0.dimension == dimension && attendance.columns[$0] != nil }
        let column = roles.compactMap { attendance.columns[$0].map { attendance.columns.header[$0] } }.joined(separator: ", ")
        let examples = roles.flatMap { (r.unrecognised[$0] ?? [:]).sorted { $0.value > $1.value }.map(\.key) }
        throw InputProblem.dimensionWithoutValues(file: attendance.source, dimension: dimension, column: column,
                                                  examples: Array(examples.prefix(5)))
    }

    /// Warnings for every output: many rows lost to data faults (more than 10% of the rows within
    /// the chosen area and period), or many persons without a value (more than 20%).
    static func warnings(_ attendance: AttendanceData) -> [RunNote] {
        let r = attendance.reconciliation
        var out: [RunNote] = []
        let faults = r.excluded.filter { !selections.contains($0.key) }
        let faulty = faults.values.reduce(0, +)
        let selected = r.rows - r.excluded.filter { selections.contains($0.key) }.values.reduce(0, +)
        if selected > 0, faulty * 10 > selected,
           let main = faults.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) {
            out.append(.manyRowsExcluded(mainReason: main.key))
        }
        if r.persons > 0 {
            for d in Dimension.allCases { if let u = r.unknown[d], u * 5 > r.persons { out.append(.manyUnknown(d)) } }
        }
        return out
    }
}
