import BereikData
import BereikPipeline
import BereikPublish
import BereikStats

/// The words of crossings (`compare --by gender:ses`), per language.
public struct CrossingWords: Sendable {
    public let places: [String: String]
    public let placeNoun: [String: String]
    public let unplaced: @Sendable (_ counts: String) -> String
    public let unknown: @Sendable (_ count: String) -> String
    public let interaction: @Sendable (_ place: String) -> String
    public let differs, similar, withheld: String
    public let omitted: [String: String]
    public let lessEverywhere: @Sendable (_ group: String, _ noun: String) -> String
    public let lessIn: @Sendable (_ group: String, _ places: String, _ others: String) -> String
    /// "de andere SES-groepen", "de andere wijken", "de andere buurten".
    public let otherPlaces: [String: String]
    public let adjustmentNote: String

    static let dutch = CrossingWords(
        places: ["ses": "SES-WOA van de buurt", "wijk": "wijk", "buurt": "buurt"],
        placeNoun: ["ses": "SES-groep", "wijk": "wijk", "buurt": "buurt"],
        unplaced: { "buiten elke groep (geen buurt, of een buurt zonder SES-score of aantallen): \($0)" },
        unknown: { "onbekend: \($0)" },
        interaction: { "Verschilt de verhouding tussen de groepen (\($0))? Poisson-model op buurt × groep, toets op interactie" },
        differs: "ja: de afwijking verschilt tussen de groepen", similar: "geen duidelijk verschil tussen de groepen",
        withheld: "de getallen zijn niet getoond omdat ze uit afgeschermde aantallen zijn berekend",
        omitted: ["too_few_groups": "geen toets: minder dan twee groepen of categorieën met deelnemers",
                  "empty_cell": "geen toets: een combinatie zonder deelnemers (haar verhouding zou 0 zijn)",
                  "fit_failed": "geen toets: het model kon niet worden geschat"],
        lessEverywhere: { "\($0): minder bereikt in elke \($1)" },
        lessIn: { "\($0): minder bereikt in \($1); in \($2) geen duidelijk verschil" },
        otherPlaces: ["ses": "de andere SES-groepen", "wijk": "de andere wijken", "buurt": "de andere buurten"],
        adjustmentNote: "De vlaggen zijn per groep gecorrigeerd voor het aantal toetsen (Holm binnen elke groep).")

    static let english = CrossingWords(
        places: ["ses": "SES-WOA of the buurt", "wijk": "wijk", "buurt": "buurt"],
        placeNoun: ["ses": "SES group", "wijk": "wijk", "buurt": "buurt"],
        unplaced: { "outside every group (no buurt, or a buurt without SES score or counts): \($0)" },
        unknown: { "unknown: \($0)" },
        interaction: { "Does the ratio differ between the groups (\($0))? Poisson model on buurt × group, test of interaction" },
        differs: "yes: the difference varies between the groups", similar: "no clear difference between the groups",
        withheld: "the numbers are not shown because they are computed from withheld counts",
        omitted: ["too_few_groups": "no test: fewer than two groups or categories with participants",
                  "empty_cell": "no test: a combination without participants (its ratio would be 0)",
                  "fit_failed": "no test: the model could not be fitted"],
        lessEverywhere: { "\($0): reached less in every \($1)" },
        lessIn: { "\($0): reached less in \($1); no clear difference in \($2)" },
        otherPlaces: ["ses": "the other SES groups", "wijk": "the other wijken", "buurt": "the other buurten"],
        adjustmentNote: "Flags are adjusted for the number of tests per group (Holm within each group).")
}

extension Language {
    public var crossing: CrossingWords { self == .nl ? CrossingWords.dutch : CrossingWords.english }
}

/// Crossings in text and Markdown, and their plain sentences.
enum CrossingRenderer {
    static func title(_ c: PublishedCrossing, _ language: Language) -> String {
        "\(language.words.dimension[c.crossing.person] ?? c.crossing.person.rawValue) × \(language.crossing.places[c.crossing.place.rawValue] ?? c.crossing.place.rawValue)"
    }

    static func groupLabel(_ g: (key: String, name: String, comparison: PublishedDimension, unknown: PublishedCount), _ place: Crossing.Place, _ language: Language) -> String {
        place == .ses ? language.words.label(g.key) : (g.name == g.key || g.name.isEmpty ? g.key : "\(g.name) (\(g.key))")
    }

    /// The lines under a crossing's tables: persons outside the groups, the interaction test.
    static func notes(_ c: PublishedCrossing, context: PublishedContext, language: Language) -> [String] {
        let cw = language.crossing, w = language.words
        var out = [cw.adjustmentNote]
        let outside = c.unplaced.filter { $0.count != .shown(0) }
        if !outside.isEmpty {
            out.append(cw.unplaced(outside.map { "\(w.label($0.key)) \(language.count($0.count, context.disclosure))" }.joined(separator: ", ")))
        }
        let head = cw.interaction(cw.places[c.crossing.place.rawValue] ?? "")
        let alpha = 1 - context.settings.confidence.value
        if let t = c.interaction {
            var line = "\(head): LR χ² = \(language.number(t.statistic, digits: 2)), df = \(t.df), p \(CompareSummary.pValue(t.pValue, language))"
            if let f = t.f, let pf = t.pValueF, let phi = t.dispersion {
                line += "; F = \(language.number(f, digits: 2)), p \(CompareSummary.pValue(pf, language)) (φ = \(language.number(phi, digits: 2)))"
            }
            out.append(line + ": " + (t.readingPValue < alpha ? cw.differs : cw.similar))
        } else if let below = c.interactionVerdict {
            out.append("\(head): p \(below ? "<" : "≥") \(language.number(alpha, digits: 2)) (\(cw.withheld))")
        } else if let omitted = c.interactionOmitted {
            out.append("\(head): \(cw.omitted[omitted] ?? omitted)")
        }
        return out
    }

    /// Per category under-reached somewhere: in every group, or in which.
    static func sentences(_ c: PublishedCrossing, language: Language) -> [String] {
        let cw = language.crossing, w = language.words
        guard let keys = c.groups.first?.comparison.groups.map(\.key) else { return [] }
        return keys.enumerated().compactMap { k, key in
            let under = c.groups.filter { $0.comparison.groups.count > k && $0.comparison.groups[k].flag == .under }
            guard !under.isEmpty else { return nil }
            if under.count == c.groups.count { return cw.lessEverywhere(w.label(key), cw.placeNoun[c.crossing.place.rawValue] ?? "") }
            return cw.lessIn(w.label(key), under.map { groupLabel($0, c.crossing.place, language) }.joined(separator: ", "),
                             cw.otherPlaces[c.crossing.place.rawValue] ?? "")
        }
    }

    static func text(_ c: PublishedCrossing, context: PublishedContext, language: Language, markdown: Bool) -> String {
        let w = language.words
        let text = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        let heading = "\(title(c, language)) (\(language.confidenceLabel(context.settings.confidence.value)))"
        var out = markdown ? "\n## \(text(heading))\n\n" : heading + "\n"
        for g in c.groups {
            let label = groupLabel(g, c.crossing.place, language)
            let unknown = g.unknown == .shown(0) ? "" : " — " + language.crossing.unknown(language.count(g.unknown, context.disclosure))
            out += markdown ? "### \(text(label))\(text(unknown))\n\n" : "\(label)\(unknown)\n"
            let rows = g.comparison.groups.map { CompareRow($0, language: language, control: context.disclosure).cells }
            out += TextTable.render(CompareRow.header(w), rows, markdown: markdown) + (markdown ? "\n" : "")
            if let line = CompareSummary.testLine(g.comparison, language: language) { out += text(line) + (markdown ? "\n\n" : "\n") }
            for note in CompareSummary.notes(g.comparison, context: context, language: language) { out += (markdown ? "- " : "") + text(note) + "\n" }
            if !markdown { out += "\n" }
        }
        for note in notes(c, context: context, language: language) { out += (markdown ? "- " : "") + text(note) + "\n" }
        if !markdown { out += "\n" }
        return out
    }

    /// The report's compact table: one row per group, per category its ratio with interval and, in
    /// words, a clear difference (the report's flag words).
    static func compact(_ c: PublishedCrossing, language: Language) -> (header: [String], rows: [[String]]) {
        let w = language.words, rw = language.report
        let keys = c.groups.first?.comparison.groups.map(\.key) ?? []
        let header = [language.crossing.placeNoun[c.crossing.place.rawValue] ?? ""] + keys.map { w.label($0) }
        let rows = c.groups.map { g -> [String] in
            [groupLabel(g, c.crossing.place, language)] + g.comparison.groups.map { group in
                let ratio = language.ratio(group.ratio?.interval)
                let flag = rw.flagValues[group.flag] ?? ""
                return flag.isEmpty ? ratio : "\(ratio) \(flag)"
            }
        }
        return (header, rows)
    }
}
