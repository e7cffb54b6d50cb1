import BereikData
import BereikPipeline
import BereikStats

/// `bereik heterogeneity` as text, Markdown, CSV and JSON (schema `bereik.heterogeneity/1`).
public enum HeterogeneityRenderer {
    public static let schema = "bereik.heterogeneity/1"

    public static func text(_ r: HeterogeneityResult, language: Language, markdown: Bool = false,
                            publication: Publication = .open) -> String {
        let unitPlan = publication.control?.plan(r.units.map(\.participants)).cells ?? []
        let w = language.words, h = w.labels.heterogeneity
        var out = markdown ? "# " : ""
        if r.unitKind == .activity {
            out += "\(h.titleActivities)\n\n"
            for d in r.activities {
                out += (markdown ? "## " : "") + "\(w.dimension[d.dimension]!)\n" + (markdown ? "\n" : "")
                let header = [h.activity] + d.keys.map { w.label($0) } + ["D"]
                let rows = d.activities.indices.map { a -> [String] in
                    let total = d.table[a].reduce(0, +)
                    let hidden = publication.control?.plan(d.table[a]).cells ?? []
                    return [d.activities[a]] + d.table[a].enumerated().map { j, v in
                        hidden.contains(j) ? publication.control!.label : total > 0 ? language.percent(Double(v) / Double(total)) : "–"
                    } + [hidden.isEmpty ? d.comparisons[a].dissimilarity.map { language.number($0, digits: 2) } ?? "–" : "–"]
                }
                out += TextTable.render(header, rows, markdown: markdown)
                if let s = d.segregation {
                    out += (markdown ? "\n" : "") + "\(h.independence): X² = \(language.number(s.chiSquared, digits: 2)), df = \(s.degreesOfFreedom), p \(CompareSummary.pValue(s.pValue, language)), V = \(language.number(s.cramersV, digits: 3))\n"
                    out += "\(h.segregation): D = \(language.number(s.dissimilarity, digits: 3)), H = \(language.number(s.theilH, digits: 3)), M = \(language.number(s.mutualInformation, digits: 4))\n"
                }
                out += "\n"
            }
            return out
        }
        out += "\(h.titleUnits) (\(r.unitKind.rawValue))\n\n"
        let adjusted = (r.overdispersion?.tau2 ?? 0) > 0
        func flag(_ f: FunnelLimits.Flag) -> String { f == .low ? h.flagLow : f == .high ? h.flagHigh : "" }
        let header = [h.unit, h.name, w.columns.participants, w.labels.population, w.columns.reach, h.shrunk, h.funnel, w.columns.flag]
            + (adjusted ? [h.flagAdjusted] : [])
        let rows = r.units.enumerated().map { i, u -> [String] in
            if unitPlan.contains(i) {
                return [u.unit, String(u.name.prefix(24)), publication.control!.label, language.integer(u.residents), "–", "–",
                        u.funnel.map { "\(language.number($0.lower998 * 1000, digits: 1))–\(language.number($0.upper998 * 1000, digits: 1))" } ?? "–",
                        ""] + (adjusted ? [""] : [])
            }
            return [u.unit, String(u.name.prefix(24)), language.integer(u.participants), language.integer(u.residents),
             language.interval(u.reach.estimate, u.reach.interval?.lower, u.reach.interval?.upper, factor: 1000),
             u.shrunk.map { language.number($0 * 1000, digits: 1) } ?? "–",
             u.funnel.map { "\(language.number($0.lower998 * 1000, digits: 1))–\(language.number($0.upper998 * 1000, digits: 1))" } ?? "–",
             flag(u.flag)] + (adjusted ? [flag(u.adjustedFlag)] : [])
        }
        let withNames = r.units.contains { !$0.name.isEmpty }
        out += TextTable.render(withNames ? header : header.enumerated().filter { $0.offset != 1 }.map(\.element),
                                withNames ? rows : rows.map { row in row.enumerated().filter { $0.offset != 1 }.map(\.element) },
                                markdown: markdown)
        out += markdown ? "\n" : ""
        for line in statistics(r, language: language) { out += line + "\n" }
        if !r.unitsLeftOut.isEmpty { out += "\(h.leftOut): \(r.unitsLeftOut.joined(separator: ", "))\n" }
        return out
    }

    /// Heterogeneity, prediction interval and overdispersion in words (text, Markdown and the HTML report).
    static func statistics(_ r: HeterogeneityResult, language: Language) -> [String] {
        let w = language.words, h = w.labels.heterogeneity
        var lines: [String] = []
        if let q = r.homogeneity {
            lines.append("\(h.homogeneity): Q = \(language.number(q.q, digits: 2)), df = \(q.degreesOfFreedom), p \(CompareSummary.pValue(q.pValue, language)), I² = \(language.number(q.i2, digits: 1))%, τ² = \(language.number(q.tau2, digits: 4)) (DerSimonian–Laird)")
            lines.append("\(h.prediction): \(language.interval(q.prediction.estimate, q.prediction.lower, q.prediction.upper, factor: 1000)) \(w.labels.per1000)")
        }
        if let od = r.overdispersion {
            lines.append("\(h.overdispersion): φ = \(language.number(od.phi, digits: 2)), τ² = \(language.number(od.tau2, digits: 6))")
        }
        return lines
    }

    public static func csv(_ r: HeterogeneityResult, language: Language, publication: Publication = .open) -> String {
        let unitPlan = publication.control?.plan(r.units.map(\.participants)).cells ?? []
        let sep = language.csvSeparator
        let n = language.csvNumber
        if r.unitKind == .activity {
            var lines = [["dimension", "activity", "group", "participants", "share", "resident_share", "ratio", "ratio_lower", "ratio_upper", "flag"].joined(separator: sep)]
            for d in r.activities {
                for (a, comparison) in d.comparisons.enumerated() {
                    let hidden = publication.control?.plan(d.table[a]).cells ?? []
                    for (j, g) in comparison.groups.enumerated() {
                        if hidden.contains(j) {
                            lines.append([d.dimension.rawValue, d.activities[a], g.key, publication.control!.label, "", n(g.residentShare),
                                          "", "", "", ""].map { CompareCSV.cell($0, separator: sep) }.joined(separator: sep))
                            continue
                        }
                        lines.append([d.dimension.rawValue, d.activities[a], g.key, String(g.participants), n(g.participantShare),
                                      n(g.residentShare), n(g.ratio?.estimate), n(g.ratio?.interval.lower), n(g.ratio?.interval.upper),
                                      g.flag.rawValue].map { CompareCSV.cell($0, separator: sep) }.joined(separator: sep))
                    }
                }
            }
            return lines.joined(separator: "\r\n") + "\r\n"
        }
        var lines = [["unit", "name", "participants", "residents", "reach", "reach_lower", "reach_upper", "shrunk", "lower95", "upper95",
                      "lower998", "upper998", "flag", "flag_overdispersion"].joined(separator: sep)]
        for (i, u) in r.units.enumerated() {
            if unitPlan.contains(i) {
                lines.append([u.unit, u.name, publication.control!.label, String(u.residents), "", "", "", "", n(u.funnel?.lower95),
                              n(u.funnel?.upper95), n(u.funnel?.lower998), n(u.funnel?.upper998), "", ""]
                    .map { CompareCSV.cell($0, separator: sep) }.joined(separator: sep))
                continue
            }
            lines.append([u.unit, u.name, String(u.participants), String(u.residents), n(u.reach.estimate), n(u.reach.interval?.lower),
                          n(u.reach.interval?.upper), n(u.shrunk), n(u.funnel?.lower95), n(u.funnel?.upper95), n(u.funnel?.lower998),
                          n(u.funnel?.upper998), u.flag.rawValue, u.adjustedFlag.rawValue].map { CompareCSV.cell($0, separator: sep) }.joined(separator: sep))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ r: HeterogeneityResult, version: String, publication: Publication = .open) -> String {
        let unitPlan = publication.control?.plan(r.units.map(\.participants)).cells ?? []
        var pairs: [(String, JSONValue)] = [("schema", .string(schema)), ("bereik_version", .string(version)),
                                            ("by", .string(r.unitKind.rawValue)),
                                            ("confidence", .number(r.request.settings.confidence.value))]
        pairs += CompareJSON.sharedMembers(CompareResult(request: r.request, sources: r.sources, area: r.area,
                                                         reconciliation: r.reconciliation, dimensions: [], notes: r.notes),
                                           version: version, publication: publication)
        if r.unitKind == .activity {
            pairs.append(("dimensions", .array(r.activities.map { d in
                .object([
                    ("dimension", .string(d.dimension.rawValue)),
                    ("independence", d.segregation.map { s in
                        .object([("chi2", .number(s.chiSquared)), ("df", .integer(s.degreesOfFreedom)), ("p_value", .number(s.pValue)),
                                 ("cramers_v", .number(s.cramersV))])
                    } ?? .null),
                    ("segregation", d.segregation.map { s in
                        .object([("dissimilarity", .number(s.dissimilarity)), ("theil_h", .number(s.theilH)),
                                 ("mutual_information", .number(s.mutualInformation))])
                    } ?? .null),
                    ("activities", .array(d.activities.indices.map { a in
                        .object([("activity", .string(d.activities[a])), ("participants", .integer(d.table[a].reduce(0, +))),
                                 ("contribution_m", .optional(d.segregation?.contributions[a])),
                                 ("dissimilarity", .optional(d.comparisons[a].dissimilarity)),
                                 ("groups", CompareJSON.groups(d.comparisons[a], sesRanges: nil,
                                                               hidden: publication.control?.plan(d.table[a]).cells ?? []))])
                    })),
                ])
            })))
            return JSONValue.object(pairs).rendered() + "\n"
        }
        pairs.append(("target", .optional(r.target)))
        pairs.append(("units", .array(r.units.enumerated().map { i, u in
            if unitPlan.contains(i) {
                return .object([("unit", .string(u.unit)), ("name", .string(u.name)), ("participants", .null),
                                ("residents", .integer(u.residents)), ("reach", .null), ("shrunk", .null), ("funnel", .null),
                                ("flag", .null), ("suppressed", .bool(true))])
            }
            return .object([
                ("unit", .string(u.unit)), ("name", .string(u.name)), ("participants", .integer(u.participants)),
                ("residents", .integer(u.residents)), ("reach", CompareJSON.interval(u.reach.interval, estimate: u.reach.estimate)),
                ("shrunk", .optional(u.shrunk)),
                ("funnel", u.funnel.map { f in
                    .object([("lower95", .number(f.lower95)), ("upper95", .number(f.upper95)),
                             ("lower998", .number(f.lower998)), ("upper998", .number(f.upper998))])
                } ?? .null),
                ("funnel_overdispersion", u.adjustedFunnel.map { f in
                    .object([("lower95", .number(f.lower95)), ("upper95", .number(f.upper95)),
                             ("lower998", .number(f.lower998)), ("upper998", .number(f.upper998))])
                } ?? .null),
                ("flag", .string(u.flag.rawValue)), ("flag_overdispersion", .string(u.adjustedFlag.rawValue)),
            ])
        })))
        pairs.append(("homogeneity", r.homogeneity.map { q in
            .object([("q", .number(q.q)), ("df", .integer(q.degreesOfFreedom)), ("p_value", .number(q.pValue)),
                     ("i2", .number(q.i2)), ("tau2", .number(q.tau2)), ("tau2_method", .string("DL")),
                     ("scale", .string("logit")), ("pooled", CompareJSON.interval(q.pooled)),
                     ("prediction", .object([("lower", .number(q.prediction.lower)), ("upper", .number(q.prediction.upper))]))])
        } ?? .null))
        pairs.append(("overdispersion", r.overdispersion.map { .object([("phi", .number($0.phi)), ("tau2", .number($0.tau2))]) } ?? .null))
        pairs.append(("shrinkage", r.shrinkage.map { s in
            .object([("method", .string("beta-binomial-moments")), ("overall", .number(s.overall)),
                     ("between_variance", .number(s.betweenVariance)), ("prior_strength", .optional(s.priorStrength))])
        } ?? .null))
        pairs.append(("units_left_out", .array(r.unitsLeftOut.map { .string($0) })))
        return JSONValue.object(pairs).rendered() + "\n"
    }
}
