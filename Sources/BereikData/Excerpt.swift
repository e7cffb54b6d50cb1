/// Short excerpts of input text for messages: an echoed value never floods the terminal.
public enum Excerpt {
    /// At most `limit` characters, with "…" when cut; control characters shown as `?`.
    public static func text(_ s: String, limit: Int = 40) -> String {
        let cleaned = String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit + 1).map { isControl($0) ? "?" : $0 }))
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
    }

    /// The first few items of a list, each cut, and how many more there are.
    public static func list(_ items: [String], count: Int = 12) -> String {
        let shown = items.prefix(count).map { "'\(text($0))'" }.joined(separator: ", ")
        return items.count > count ? shown + " … (+\(items.count - count))" : shown
    }

    /// C0 and C1 control characters, DEL and the Unicode line and paragraph separators: what must
    /// never reach a terminal or a table row from input text.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }
}
