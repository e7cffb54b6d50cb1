/// Short excerpts of input text for messages: an echoed value never floods the terminal.
public enum Excerpt {
    /// At most `limit` characters, with "…" when cut; control characters shown as `?`.
    public static func text(_ s: String, limit: Int = 40) -> String {
        let cleaned = String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit + 1).map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
    }

    /// The first few items of a list, each cut, and how many more there are.
    public static func list(_ items: [String], count: Int = 12) -> String {
        let shown = items.prefix(count).map { "'\(text($0))'" }.joined(separator: ", ")
        return items.count > count ? shown + " … (+\(items.count - count))" : shown
    }
}
