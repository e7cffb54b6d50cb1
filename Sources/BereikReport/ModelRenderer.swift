import BereikData
import BereikPipeline
import BereikPublish
import BereikStats
import Foundation

/// `bereik model` as text, Markdown, CSV and JSON (schema `bereik.model/1`).
public enum ModelRenderer {
    public static let schema = "bereik.model/1"

    static func termName(_ term: String, _ language: Language) -> String {
        let w = language.words
        return term == "ses" ? "SES" : (BereikData.Dimension(rawValue: term).flatMap { w.dimension[$0] } ?? term)
    }

    static func levelName(_ e: ModelEstimate, _ language: Language) -> String {
        e.level == "score" ? language.model.score : language.words.label(e.level)
    }

    static func ratio(_ i: Interval, _ language: Language) -> String {
        "\(language.number(i.estimate, digits: 2)) (\(language.number(i.lower, digits: 2))–\(language.number(i.upper, digits: 2)))"
    }

    /// The table and the lines under it, shared by text and Markdown.
    static func parts(_ r: PublishedModel, language: Language) -> (heading: String, header: [String], rows: [[String]], notes: [String]) {
        let m = language.model, w = language.words, q = r.question
        var heading = "\(m.title): \(termName(q.by.rawValue, language).lowercased())"
        if q.adjustForSES { heading += ", " + m.adjustedFor(m.sesForms[q.sesForm.rawValue] ?? q.sesForm.rawValue) }
        let counts = Dictionary(r.levels.map { ("\($0.term).\($0.level)", $0.participants) }, uniquingKeysWith: { a, _ in a })
        let rows = r.estimates.map { e -> [String] in
            [termName(e.term, language), levelName(e, language),
             counts["\(e.term).\(e.level)"].map { language.count($0, r.context.disclosure) } ?? "",
             ratio(e.crude, language), ratio(e.rateRatio, language), CompareSummary.pValue(e.pValue, language).replacingOccurrences(of: "= ", with: ""),
             language.number(e.robustStandardError, digits: 3)]
        }
        var notes: [String] = []
        let referenceLine = "\(m.reference): \(w.label(r.reference))" + (q.reference == nil ? " (\(m.referenceMostResidents))" : "")
            + (r.sesReference.map { "; \(m.sesReference): \(w.label($0))" } ?? "")
        notes.append(referenceLine)
        if r.withheld { notes.append(m.withheld) }
        if let sd = r.sesScale { notes.append(m.scoreUnit(language.number(sd, digits: 3))) }
        let tests = r.tests.map { t -> String in
            var line = "\(termName(t.term, language)): LR χ² = \(language.number(t.statistic, digits: 2)), df = \(t.df), p \(CompareSummary.pValue(t.pValue, language))"
            if q.standardErrors == .quasi, let f = t.f, let pf = t.pValueF {
                line += ", F = \(language.number(f, digits: 2)), p \(CompareSummary.pValue(pf, language))"
            }
            return line
        }
        if !tests.isEmpty { notes.append("\(m.termTest): " + tests.joined(separator: "; ")) }
        notes.append(m.standardErrors[q.standardErrors.rawValue] ?? q.standardErrors.rawValue)
        if let phi = r.dispersion { notes.append(m.dispersion(language.number(phi, digits: 2))) }
        if !r.withheld {
            notes.append(m.fitLine(language.integer(r.cells), language.integer(r.buurten), language.persons(r.persons, r.context.disclosure),
                                   language.number(r.deviance, digits: 2), language.integer(r.dfResidual)))
        }
        for (reason, count) in r.leftOut where count != .shown(0) {
            notes.append("\(w.labels.excluded): \(language.count(count, r.context.disclosure)) \(m.leftOut[reason] ?? reason)")
        }
        notes += sentences(r, language: language)
        return (heading, [m.term, m.level, m.participants, m.crude, m.adjusted, m.p, m.robustSE], rows, notes)
    }

    /// Plain sentences: whether the SES difference survives the adjustment, and which groups take
    /// part less. A difference is named only when its interval excludes 1.
    static func sentences(_ r: PublishedModel, language: Language) -> [String] {
        let m = language.model, w = language.words, by = termName(r.question.by.rawValue, language).lowercased()
        func excludesOne(_ i: Interval) -> Bool { i.lower > 1 || i.upper < 1 }
        var out: [String] = []
        let less = r.estimates.filter { $0.term == r.question.by.rawValue && $0.rateRatio.upper < 1 }
        if !less.isEmpty {
            let list = less.map { "\(w.label($0.level)) (\(ratio($0.rateRatio, language)))" }.joined(separator: ", ")
            out.append(r.question.adjustForSES ? m.lessWithinSES(list, w.label(r.reference)) : m.lessOverall(list, w.label(r.reference)))
        }
        let ses = r.estimates.filter { $0.term == "ses" }
        if let e = ses.max(by: { abs(log($0.crude.estimate)) < abs(log($1.crude.estimate)) }) {
            let reference = e.level == "score" ? "" : w.label(r.sesReference ?? "")
            let change = e.level == "score"
                ? "\(m.score): \(ratio(e.crude, language)) → \(ratio(e.rateRatio, language))"
                : m.change(w.label(e.level), reference, ratio(e.crude, language), ratio(e.rateRatio, language))
            if !excludesOne(e.crude) {
                out.append(m.sesNone(e.level == "score" ? "\(m.score): \(ratio(e.crude, language))" : "\(w.label(e.level)) \(m.versus) \(reference): \(ratio(e.crude, language))"))
            } else if !excludesOne(e.rateRatio) {
                out.append(m.sesGone(by, change))
            } else {
                let crude = abs(log(e.crude.estimate)), adjusted = abs(log(e.rateRatio.estimate))
                out.append(adjusted < 0.8 * crude ? m.sesSmaller(by, change) : adjusted > 1.25 * crude ? m.sesLarger(by, change) : m.sesSame(by, change))
            }
        }
        return out
    }

    public static func text(_ r: PublishedModel, language: Language, markdown: Bool = false) -> String {
        let (heading, header, rows, notes) = parts(r, language: language)
        var out = (markdown ? "# " + Escape.markdown(heading) : heading) + "\n\n" + Warnings.block(r.context.notes, language, markdown: markdown)
        if !rows.isEmpty { out += TextTable.render(header, rows, markdown: markdown) + (markdown ? "\n" : "") }
        for note in notes { out += (markdown ? Escape.markdown(note) : note) + "\n" }
        return out
    }

    public static func csv(_ r: PublishedModel, language: Language) -> String {
        let n = language.csvNumber
        let counts = Dictionary(r.levels.map { ("\($0.term).\($0.level)", $0.participants) }, uniquingKeysWith: { a, _ in a })
        var csv = CSVWriter(language: language, warnings: language.warnings(r.context.notes),
                            header: ["term", "level", "reference", "participants", "rate_ratio", "lower", "upper", "p_value", "se", "robust_se",
                                     "crude_rate_ratio", "crude_lower", "crude_upper", "crude_p_value"])
        for e in r.estimates {
            let reference = e.term == "ses" ? (r.sesReference ?? "") : r.reference
            csv.row([e.term, e.level, reference, counts["\(e.term).\(e.level)"].map { csv.count($0, r.context.disclosure) } ?? "",
                     n(e.rateRatio.estimate), n(e.rateRatio.lower), n(e.rateRatio.upper), n(e.pValue), n(e.standardError), n(e.robustStandardError),
                     n(e.crude.estimate), n(e.crude.lower), n(e.crude.upper), n(e.crudePValue)])
        }
        return csv.text
    }

    public static func json(_ r: PublishedModel, version: String) -> String { ModelDocument.render(r, version: version) }
}

extension PublishedModel: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { ModelRenderer.text($0, language: $1, markdown: $2) },
                            csv: { ModelRenderer.csv($0, language: $1) }, json: { ModelRenderer.json($0, version: $1) })
    }
}
