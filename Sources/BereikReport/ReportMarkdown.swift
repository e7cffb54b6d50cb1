import BereikPipeline

/// `bereik report --format markdown`: the same content as the HTML report, without charts (their
/// numbers are in the tables).
public enum ReportMarkdown {
    public static func render(_ r: ReportResult, language: Language, publication: Publication, version: String) -> String {
        let rw = language.report
        var out = "# \(CompareMarkdown.escape(r.title.isEmpty ? rw.defaultTitle : r.title))\n\n## \(CompareMarkdown.escape(rw.summary))\n\n"
        for s in ReportSummary.sentences(r, language: language, publication: publication) { out += "- \(CompareMarkdown.escape(s))\n" }
        let compare = CompareMarkdown.render(r.compare, language: language, publication: publication)
        // The compare document without its own title and summary.
        if let start = compare.range(of: "\n## ", range: compare.index(after: compare.startIndex)..<compare.endIndex)?.lowerBound,
           let next = compare.range(of: "\n## ", range: compare.index(after: start)..<compare.endIndex)?.lowerBound {
            out += "\n## \(CompareMarkdown.escape(rw.whoTakesPart))\n" + compare[next...].replacingOccurrences(of: "\n## ", with: "\n### ")
        }
        out += "\n## \(CompareMarkdown.escape(rw.buurtenHeading))\n\n"
            + HeterogeneityRenderer.text(r.buurten, language: language, markdown: true, publication: publication)
                .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        if let a = r.activities {
            out += "\n## \(CompareMarkdown.escape(rw.activitiesHeading))\n\n"
                + HeterogeneityRenderer.text(a, language: language, markdown: true, publication: publication)
                    .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
                    .replacingOccurrences(of: "\n## ", with: "\n### ")
        }
        if let g = r.gradient {
            out += "\n## \(CompareMarkdown.escape(rw.sesHeading))\n\n"
                + GradientRenderer.text(g, language: language, markdown: true, publication: publication)
                    .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        }
        if let t = r.trend {
            out += "\n## \(CompareMarkdown.escape(language.words.labels.trend.title))\n\n"
                + TrendRenderer.text(t, language: language, markdown: true, publication: publication)
                    .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        }
        out += "\n## \(CompareMarkdown.escape(rw.methodsHeading))\n\n"
        for (name, citation) in rw.methodList { out += "- \(CompareMarkdown.escape(name)) — \(CompareMarkdown.escape(citation))\n" }
        out += "\n| \(CompareMarkdown.escape(rw.files)) | SHA-256 |\n|:---|:---|\n"
        for f in r.files { out += "| \(CompareMarkdown.escape("\(f.role): \(ReportHTML.lastPathComponent(f.path))")) | \(f.sha256) |\n" }
        let s = r.compare.request.settings
        out += "\n\(CompareMarkdown.escape(rw.confidence)): \(language.number(s.confidence.value * 100, digits: 1))%, \(s.adjustment.rawValue), \(rw.seed): \(s.fit.seed), \(rw.version): \(version). "
        out += CompareMarkdown.escape(publication.control.map { rw.disclosure.replacingOccurrences(of: "%d", with: String($0.threshold)) } ?? rw.disclosureOff)
        out += " " + CompareMarkdown.escape(rw.cbs) + "\n"
        return out
    }
}
