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

    /// The table and the lines under it, shared by text and Markdown.
    static func parts(_ r: PublishedModel, language: Language) -> (heading: String, header: [String], rows: [[String]], notes: [String]) {
        let m = language.model, w = language.words, q = r.question
        var heading = "\(m.title): \(termName(q.by.rawValue, language).lowercased())"
        if q.adjustForSES { heading += ", " + m.adjustedFor(m.sesForms[q.sesForm.rawValue] ?? q.sesForm.rawValue) }
        let counts = Dictionary(r.levels.map { ("\($0.term).\($0.level)", $0.participants) }, uniquingKeysWith: { a, _ in a })
        let adjusting = q.adjustForSES
        let rows = r.estimates.map { e -> [String] in
            [termName(e.term, language), levelName(e, language),
             counts["\(e.term).\(e.level)"].map { language.count($0, r.context.disclosure) } ?? ""]
                + (adjusting ? [language.ratio(e.crude), language.ratio(e.rateRatio)] : [language.ratio(e.rateRatio)])
                + [CompareSummary.pValue(e.pValue, language).replacingOccurrences(of: "= ", with: ""),
                   language.number(e.usedStandardError, digits: 3), language.number(e.robustStandardError, digits: 3)]
        }
        var notes: [String] = []
        let referenceLine = "\(m.reference): \(w.label(r.reference))" + (q.reference == nil ? " (\(m.referenceMostResidents))" : "")
            + (r.sesReference.map { "; \(m.sesReference): \(w.label($0))" } ?? "")
        notes.append(referenceLine)
        if r.withheld { notes.append(m.withheld) }
        if let sd = r.sesScale { notes.append(m.scoreUnit(language.number(sd, digits: 3))) }
        // Quasi-Poisson reads the F test (it allows for φ); otherwise the likelihood ratio. One p per term.
        let tests = r.tests.map { t -> String in
            if q.standardErrors == .quasi, let f = t.f, let pf = t.pValueF {
                return "\(termName(t.term, language)): F = \(language.number(f, digits: 2)), df = \(t.df), p \(CompareSummary.pValue(pf, language))"
            }
            return "\(termName(t.term, language)): LR χ² = \(language.number(t.statistic, digits: 2)), df = \(t.df), p \(CompareSummary.pValue(t.pValue, language))"
        }
        if !tests.isEmpty { notes.append("\(m.termTest): " + tests.joined(separator: "; ")) }
        notes.append(m.standardErrors[q.standardErrors.rawValue] ?? q.standardErrors.rawValue)
        if let phi = r.dispersion { notes.append(m.dispersion(language.number(phi, digits: 2), q.standardErrors.rawValue, phi > 1)) }
        if !r.withheld {
            notes.append(m.fitLine(language.integer(r.cells), language.integer(r.buurten), language.persons(r.persons, r.context.disclosure),
                                   language.number(r.deviance, digits: 2), language.integer(r.dfResidual)))
        }
        for (reason, count) in r.leftOut where count != .shown(0) {
            notes.append("\(w.labels.excluded): \(language.count(count, r.context.disclosure)) \(m.leftOut[reason] ?? reason)")
        }
        notes += sentences(r, language: language)
        let ratioColumns = adjusting ? [m.crude, m.adjusted] : [m.ratio]
        return (heading, [m.term, m.level, m.participants] + ratioColumns + [m.p, m.usedSE[q.standardErrors.rawValue] ?? "SE", m.robustSE], rows, notes)
    }

    /// Plain sentences: which groups take part more or less than the reference, and whether the
    /// SES difference survives the adjustment — read from the SES term's test with and without the
    /// person characteristic (F for quasi-Poisson, else the likelihood ratio), illustrated by the
    /// lowest SES group against the highest (or the score). A difference is named only when its
    /// test or interval says so.
    static func sentences(_ r: PublishedModel, language: Language) -> [String] {
        let m = language.model, w = language.words, by = termName(r.question.by.rawValue, language).lowercased()
        let alpha = 1 - r.context.settings.confidence.value
        var out: [String] = []
        let levels = r.estimates.filter { $0.term == r.question.by.rawValue }
        let less = levels.filter { $0.rateRatio.upper < 1 }, more = levels.filter { $0.rateRatio.lower > 1 }
        func list(_ es: [ModelEstimate]) -> String { es.map { "\(w.label($0.level)) (\(language.ratio($0.rateRatio)))" }.joined(separator: ", ") }
        let reference = w.label(r.reference)
        if !less.isEmpty { out.append(r.question.adjustForSES ? m.lessWithinSES(list(less), reference) : m.lessOverall(list(less), reference)) }
        if !more.isEmpty { out.append(r.question.adjustForSES ? m.moreWithinSES(list(more), reference) : m.moreOverall(list(more), reference)) }
        let ses = r.estimates.filter { $0.term == "ses" }
        // The gradient is read from the trend test (1 df), which is what "SES gradient" means.
        guard let trend = r.sesTrend, let e = ses.first(where: { $0.level == "score" }) ?? ses.first else { return out }
        let crudeTest = trend.crude, adjustedTest = trend.adjusted
        let sesReference = w.label(r.sesReference ?? "")
        let change = e.level == "score"
            ? "\(m.score): \(language.ratio(e.crude)) → \(language.ratio(e.rateRatio))"
            : m.change(w.label(e.level), sesReference, language.ratio(e.crude), language.ratio(e.rateRatio))
        let crudeP = CompareSummary.pValue(crudeTest.readingPValue, language), adjustedP = CompareSummary.pValue(adjustedTest.readingPValue, language)
        if crudeTest.readingPValue >= alpha {
            out.append(m.sesNone(crudeP))
        } else if adjustedTest.readingPValue >= alpha {
            out.append(m.sesGone(by, change, adjustedP))
            // The groups may still differ, just not in SES order: said, so the term test beside it does not contradict.
            if let groups = r.tests.first(where: { $0.term == "ses" }), groups.df > 1, groups.readingPValue < alpha {
                out.append(m.sesGroupsDiffer(CompareSummary.pValue(groups.readingPValue, language)))
            }
        } else {
            let crude = abs(log(e.crude.estimate)), adjusted = abs(log(e.rateRatio.estimate))
            out.append(adjusted < 0.8 * crude ? m.sesSmaller(by, change, adjustedP) : adjusted > 1.25 * crude ? m.sesLarger(by, change, adjustedP)
                                              : m.sesSame(by, change, adjustedP))
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
                            header: ["term", "level", "reference", "participants", "rate_ratio", "lower", "upper", "p_value", "se", "se_model", "robust_se",
                                     "crude_rate_ratio", "crude_lower", "crude_upper", "crude_p_value"])
        for e in r.estimates {
            let reference = e.term == "ses" ? (r.sesReference ?? "") : r.reference
            csv.row([e.term, e.level, reference, counts["\(e.term).\(e.level)"].map { csv.count($0, r.context.disclosure) } ?? "",
                     n(e.rateRatio.estimate), n(e.rateRatio.lower), n(e.rateRatio.upper), n(e.pValue), n(e.usedStandardError), n(e.standardError), n(e.robustStandardError),
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
