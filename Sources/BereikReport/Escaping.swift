import BereikData

/// Escaping of user-provided text (file names, activity and area names, labels) per output.
public enum Escape {
    public static func text(_ s: String, markdown: Bool) -> String { markdown ? self.markdown(s) : terminal(s) }

    /// Markdown and inline HTML: backslash before syntax characters, line breaks as spaces.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for ch in terminal(text) {
            switch ch {
            case "|", "\\", "`", "*", "_", "[", "]", "#", "<", ">": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Each Unicode scalar replaced by `replacement(scalar)` when it gives one (the shared loop of
    /// the JSON and CSS string escapers).
    static func scalars(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let r = replacement(scalar) { out += r } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Terminal: control characters (C0, DEL, C1 — line breaks, ANSI escapes) become `?`, so a
    /// label can neither break a table row nor drive the terminal.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: Excerpt.isControl) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(Excerpt.isControl(s) ? "?" : s) }
        return String(out)
    }
}

/// Escapes text for HTML and SVG (element content and attribute values).
public func htmlEscape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(ch)
        }
    }
    return out
}
