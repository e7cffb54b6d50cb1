import BereikData
import BereikPipeline
import BereikStats

/// `bereik heterogeneity` as text, Markdown, CSV and JSON (schema `bereik.heterogeneity/1`).
public enum HeterogeneityRenderer {
    public static let schema = "bereik.heterogeneity/1"

    static func flag(_ f: FunnelLimits.Flag, _ h: Words.HeterogeneityWords) -> String { f == .low ? h.flagLow : f == .high ? h.flagHigh : "" }

    static func funnelText(_ f: FunnelLimits?, _ language: Language) -> String {
        f.map { "\(language.number($0.lower998 * 1000, digits: 1))–\(language.number($0.upper998 * 1000, digits: 1))" } ?? "–"
    }

    // MARK: buurten and wijken

    public static func text(_ r: PublishedUnits, language: Language, markdown: Bool = false) -> String {
        let w = language.words, h = w.labels.heterogeneity, ctx = r.context
        var out = (markdown ? "# " : "") + "\(h.titleUnits) (\(r.kind.rawValue))\n\n" + Warnings.block(ctx.notes, language, markdown: markdown)
        let adjusted = (r.overdispersion?.tau2 ?? 0) > 0
        let withNames = r.units.contains { !$0.name.isEmpty }
        let header = [h.unit] + (withNames ? [h.name] : []) + [w.columns.participants, w.labels.population, w.columns.reach, h.shrunk, h.funnel, w.columns.flag]
            + (adjusted ? [h.flagAdjusted] : [])
        let rows = r.units.map { u -> [String] in
            [u.unit] + (withNames ? [u.name] : []) + [language.count(u.participants, ctx.disclosure), language.integer(u.residents),
             language.interval(u.reach.estimate, u.reach.interval?.lower, u.reach.interval?.upper, factor: 1000),
             u.shrunk.map { language.number($0 * 1000, digits: 1) } ?? "–", funnelText(u.funnel, language),
             flag(u.flag, h)] + (adjusted ? [flag(u.adjustedFlag, h)] : [])
        }
        out += TextTable.render(header, rows, markdown: markdown)
        out += markdown ? "\n" : ""
        let clean = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        for line in statistics(r, language: language) { out += clean(line) + "\n" }
        if !r.unitsLeftOut.isEmpty { out += clean("\(h.leftOut): \(r.unitsLeftOut.joined(separator: ", "))") + "\n" }
        return out
    }

    /// Heterogeneity, prediction interval and overdispersion in words (text, Markdown and the HTML report).
    static func statistics(_ r: PublishedUnits, language: Language) -> [String] {
        let w = language.words, h = w.labels.heterogeneity
        var lines: [String] = []
        if r.withheldUnits > 0, let control = r.context.disclosure {
            lines.append("\(language.integer(r.withheldUnits)) \(w.labels.unitsWithheld.replacingOccurrences(of: "%d", with: String(control.threshold)))")
        }
        if let q = r.homogeneity {
            lines.append("\(h.homogeneity): Q = \(language.number(q.q, digits: 2)), df = \(q.degreesOfFreedom), p \(CompareSummary.pValue(q.pValue, language)), I² = \(language.number(q.i2, digits: 1))%, τ² = \(language.number(q.tau2, digits: 4)) (DerSimonian–Laird)")
            lines.append("\(h.prediction): \(language.interval(q.prediction.estimate, q.prediction.lower, q.prediction.upper, factor: 1000)) \(w.labels.per1000)")
        } else if let v = r.verdict {
            let alpha = language.number(1 - r.context.settings.confidence.value, digits: 2)
            lines.append("\(h.homogeneity): p \(v.pBelowAlpha ? "<" : "≥") \(alpha), \(v.substantial ? w.labels.substantialDifferences : w.labels.smallDifferences) (\(w.labels.statisticsWithheld))")
        }
        if let od = r.overdispersion {
            lines.append("\(h.overdispersion): φ = \(language.number(od.phi, digits: 2)), τ² = \(language.number(od.tau2, digits: 6))")
        }
        if r.target != nil { lines.append(h.funnelMethod[r.context.funnel.rawValue] ?? r.context.funnel.rawValue) }
        return lines
    }

    public static func csv(_ r: PublishedUnits, language: Language) -> String {
        let n = language.csvNumber
        var csv = CSVWriter(language: language, warnings: language.warnings(r.context.notes), header: ["unit", "name", "participants", "residents", "reach", "reach_lower", "reach_upper",
                                                         "shrunk", "lower95", "upper95", "lower998", "upper998", "flag", "flag_overdispersion"])
        for u in r.units {
            csv.row([u.unit, u.name, csv.count(u.participants, r.context.disclosure), String(u.residents), n(u.reach.estimate),
                     n(u.reach.interval?.lower), n(u.reach.interval?.upper), n(u.shrunk), n(u.funnel?.lower95), n(u.funnel?.upper95),
                     n(u.funnel?.lower998), n(u.funnel?.upper998), u.flag.rawValue, u.adjustedFlag.rawValue])
        }
        return csv.text
    }

    public static func json(_ r: PublishedUnits, version: String) -> String { UnitsDocument.render(r, version: version) }

    // MARK: activities

    /// Rows of an activity table: the share of each group among the activity's participants.
    static func activityRows(_ d: PublishedActivityDimension, language: Language, control: DisclosureControl?) -> [[String]] {
        d.activities.map { a in
            [a.name] + a.comparison.groups.map { g in
                g.participants.isWithheld ? (control?.label ?? "–") : language.percent(g.participantShare)
            }
        }
    }

    static func independenceLines(_ d: PublishedActivityDimension, language: Language, membership: Membership = .activity) -> [String] {
        let w = language.words.labels
        let iw = language.initiativeWords, base = w.heterogeneity
        // Initiatives say "initiatieven" where activities say "activiteiten".
        let h = membership == .initiative
            ? (independence: base.independence, segregation: iw.segregation, permutationTest: iw.permutationTest)
            : (independence: base.independence, segregation: base.segregation, permutationTest: base.permutationTest)
        if d.segregation != nil || d.independence != nil {
            var lines: [String] = []
            if let t = d.independence {
                lines.append("\(h.independence): X² = \(language.number(t.statistic, digits: 2)), p \(CompareSummary.pValue(t.pValue, language)) (\(h.permutationTest(language.integer(t.permutations))))")
            }
            if let s = d.segregation {
                lines.append("\(h.segregation): D = \(language.number(s.dissimilarity, digits: 3)), H = \(language.number(s.theilH, digits: 3)), M = \(language.number(s.mutualInformation, digits: 4)), V = \(language.number(s.cramersV, digits: 3))")
            }
            return lines
        }
        if let below = d.independenceBelowAlpha {
            return ["\(h.independence): p \(below ? "<" : "≥") \(language.number(0.05, digits: 2)) (\(w.statisticsWithheld))"]
        }
        return []
    }

    public static func text(_ r: PublishedActivities, language: Language, markdown: Bool = false) -> String {
        let w = language.words, h = w.labels.heterogeneity
        let clean = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        let initiatives = r.membership == .initiative, iw = language.initiativeWords
        var out = (markdown ? "# " : "") + "\(initiatives ? iw.title : h.titleActivities)\n\n" + Warnings.block(r.context.notes, language, markdown: markdown)
        if initiatives, !r.personsByGroupCount.isEmpty {
            out += clean(iw.overlap(r.personsByGroupCount.enumerated().map { "\($0.offset + 1): \(language.count($0.element, r.context.disclosure))" }
                .joined(separator: ", "))) + "\n\n"
        }
        for d in r.dimensions {
            out += (markdown ? "## " : "") + "\(w.dimension[d.dimension]!)\n" + (markdown ? "\n" : "")
            let header = [initiatives ? iw.column : h.activity] + d.keys.map { w.label($0) } + ["D"]
            let rows = zip(activityRows(d, language: language, control: r.context.disclosure), d.activities).map { row, a in
                row + [a.comparison.dissimilarity.map { language.number($0, digits: 2) } ?? "–"]
            }
            out += TextTable.render(header, rows, markdown: markdown)
            if markdown { out += "\n" }
            for line in independenceLines(d, language: language, membership: r.membership) { out += clean(line) + "\n" }
            out += "\n"
        }
        return out
    }

    public static func csv(_ r: PublishedActivities, language: Language) -> String {
        let n = language.csvNumber
        var csv = CSVWriter(language: language, warnings: language.warnings(r.context.notes), header: ["dimension", r.membership.rawValue, "group", "participants", "share", "resident_share",
                                                         "ratio", "ratio_lower", "ratio_upper", "flag"])
        for d in r.dimensions {
            for a in d.activities {
                for g in a.comparison.groups {
                    csv.row([d.dimension.rawValue, a.name, g.key, csv.count(g.participants, r.context.disclosure), n(g.participantShare),
                             n(g.residentShare), n(g.ratio?.estimate), n(g.ratio?.interval.lower), n(g.ratio?.interval.upper),
                             g.participants.isWithheld ? "" : g.flag.rawValue])
                }
            }
        }
        return csv.text
    }

    public static func json(_ r: PublishedActivities, version: String) -> String { ActivitiesDocument.render(r, version: version) }
}

/// The words of `heterogeneity --by initiative`, per language.
public struct InitiativeWords: Sendable {
    public let title, column, segregation: String
    public let overlap: @Sendable (_ counts: String) -> String
    public let permutationTest: @Sendable (_ permutations: String) -> String

    static let dutch = InitiativeWords(title: "Samenstelling per initiatief", column: "Initiatief", segregation: "Segregatie over initiatieven",
                                       overlap: { "Personen naar het aantal initiatieven waaraan ze meededen (een persoon telt in de toets één keer): \($0)" },
                                       permutationTest: { "\($0) permutaties van personen; wie aan meer initiatieven meedoet telt één keer" })
    static let english = InitiativeWords(title: "Composition by initiative", column: "Initiative", segregation: "Segregation across initiatives",
                                         overlap: { "Persons by the number of initiatives they took part in (a person counts once in the test): \($0)" },
                                         permutationTest: { "\($0) permutations of persons; a person in several initiatives counts once" })
}

extension Language {
    public var initiativeWords: InitiativeWords { self == .nl ? InitiativeWords.dutch : InitiativeWords.english }
}
