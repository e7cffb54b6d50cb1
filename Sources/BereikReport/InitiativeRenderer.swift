import BereikData
import BereikPipeline
import BereikPublish
import BereikStats

/// The words of `compare --by-initiative`, per language.
public struct SideBySideWords: Sendable {
    public let title, all, share, ratio, overlap, method: String
    public let persons: @Sendable (_ name: String, _ persons: String) -> String
    public let misses: @Sendable (_ initiative: String, _ groups: String) -> String
    public let everyoneMisses: @Sendable (_ groups: String) -> String

    static let dutch = SideBySideWords(
        title: "Per initiatief naast elkaar", all: "Samen", share: "aandeel", ratio: "verhouding (BI)",
        overlap: "Personen naar het aantal initiatieven waaraan ze meededen",
        method: "Elk initiatief is met dezelfde inwoners vergeleken als in compare (exacte binomiale toets per groep, Holm); 'Samen' telt wie aan meer initiatieven meedoet één keer. Of de initiatieven echt van elkaar verschillen: bereik heterogeneity --by initiative.",
        persons: { "\($0): \($1)" },
        misses: { "\($0) bereikt minder dan verwacht: \($1)." },
        everyoneMisses: { "Alle initiatieven missen: \($0)." })

    static let english = SideBySideWords(
        title: "Initiatives side by side", all: "Together", share: "share", ratio: "ratio (CI)",
        overlap: "Persons by the number of initiatives they took part in",
        method: "Each initiative is compared with the same residents as in compare (exact binomial test per group, Holm); 'Together' counts a person in several initiatives once. Whether the initiatives really differ from each other: bereik heterogeneity --by initiative.",
        persons: { "\($0): \($1)" },
        misses: { "\($0) reaches fewer than expected: \($1)." },
        everyoneMisses: { "Every initiative misses: \($0)." })
}

extension Language {
    public var sideBySide: SideBySideWords { self == .nl ? SideBySideWords.dutch : SideBySideWords.english }
}

/// `compare --by-initiative` as text, Markdown, CSV and JSON (schema `bereik.initiatives/1`).
public enum InitiativeRenderer {
    public static let schema = "bereik.initiatives/1"

    /// Per initiative the groups flagged under-represented (adjusted test, as `compare`), and the
    /// groups every initiative misses.
    static func sentences(_ r: PublishedInitiatives, language: Language) -> [String] {
        let iw = language.sideBySide, w = language.words
        var out: [String] = []
        var missedBy: [String: Int] = [:]
        var order: [String] = []
        for (i, name) in r.names.enumerated() {
            var groups: [String] = []
            for d in r.dimensions {
                for g in d.perInitiative[i].groups where g.flag == .under {
                    groups.append("\(w.label(g.key))" + (g.ratio.map { " (\(language.ratio($0.interval)))" } ?? ""))
                    let key = "\(d.all.dimension.rawValue).\(g.key)"
                    if missedBy[key] == nil { order.append(key) }
                    missedBy[key, default: 0] += 1
                }
            }
            if !groups.isEmpty { out.append(iw.misses(name, groups.joined(separator: ", "))) }
        }
        let everywhere = order.filter { missedBy[$0] == r.names.count }.map { w.label(String($0.split(separator: ".", maxSplits: 1)[1])) }
        if !everywhere.isEmpty, r.names.count > 1 { out.append(iw.everyoneMisses(everywhere.joined(separator: ", "))) }
        return out
    }

    public static func text(_ r: PublishedInitiatives, language: Language, markdown: Bool = false) -> String {
        let iw = language.sideBySide, w = language.words
        let clean = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        var out = (markdown ? "# " : "") + "\(iw.title)\n\n" + Warnings.block(r.context.notes, language, markdown: markdown)
        for line in personLines(r, language: language) { out += (markdown ? "- " : "") + clean(line) + "\n" }
        out += "\n"
        for (d, table) in tables(r, language: language) {
            out += (markdown ? "## " : "") + "\(w.dimension[d]!)\n" + (markdown ? "\n" : "")
            out += TextTable.render(table.header, table.rows, markdown: markdown) + (markdown ? "\n" : "") + "\n"
        }
        for line in [iw.method] + sentences(r, language: language) { out += clean(line) + "\n" }
        return out
    }

    /// Persons per initiative, together, and by the number of initiatives.
    static func personLines(_ r: PublishedInitiatives, language: Language) -> [String] {
        let iw = language.sideBySide
        return r.names.enumerated().map { iw.persons($1, language.persons(r.persons[$0], r.context.disclosure)) }
            + [iw.persons(iw.all, language.persons(r.context.reconciliation.persons, r.context.disclosure)),
               "\(iw.overlap): " + r.personsByCount.enumerated().map { "\($0 + 1): \(language.count($1, r.context.disclosure))" }.joined(separator: ", ")]
    }

    /// Per dimension: residents' share, then per initiative and together the share and the ratio with its flag.
    static func tables(_ r: PublishedInitiatives, language: Language) -> [(BereikData.Dimension, (header: [String], rows: [[String]]))] {
        let iw = language.sideBySide, w = language.words
        let columns = r.names + [iw.all]
        return r.dimensions.map { d in
            let header = [w.columns.group, w.columns.residentShare] + columns.flatMap { ["\($0): \(iw.share)", "\($0): \(iw.ratio)"] }
            let parts = d.perInitiative + [d.all]
            let rows = d.all.groups.indices.map { g -> [String] in
                [w.label(d.all.groups[g].key), language.percent(d.all.groups[g].residentShare)] + parts.flatMap { part -> [String] in
                    let group = part.groups[g]
                    let share = group.participants.isWithheld ? (r.context.disclosure?.label ?? "–") : language.percent(group.participantShare)
                    let flag = w.flag[group.flag].map { $0.isEmpty ? "" : " \($0)" } ?? ""
                    return [share, language.ratio(group.ratio?.interval) + flag]
                }
            }
            return (d.all.dimension, (header, rows))
        }
    }

    public static func csv(_ r: PublishedInitiatives, language: Language) -> String {
        let n = language.csvNumber
        var csv = CSVWriter(language: language, warnings: language.warnings(r.context.notes),
                            header: ["initiative", "dimension", "group", "participants", "share", "resident_share", "ratio", "ratio_lower",
                                     "ratio_upper", "p_adjusted", "flag"])
        for d in r.dimensions {
            // "all": the whole run, a person in several initiatives counted once (JSON `all`).
            for (name, part) in zip(r.names + ["all"], d.perInitiative + [d.all]) {
                for g in part.groups {
                    csv.row([name, d.all.dimension.rawValue, g.key, csv.count(g.participants, r.context.disclosure), n(g.participantShare),
                             n(g.residentShare), n(g.ratio?.estimate), n(g.ratio?.interval.lower), n(g.ratio?.interval.upper), n(g.pAdjusted),
                             g.flag.rawValue])
                }
            }
        }
        return csv.text
    }

    public static func json(_ r: PublishedInitiatives, version: String) -> String { InitiativesDocument.render(r, version: version) }
}

extension PublishedInitiatives: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { InitiativeRenderer.text($0, language: $1, markdown: $2) },
                            csv: { InitiativeRenderer.csv($0, language: $1) }, json: { InitiativeRenderer.json($0, version: $1) })
    }
}
