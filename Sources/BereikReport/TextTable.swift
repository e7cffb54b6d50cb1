/// Lays out rows of cells as an aligned text table (first column left, others right) or as a
/// Markdown table with escaped cells.
enum TextTable {
    static func text(_ header: [String], _ rows: [[String]]) -> String {
        CompareTable.layout([header] + rows)
    }

    static func markdown(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.map(CompareMarkdown.escape).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { $0 == 0 ? ":---|" : "---:|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(CompareMarkdown.escape).joined(separator: " | ") + " |\n" }
        return out
    }

    static func render(_ header: [String], _ rows: [[String]], markdown: Bool) -> String {
        markdown ? self.markdown(header, rows) : text(header, rows)
    }
}

extension Language {
    /// "12,3 (10,1–14,9)" for an interval scaled by `factor`.
    func interval(_ estimate: Double?, _ lower: Double?, _ upper: Double?, factor: Double = 1, digits: Int = 1) -> String {
        guard let estimate else { return "–" }
        let e = number(estimate * factor, digits: digits)
        guard let lower, let upper else { return e }
        return "\(e) (\(number(lower * factor, digits: digits))–\(number(upper * factor, digits: digits)))"
    }
}
