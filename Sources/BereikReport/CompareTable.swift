import BereikPipeline

/// `bereik compare` in the terminal: per dimension a table that fits 100 columns, the test and
/// indices, notes; then the plain summary and the reconciliation.
public enum CompareTable {
    public static func render(_ result: CompareResult, language: Language, publication: Publication = .open) -> String {
        let w = language.words
        var out = "\(w.labels.title)\n\n"
        let conf = language.number(result.request.settings.confidence.value * 100, digits: 0)
        for d in result.dimensions {
            out += "\(w.dimension[d.counts.dimension]!) (\(conf)% BI)\n".replacingOccurrences(of: "BI", with: language == .nl ? "BI" : "CI")
            let hidden = publication.plan(d).cells
            let rows = d.comparison.groups.enumerated().map {
                CompareRow($1, dimension: d, index: $0, language: language, hidden: hidden.contains($0), label: publication.control?.label ?? "").cells
            }
            out += layout([CompareRow.header(w)] + rows)
            if let line = CompareSummary.testLine(d, language: language, publication: publication) { out += line + "\n" }
            for note in CompareSummary.notes(d, language: language, publication: publication) { out += note + "\n" }
            out += "\n"
        }
        out += "\(w.labels.summary):\n"
        for s in CompareSummary.sentences(result, language: language, publication: publication) { out += "  " + s + "\n" }
        out += "\n" + CompareSummary.reconciliation(result, language: language, publication: publication).joined(separator: "\n") + "\n"
        return out
    }

    /// Left-aligned first column, right-aligned numbers, two spaces between columns.
    static func layout(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.enumerated().map { r, row in
            let line = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 || c == row.count - 1 ? cell + pad : pad + cell
            }.joined(separator: "  ")
            let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
            return r == 0 ? trimmed + "\n" + String(repeating: "-", count: min(100, widths.reduce(0, +) + 2 * (widths.count - 1))) : trimmed
        }.joined(separator: "\n") + "\n"
    }
}
