import BereikPipeline
import BereikStats

/// `bereik trend` as text, Markdown, CSV and JSON (schema `bereik.trend/1`). Under disclosure
/// control a period's small counts are withheld (new and returning as a pair, since they add up to
/// the participants), with the rates computed from them.
public enum TrendRenderer {
    public static let schema = "bereik.trend/1"

    struct Hidden { let participants: Bool; let split: Set<Int>; let retained: Bool; let cumulative: Bool }

    static func hidden(_ p: PeriodReach, _ publication: Publication) -> Hidden {
        guard let control = publication.control else { return Hidden(participants: false, split: [], retained: false, cumulative: false) }
        return Hidden(participants: control.hides(p.participants), split: control.plan([p.new, p.returning]).cells,
                      retained: control.hides(p.retained), cumulative: control.hides(p.cumulative))
    }

    /// The table (header and rows) and the lines under it, shared by the text, Markdown and HTML output.
    static func parts(_ r: TrendResult, language: Language, publication: Publication) -> (header: [String], rows: [[String]], notes: [String]) {
        let w = language.words, t = w.labels.trend
        let label = publication.control?.label ?? ""
        let rows = r.periods.map { p -> [String] in
            let h = hidden(p, publication)
            return [p.label, h.participants ? label : language.integer(p.participants),
                    h.split.contains(0) ? label : language.integer(p.new), h.split.contains(1) ? label : language.integer(p.returning),
                    h.retained ? label : language.integer(p.retained),
                    h.participants ? "–" : language.interval(p.reach.estimate, p.reach.interval?.lower, p.reach.interval?.upper, factor: 1000),
                    h.retained ? "–" : p.retention.map { language.interval($0.estimate, $0.lower, $0.upper, factor: 100, digits: 0) + "%" } ?? "–",
                    h.cumulative ? "–" : language.number((p.cumulativeReach.estimate ?? 0) * 1000, digits: 1)]
        }
        var notes: [String] = []
        if let test = r.trend {
            let direction = test.pValue >= 1 - r.request.settings.confidence.value ? t.flat : test.slope > 0 ? t.rising : t.falling
            notes.append("\(t.test): χ² = \(language.number(test.chiSquared, digits: 2)), df = 1, p \(CompareSummary.pValue(test.pValue, language)): \(direction)")
        }
        if !r.periodsAttended.isEmpty {
            notes.append("\(t.attended): " + r.periodsAttended.enumerated().map { "\($0.offset + 1): \(publication.count($0.element, language))" }
                .joined(separator: ", "))
        }
        if r.undated > 0 { notes.append("\(publication.count(r.undated, language)) \(t.undated)") }
        return ([t.period, w.columns.participants, t.new, t.returning, t.retained, t.reach, t.retention, t.cumulative], rows, notes)
    }

    public static func text(_ r: TrendResult, language: Language, markdown: Bool = false, publication: Publication = .open) -> String {
        let (header, rows, notes) = parts(r, language: language, publication: publication)
        var out = (markdown ? "# " : "") + "\(language.words.labels.trend.title) (\(r.period.rawValue))\n\n"
        out += TextTable.render(header, rows, markdown: markdown) + (markdown ? "\n" : "")
        for note in notes { out += note + "\n" }
        return out
    }

    public static func csv(_ r: TrendResult, language: Language, publication: Publication = .open) -> String {
        let sep = language.csvSeparator, n = language.csvNumber
        let label = publication.control?.label ?? ""
        var lines = [["period", "participants", "new", "returning", "retained", "reach", "reach_lower", "reach_upper",
                      "retention", "retention_lower", "retention_upper", "cumulative", "cumulative_reach"].joined(separator: sep)]
        for p in r.periods {
            let h = hidden(p, publication)
            lines.append([p.label, h.participants ? label : String(p.participants), h.split.contains(0) ? label : String(p.new),
                          h.split.contains(1) ? label : String(p.returning), h.retained ? label : String(p.retained),
                          h.participants ? "" : n(p.reach.estimate), h.participants ? "" : n(p.reach.interval?.lower),
                          h.participants ? "" : n(p.reach.interval?.upper), h.retained ? "" : n(p.retention?.estimate),
                          h.retained ? "" : n(p.retention?.lower), h.retained ? "" : n(p.retention?.upper),
                          h.cumulative ? label : String(p.cumulative), h.cumulative ? "" : n(p.cumulativeReach.estimate)].joined(separator: sep))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ r: TrendResult, version: String, publication: Publication = .open) -> String {
        var pairs: [(String, JSONValue)] = [("schema", .string(schema)), ("bereik_version", .string(version)),
                                            ("period", .string(r.period.rawValue)),
                                            ("confidence", .number(r.request.settings.confidence.value))]
        pairs += CompareJSON.sharedMembers(CompareResult(request: r.request, sources: r.sources, area: r.area,
                                                         reconciliation: r.reconciliation, dimensions: [], notes: r.notes),
                                           version: version, publication: publication)
        pairs.append(("residents", .integer(r.residents)))
        pairs.append(("periods", .array(r.periods.map { p in
            let h = hidden(p, publication)
            return .object([
                ("period", .string(p.label)), ("participants", h.participants ? .null : .integer(p.participants)),
                ("new", h.split.contains(0) ? .null : .integer(p.new)), ("returning", h.split.contains(1) ? .null : .integer(p.returning)),
                ("retained", h.retained ? .null : .integer(p.retained)),
                ("reach", h.participants ? .null : CompareJSON.interval(p.reach.interval, estimate: p.reach.estimate)),
                ("retention", h.retained ? .null : CompareJSON.interval(p.retention)),
                ("cumulative", h.cumulative ? .null : .integer(p.cumulative)),
                ("cumulative_reach", h.cumulative ? .null : CompareJSON.interval(p.cumulativeReach.interval, estimate: p.cumulativeReach.estimate)),
            ])
        })))
        pairs.append(("trend", r.trend.map { .object([("chi2", .number($0.chiSquared)), ("df", .integer(1)), ("p_value", .number($0.pValue)),
                                                     ("slope", .number($0.slope)), ("method", .string("cochran-armitage"))]) } ?? .null))
        pairs.append(("periods_attended", .array(r.periodsAttended.map { publication.countValue($0) })))
        pairs.append(("undated_persons", publication.countValue(r.undated)))
        return JSONValue.object(pairs).rendered() + "\n"
    }
}
