import BereikPipeline
import BereikStats

/// `bereik trend` as text, Markdown, CSV and JSON (schema `bereik.trend/1`).
public enum TrendRenderer {
    public static let schema = "bereik.trend/1"

    /// The table (header and rows) and the lines under it, shared by the text, Markdown and HTML output.
    static func parts(_ r: PublishedTrend, language: Language) -> (header: [String], rows: [[String]], notes: [String]) {
        let w = language.words, t = w.labels.trend, control = r.context.disclosure
        let c = { language.count($0, control) }
        let rows = r.periods.map { p -> [String] in
            [p.label, c(p.participants), c(p.new), c(p.returning), c(p.retained),
             language.interval(p.reach.estimate, p.reach.interval?.lower, p.reach.interval?.upper, factor: 1000),
             p.retention.map { language.interval($0.estimate, $0.lower, $0.upper, factor: 100, digits: 0) + "%" } ?? "–",
             p.cumulativeReach.estimate.map { language.number($0 * 1000, digits: 1) } ?? "–"]
        }
        var notes: [String] = []
        let alpha = 1 - r.context.settings.confidence.value
        if let test = r.trend {
            let direction = test.readingPValue >= alpha ? t.flat : test.slope > 0 ? t.rising : t.falling
            var line = "\(t.test): χ² = \(language.number(test.chiSquared, digits: 2)), df = 1, p \(CompareSummary.pValue(test.pValue, language))"
            if let phi = test.dispersion, let q = test.quasiPValue {
                line += "; " + t.dispersion(language.number(phi, digits: 2), CompareSummary.pValue(q, language))
            }
            notes.append(line + ": \(direction)")
            if test.dispersionIsLarge { notes.append(t.dispersionLarge) }
        } else if let below = r.trendVerdict {
            notes.append("\(t.test): p \(below ? "<" : "≥") \(language.number(alpha, digits: 2)) (\(w.labels.statisticsWithheld))")
        }
        if !r.periodsAttended.isEmpty {
            notes.append("\(t.attended): " + r.periodsAttended.enumerated().map { "\($0.offset + 1): \(c($0.element))" }.joined(separator: ", "))
        }
        if r.undated != .shown(0) { notes.append("\(c(r.undated)) \(t.undated)") }
        return ([t.period, w.columns.participants, t.new, t.returning, t.retained, t.reach, t.retention, t.cumulative], rows, notes)
    }

    public static func text(_ r: PublishedTrend, language: Language, markdown: Bool = false) -> String {
        let (header, rows, notes) = parts(r, language: language)
        var out = (markdown ? "# " : "") + "\(language.words.labels.trend.title) (\(r.period.rawValue))\n\n" + Warnings.block(r.context.notes, language, markdown: markdown)
        out += TextTable.render(header, rows, markdown: markdown) + (markdown ? "\n" : "")
        for note in notes { out += (markdown ? Escape.markdown(note) : note) + "\n" }
        return out
    }

    public static func csv(_ r: PublishedTrend, language: Language) -> String {
        let n = language.csvNumber, control = r.context.disclosure
        var csv = CSVWriter(language: language, warnings: language.warnings(r.context.notes), header: ["period", "participants", "new", "returning", "retained", "reach", "reach_lower",
                                                         "reach_upper", "retention", "retention_lower", "retention_upper", "cumulative",
                                                         "cumulative_reach"])
        for p in r.periods {
            csv.row([p.label, csv.count(p.participants, control), csv.count(p.new, control), csv.count(p.returning, control),
                     csv.count(p.retained, control), n(p.reach.estimate), n(p.reach.interval?.lower), n(p.reach.interval?.upper),
                     n(p.retention?.estimate), n(p.retention?.lower), n(p.retention?.upper), csv.count(p.cumulative, control),
                     n(p.cumulativeReach.estimate)])
        }
        return csv.text
    }

    public static func json(_ r: PublishedTrend, version: String) -> String { TrendDocument.render(r, version: version) }
}
