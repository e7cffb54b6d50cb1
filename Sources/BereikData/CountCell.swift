/// One cell of a CBS count column.
enum CountCell: Equatable {
    case value(Int)
    case missing

    /// Reads a count as CBS writes it: padded digits; `.`, `x`, `NA`, `?` or empty for "not
    /// available / secret" (missing, never zero); `-` for CBS's "nihil" (zero). A value with a
    /// fractional part, a negative value or text is an error naming the cell.
    /// The largest count accepted (ten times the Dutch population): sums over every buurt stay far
    /// from `Int.max`, so no later arithmetic on counts can overflow.
    static let maximum = 200_000_000

    static func parse(_ raw: String, at location: SourceLocation) throws -> CountCell {
        let text = raw.trimmingSpaces()
        switch text {
        case "", ".", "x", "X", "NA", "na", "?", "..": return .missing
        case "-": return .value(0)
        default: break
        }
        // No CBS region has more residents than this: a larger value is a data error, not a trap.
        let excerpt = text.count > 24 ? String(text.prefix(24)) + "…" : text
        if let d = Double(text.replacingOccurrences(of: ",", with: ".")), d.isFinite, abs(d) > Double(maximum) {
            throw DataError(location, "count '\(excerpt)' is larger than any CBS region (at most \(maximum)); check the column")
        }
        if let v = Int(text) {
            guard v >= 0 else { throw DataError(location, "negative count '\(text)'; expected a whole number of at least 0") }
            return .value(v)
        }
        // "1234.0" or "1234,0" (a count exported as a decimal) is accepted when whole.
        let normalised = text.replacingOccurrences(of: ",", with: ".")
        if let d = Double(normalised), d.isFinite, d == d.rounded() {
            guard d >= 0 else { throw DataError(location, "negative count '\(text)'; expected a whole number of at least 0") }
            return .value(Int(d))
        }
        throw DataError(location, "'\(excerpt)' is not a count; expected a whole number, or '.' for a missing value")
    }
}
