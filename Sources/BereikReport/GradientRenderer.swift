import BereikData
import BereikPipeline
import BereikStats

/// `bereik gradient` as text, Markdown, CSV and JSON (schema `bereik.gradient/1`).
public enum GradientRenderer {
    public static let schema = "bereik.gradient/1"

    public static func text(_ r: PublishedGradient, language: Language, markdown: Bool = false) -> String {
        let w = language.words, h = w.labels.heterogeneity
        let clean = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        var out = (markdown ? "# " : "") + "\(h.titleGradient)\n\n" + Warnings.block(r.context.notes, language, markdown: markdown)
        guard let groups = r.groups else { return out + h.noSES + "\n" }
        let rows = groups.groups.map { CompareRow($0, language: language, control: r.context.disclosure).cells }
        out += TextTable.render(CompareRow.header(w), rows, markdown: markdown) + (markdown ? "\n" : "")
        for note in CompareSummary.notes(groups, context: r.context, language: language) { out += clean(note) + "\n" }
        for line in statistics(r, language: language) { out += clean(line) + "\n" }
        return out
    }

    /// SII, RII and the concentration index in words, with how to read them; only the sign when withheld.
    static func statistics(_ r: PublishedGradient, language: Language) -> [String] {
        let w = language.words, h = w.labels.heterogeneity, rw = language.report
        var lines: [String] = []
        if let sii = r.sii {
            lines.append("\(h.sii): \(language.interval(sii.sii.estimate, sii.sii.lower, sii.sii.upper, factor: 1000)) \(w.labels.per1000)")
            if let rii = sii.rii {
                lines.append("\(h.rii): \(language.interval(rii.estimate, rii.lower, rii.upper, digits: 2))")
            } else {
                lines.append(h.riiUndefined)
            }
            lines.append(h.siiReading)
            if sii.simulation == .jeffreysBeta { lines.append(h.siiJeffreys) }
        } else if let v = r.siiVerdict {
            lines.append("\(h.sii): \(w.labels.statisticsWithheld). " + (v == .positive ? rw.sesLower : v == .negative ? rw.sesHigher : rw.sesNone))
        } else if let why = r.siiOmission {
            lines.append("\(h.siiNotComputed): \(h.siiOmission[why.rawValue] ?? why.rawValue).")
        }
        if let c = r.concentration {
            lines.append("\(h.concentration) (\(r.buurtenRanked) \(h.buurtenRanked)): \(language.interval(c.index.estimate, c.index.lower, c.index.upper, digits: 3)), SE = \(language.number(c.standardError, digits: 3))")
            // A sign is said only when the interval excludes 0.
            lines.append(c.index.upper < 0 ? h.concentrationNegative : c.index.lower > 0 ? h.concentrationPositive : h.concentrationUnclear)
        } else if r.concentrationVerdict != nil {
            lines.append("\(h.concentration): \(w.labels.statisticsWithheld)")
        }
        if let b = r.bootstrap {
            let parts = [b.sii.map { "SII \(language.interval($0.estimate, $0.lower, $0.upper, factor: 1000))" },
                         b.concentration.map { "C \(language.interval($0.estimate, $0.lower, $0.upper, digits: 3))" }].compactMap { $0 }
            if !parts.isEmpty { lines.append(h.clusterBootstrap(language.integer(b.replicates), parts.joined(separator: "; "))) }
        }
        return lines
    }

    public static func csv(_ r: PublishedGradient, language: Language) -> String {
        let n = language.csvNumber
        var csv = CSVWriter(language: language, warnings: language.warnings(r.context.notes), header: ["measure", "group", "participants", "residents", "estimate", "lower", "upper"])
        for g in r.groups?.groups ?? [] {
            csv.row(["reach", g.key, csv.count(g.participants, r.context.disclosure), String(g.residents), n(g.reach.estimate),
                     n(g.reach.interval?.lower), n(g.reach.interval?.upper)])
        }
        if let s = r.sii {
            csv.row(["sii", "", "", "", n(s.sii.estimate), n(s.sii.lower), n(s.sii.upper)])
            csv.row(["rii", "", "", "", n(s.rii?.estimate), n(s.rii?.lower), n(s.rii?.upper)])
        }
        if let c = r.concentration {
            csv.row(["concentration_index", "", "", "", n(c.index.estimate), n(c.index.lower), n(c.index.upper)])
        }
        if let s = r.bootstrap?.sii { csv.row(["sii_cluster_bootstrap", "", "", "", n(s.estimate), n(s.lower), n(s.upper)]) }
        if let c = r.bootstrap?.concentration {
            csv.row(["concentration_index_cluster_bootstrap", "", "", "", n(c.estimate), n(c.lower), n(c.upper)])
        }
        return csv.text
    }

    public static func json(_ r: PublishedGradient, version: String) -> String { GradientDocument.render(r, version: version) }
}
