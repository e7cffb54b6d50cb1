import BereikData
import BereikPipeline
import BereikPublish
import BereikStats

/// The words of `compare --by-role`, per language.
public struct RoleWords: Sendable {
    public let title: String
    public let levelLine: @Sendable (_ name: String, _ persons: String, _ orAbove: Bool) -> String
    public let share: @Sendable (_ level: String) -> String
    public let orAbove: @Sendable (_ level: String) -> String
    public let topToBottom: @Sendable (_ top: String, _ bottom: String) -> String
    public let trend, method: String
    public let unrecognised: @Sendable (_ bottom: String) -> String
    public let unrecognisedCounted: @Sendable (_ texts: String, _ bottom: String) -> String
    public let recognised, few: String
    public let fewer: @Sendable (_ top: String, _ group: String, _ bottom: String, _ ratio: String) -> String
    public let more: @Sendable (_ top: String, _ group: String, _ bottom: String, _ ratio: String) -> String
    public let noChange: @Sendable (_ dimension: String) -> String

    static let dutch = RoleWords(
        title: "Wie beslist mee? Samenstelling per rol",
        levelLine: { "\($0)\($2 ? " of hoger" : ""): \($1)" },
        share: { "Aandeel \($0)" }, orAbove: { "\($0) of hoger" }, topToBottom: { "\($0) / alleen \($1) (BI)" },
        trend: "p ladder", method: "Per groep: verandert haar aandeel langs de ladder? Cochran–Armitage over de hoogste rol van elke persoon, exact als een verwachte telling onder 5 ligt (Holm over de groepen); de verhouding vergelijkt wie bovenaan staat met wie alleen deelnemer is.",
        unrecognised: { "Rollen die niet op de ladder passen (tellen als \($0))" },
        unrecognisedCounted: { "\($0) \($0 == "1" ? "roltekst past" : "rolteksten passen") niet op de ladder en \($0 == "1" ? "telt" : "tellen") als \($1) (niet getoond: een getypte tekst kan een naam bevatten)." },
        recognised: "Rollen gelezen als niveau van de ladder",
        few: "Bovenaan de ladder staan weinig mensen: alleen een heel groot verschil kan dan zichtbaar worden; geen verschil betekent hier niet dat er geen verschil is.",
        fewer: { "In de rol \($0) is het aandeel \($1) kleiner dan onder wie alleen \($2) is (verhouding \($3))." },
        more: { "In de rol \($0) is het aandeel \($1) groter dan onder wie alleen \($2) is (verhouding \($3))." },
        noChange: { "\($0): geen duidelijk verschil langs de ladder." })

    static let english = RoleWords(
        title: "Who decides? Composition by role",
        levelLine: { "\($0)\($2 ? " or higher" : ""): \($1)" },
        share: { "Share \($0)" }, orAbove: { "\($0) or higher" }, topToBottom: { "\($0) / only \($1) (CI)" },
        trend: "p ladder", method: "Per group: does its share change along the ladder? Cochran–Armitage over each person's highest role, exact when an expected count is below 5 (Holm over the groups); the ratio compares those at the top with those who are only participants.",
        unrecognised: { "Roles that fit no level of the ladder (counted as \($0))" },
        unrecognisedCounted: { "\($0) role \($0 == "1" ? "text fits" : "texts fit") no level of the ladder and \($0 == "1" ? "counts" : "count") as \($1) (not shown: a typed text may hold a name)." },
        recognised: "Roles read as a level of the ladder",
        few: "Few people are at the top of the ladder: only a very large difference can show; no difference here does not mean there is none.",
        fewer: { "In the role \($0), the share of \($1) is smaller than among those at the level \($2) only (ratio \($3))." },
        more: { "In the role \($0), the share of \($1) is larger than among those at the level \($2) only (ratio \($3))." },
        noChange: { "\($0): no clear difference along the ladder." })
}

extension Language {
    public var roles: RoleWords { self == .nl ? RoleWords.dutch : RoleWords.english }

    /// A ladder level's name for people: the standard levels in English when the output is; a
    /// project's own level names as written.
    public func roleName(_ name: String) -> String {
        guard self == .en else { return name }
        return ["deelnemer": "participant", "vrijwilliger": "volunteer", "kernteam": "core team"][name] ?? name
    }

    public func message(_ problem: RoleProblem) -> String {
        switch problem {
        case .noRoleColumn(let file):
            return self == .nl ? "\(file): er is geen kolom met rollen (rol, betrokkenheid, functie); voeg die toe of noem hem met --column role=KOLOM"
                               : "\(file): there is no column with roles (role, rol, involvement); add one or name it with --column role=COLUMN"
        case .nobodyAboveBottom(let bottom, let levels, let texts):
            let ladder = levels.map(roleName).joined(separator: " < ")
            return self == .nl
                ? "niemand heeft een rol boven \(bottom) (ladder \(ladder); \(texts) verschillende rolteksten in het bestand): er valt niets te vergelijken. Noem de niveaus zoals ze in de lijst staan met --role-ladder of [roles] ladder"
                : "nobody has a role above \(roleName(bottom)) (ladder \(ladder); \(texts) different role texts in the file): there is nothing to compare. Name the levels as the list writes them with --role-ladder or [roles] ladder"
        }
    }
}

/// `compare --by-role` as text, Markdown, CSV and JSON (schema `bereik.roles/1`).
public enum RoleRenderer {
    public static let schema = "bereik.roles/1"

    /// Plain sentences: groups whose share at the top clearly differs from the bottom (adjusted
    /// ladder test below α and the ratio's interval on the same side of 1), and a word on small numbers.
    static func sentences(_ r: PublishedRoles, language: Language) -> [String] {
        let rw = language.roles, w = language.words
        guard let top = r.levels.last, let bottom = r.levels.first, r.levels.count >= 2 else { return [] }
        let alpha = 1 - r.context.settings.confidence.value
        var out: [String] = []
        for t in r.tests {
            guard let p = t.pAdjusted, p < alpha, let ratio = t.topToBottom else { continue }
            if ratio.upper < 1 { out.append(rw.fewer(language.roleName(top.name), w.label(t.key), language.roleName(bottom.name), language.ratio(ratio))) }
            if ratio.lower > 1 { out.append(rw.more(language.roleName(top.name), w.label(t.key), language.roleName(bottom.name), language.ratio(ratio))) }
        }
        if case .shown(let n) = top.persons, n < 30 { out.append(rw.few) } else if top.persons.isWithheld { out.append(rw.few) }
        return out
    }

    public static func text(_ r: PublishedRoles, language: Language, markdown: Bool = false) -> String {
        let rw = language.roles, w = language.words
        let clean = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        var out = (markdown ? "# " : "") + "\(rw.title)\n\n" + Warnings.block(r.context.notes, language, markdown: markdown)
        for (l, level) in r.levels.enumerated() {
            out += (markdown ? "- " : "") + clean(rw.levelLine(language.roleName(level.name), language.persons(level.persons, r.context.disclosure), l > 0)) + "\n"
        }
        out += "\n"
        for (d, table) in tables(r, language: language) {
            out += (markdown ? "## " : "") + "\(w.dimension[d]!)\n" + (markdown ? "\n" : "")
            out += TextTable.render(table.header, table.rows, markdown: markdown) + (markdown ? "\n" : "") + "\n"
        }
        for line in notes(r, language: language) + sentences(r, language: language) { out += clean(line) + "\n" }
        return out
    }

    /// Per dimension, the side-by-side table: residents' share, each level's share, top/bottom ratio, ladder p.
    static func tables(_ r: PublishedRoles, language: Language) -> [(BereikData.Dimension, (header: [String], rows: [[String]]))] {
        let rw = language.roles, w = language.words
        let top = language.roleName(r.levels.last?.name ?? ""), bottom = language.roleName(r.levels.first?.name ?? "")
        return (r.levels.first?.dimensions ?? []).map { d in
            let header = [w.columns.group, w.columns.residentShare] + r.levels.enumerated().map { l, level in rw.share(l == 0 ? language.roleName(level.name) : rw.orAbove(language.roleName(level.name))) } + [rw.topToBottom(top, bottom), rw.trend]
            let rows = d.groups.indices.map { g -> [String] in
                let key = d.groups[g].key
                let shares = r.levels.map { level -> String in
                    guard let group = level.dimensions.first(where: { $0.dimension == d.dimension })?.groups[g] else { return "–" }
                    return group.participants.isWithheld ? (r.context.disclosure?.label ?? "–") : language.percent(group.participantShare)
                }
                let test = r.tests.first { $0.dimension == d.dimension && $0.key == key }
                let p = test?.pAdjusted.map { CompareSummary.pValue($0, language).replacingOccurrences(of: "= ", with: "") }
                    ?? test?.verdict.map { $0 ? "< \(language.number(0.05, digits: 2))" : "≥ \(language.number(0.05, digits: 2))" } ?? "–"
                return [w.label(key), language.percent(d.groups[g].residentShare)] + shares + [language.ratio(test?.topToBottom), p]
            }
            return (d.dimension, (header, rows))
        }
    }

    /// The lines under the tables: the method, roles off the ladder, the sentences.
    static func notes(_ r: PublishedRoles, language: Language) -> [String] {
        let rw = language.roles
        var out = [rw.method]
        let bottom = language.roleName(r.levels.first?.name ?? "")
        let unknown = r.unrecognised.filter { $0.persons != .shown(0) }
        if !unknown.isEmpty {
            out.append("\(rw.unrecognised(bottom)): " + unknown.map { "\($0.text) (\(language.count($0.persons, r.context.disclosure)))" }.joined(separator: ", "))
        } else if r.unrecognisedTexts > 0 && r.context.disclosure != nil {
            out.append(rw.unrecognisedCounted(language.integer(r.unrecognisedTexts), bottom))
        }
        if !r.recognised.isEmpty {
            out.append("\(rw.recognised): " + r.recognised.map {
                "\($0.text) → \(language.roleName($0.level))" + ($0.persons.isWithheld ? "" : " (\(language.count($0.persons, r.context.disclosure)))")
            }.joined(separator: ", "))
        }
        return out
    }

    public static func csv(_ r: PublishedRoles, language: Language) -> String {
        let n = language.csvNumber
        var csv = CSVWriter(language: language, warnings: language.warnings(r.context.notes),
                            header: ["level", "dimension", "group", "participants", "share", "resident_share", "ratio", "ratio_lower", "ratio_upper", "flag",
                                     "ladder_p_adjusted", "ladder_method", "top_to_bottom", "top_to_bottom_lower", "top_to_bottom_upper"])
        for level in r.levels {
            for d in level.dimensions {
                for g in d.groups {
                    // The ladder test belongs to the group, not the level: repeated on each level's row.
                    let t = r.tests.first { $0.dimension == d.dimension && $0.key == g.key }
                    let method = t.map { $0.trend == nil && $0.verdict == nil ? "" : $0.usesExact ? "exact-cochran-armitage-highest-role" : "cochran-armitage-highest-role" } ?? ""
                    csv.row([level.name, d.dimension.rawValue, g.key, csv.count(g.participants, r.context.disclosure), n(g.participantShare),
                             n(g.residentShare), n(g.ratio?.estimate), n(g.ratio?.interval.lower), n(g.ratio?.interval.upper), g.flag.rawValue,
                             n(t?.pAdjusted), method, n(t?.topToBottom?.estimate), n(t?.topToBottom?.lower), n(t?.topToBottom?.upper)])
                }
            }
        }
        return csv.text
    }

    public static func json(_ r: PublishedRoles, version: String) -> String { RolesDocument.render(r, version: version) }
}

extension PublishedRoles: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { RoleRenderer.text($0, language: $1, markdown: $2) },
                            csv: { RoleRenderer.csv($0, language: $1) }, json: { RoleRenderer.json($0, version: $1) })
    }
}
