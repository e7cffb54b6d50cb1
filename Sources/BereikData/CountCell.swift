/// One cell of a CBS count column.
enum CountCell: Equatable {
    case value(Int)
    case missing

    /// The largest count accepted (ten times the Dutch population): sums over every buurt stay far
    /// from `Int.max`, so no later arithmetic on counts can overflow.
    static let maximum = 200_000_000

    /// Reads a count as CBS writes it: padded digits; `.`, `x`, `NA`, `?` or empty for "not
    /// available / secret" (missing, never zero); `-` for CBS's "nihil" (zero). A value with a
    /// fractional part, a negative value, a value above `maximum` (no CBS region is larger) or text
    /// is an error naming the cell.
    /// A cell of plain digits (the usual case), read from its bytes without making a `String`;
    /// nil for anything else, which `parse` reads.
    @inline(__always) static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let text = bytes.trimmedASCII()
        guard !text.isEmpty, text.count <= 15 else { return nil }
        var v = 0
        for b in text {
            guard b &- 0x30 < 10 else { return nil }
            v = v * 10 + Int(b &- 0x30)
        }
        return v <= maximum ? v : nil
    }

    static func parse(_ raw: String, at location: @autoclosure () -> SourceLocation) throws -> CountCell {
        let text = raw.trimmingSpaces()
        switch text {
        case "", ".", "x", "X", "NA", "na", "?", "..": return .missing
        case "-": return .value(0)
        default: break
        }
        if let v = Int(text) {
            guard v >= 0 else { throw DataError(location(), DataMessages.negativeCount(Excerpt.text(text, limit: 24))) }
            guard v <= maximum else { throw tooLarge(text, location()) }
            return .value(v)
        }
        // "1234.0" or "1234,0" (a count exported as a decimal) is accepted when whole; so is an
        // exponent, and a number too large for `Int` ends up here too.
        let normalised = text.replacingOccurrences(of: ",", with: ".")
        if let d = Double(normalised), d.isFinite, d == d.rounded() {
            guard d >= 0 else { throw DataError(location(), DataMessages.negativeCount(Excerpt.text(text, limit: 24))) }
            guard d <= Double(maximum) else { throw tooLarge(text, location()) }
            return .value(Int(d))
        }
        throw DataError(location(), DataMessages.notACount(Excerpt.text(text, limit: 24)))
    }

    static func tooLarge(_ text: String, _ location: SourceLocation) -> DataError {
        DataError(location, DataMessages.countTooLarge(Excerpt.text(text, limit: 24), maximum: maximum))
    }
}
