import BereikPipeline

/// `bereik compare --format markdown`: the same content as the table, as GitHub-flavoured Markdown.
public enum CompareMarkdown {
    public static func render(_ result: CompareResult, language: Language, publication: Publication = .open) -> String {
        let w = language.words
        var out = "# \(escape(w.labels.title))\n\n## \(w.labels.summary)\n\n"
        for s in CompareSummary.sentences(result, language: language, publication: publication) { out += "- \(escape(s))\n" }
        for d in result.dimensions {
            out += "\n## \(escape(w.dimension[d.counts.dimension]!))\n\n"
            let header = CompareRow.header(w)
            out += "| " + header.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + header.enumerated().map { $0.offset == 0 ? ":---|" : "---:|" }.joined() + "\n"
            let hidden = publication.plan(d).cells
            for (i, g) in d.comparison.groups.enumerated() {
                let row = CompareRow(g, dimension: d, index: i, language: language, hidden: hidden.contains(i), label: publication.control?.label ?? "")
                out += "| " + row.cells.map(escape).joined(separator: " | ") + " |\n"
            }
            out += "\n"
            if let line = CompareSummary.testLine(d, language: language, publication: publication) { out += escape(line) + "\n\n" }
            for note in CompareSummary.notes(d, language: language, publication: publication) { out += "- \(escape(note))\n" }
        }
        out += "\n## \(w.labels.attendance)\n\n```\n" + CompareSummary.reconciliation(result, language: language, publication: publication).joined(separator: "\n") + "\n```\n"
        return out
    }

    /// Escapes Markdown and inline HTML in user-provided text (file names, activity names, labels).
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "|", "\\", "`", "*", "_", "[", "]", "#", "<", ">": out += "\\\(ch)"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
