import BereikData
import BereikPipeline
import BereikStats

/// `bereik gradient` as text, Markdown, CSV and JSON (schema `bereik.gradient/1`).
public enum GradientRenderer {
    public static let schema = "bereik.gradient/1"

    public static func text(_ r: GradientResult, language: Language, markdown: Bool = false, publication: Publication = .open) -> String {
        let w = language.words, h = w.labels.heterogeneity
        var out = (markdown ? "# " : "") + "\(h.titleGradient)\n\n"
        guard let groups = r.groups else { return out + h.noSES + "\n" }
        let hidden = publication.plan(groups).cells
        let rows = groups.comparison.groups.enumerated().map {
            CompareRow($1, dimension: groups, index: $0, language: language, hidden: hidden.contains($0), label: publication.control?.label ?? "").cells
        }
        out += TextTable.render(CompareRow.header(w), rows, markdown: markdown) + (markdown ? "\n" : "")
        for note in CompareSummary.notes(groups, language: language, publication: publication) { out += note + "\n" }
        for line in statistics(r, language: language) { out += line + "\n" }
        return out
    }

    /// SII, RII and the concentration index in words, with how to read them.
    static func statistics(_ r: GradientResult, language: Language) -> [String] {
        let w = language.words, h = w.labels.heterogeneity
        var lines: [String] = []
        if let sii = r.sii {
            lines.append("\(h.sii): \(language.interval(sii.sii.estimate, sii.sii.lower, sii.sii.upper, factor: 1000)) \(w.labels.per1000)")
            lines.append("\(h.rii): \(language.interval(sii.rii.estimate, sii.rii.lower, sii.rii.upper, digits: 2))")
            lines.append(h.siiReading)
        }
        if let c = r.concentration {
            lines.append("\(h.concentration) (\(r.buurtenRanked) \(h.buurtenRanked)): \(language.interval(c.index.estimate, c.index.lower, c.index.upper, digits: 3)), SE = \(language.number(c.standardError, digits: 3))")
            lines.append(c.index.estimate < 0 ? h.concentrationNegative : h.concentrationPositive)
        }
        return lines
    }

    public static func csv(_ r: GradientResult, language: Language, publication: Publication = .open) -> String {
        let hidden = r.groups.map { publication.plan($0).cells } ?? []
        let sep = language.csvSeparator
        let n = language.csvNumber
        var lines = [["measure", "group", "participants", "residents", "estimate", "lower", "upper"].joined(separator: sep)]
        for (i, g) in (r.groups?.comparison.groups ?? []).enumerated() {
            if hidden.contains(i) {
                lines.append(["reach", g.key, publication.control!.label, String(g.residents), "", "", ""].joined(separator: sep))
                continue
            }
            lines.append(["reach", g.key, String(g.participants), String(g.residents), n(g.reach.estimate), n(g.reach.interval?.lower),
                          n(g.reach.interval?.upper)].joined(separator: sep))
        }
        if let s = r.sii {
            lines.append(["sii", "", "", "", n(s.sii.estimate), n(s.sii.lower), n(s.sii.upper)].joined(separator: sep))
            lines.append(["rii", "", "", "", n(s.rii.estimate), n(s.rii.lower), n(s.rii.upper)].joined(separator: sep))
        }
        if let c = r.concentration {
            lines.append(["concentration_index", "", "", "", n(c.index.estimate), n(c.index.lower), n(c.index.upper)].joined(separator: sep))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ r: GradientResult, version: String, publication: Publication = .open) -> String {
        var pairs: [(String, JSONValue)] = [("schema", .string(schema)), ("bereik_version", .string(version)),
                                            ("confidence", .number(r.request.settings.confidence.value))]
        pairs += CompareJSON.sharedMembers(CompareResult(request: r.request, sources: r.sources, area: r.area,
                                                         reconciliation: r.reconciliation, dimensions: [], notes: r.notes),
                                           version: version, publication: publication)
        if let groups = r.groups, case .object(let d) = CompareJSON.dimension(groups, publication: publication) {
            pairs.append(("test", d.first { $0.0 == "test" }?.1 ?? .null))
            pairs.append(("groups", d.first { $0.0 == "groups" }?.1 ?? .array([])))
        } else {
            pairs.append(("groups", .array([])))
        }
        func interval(_ i: Interval?) -> JSONValue {
            i.map { .object([("estimate", .number($0.estimate)), ("lower", .number($0.lower)), ("upper", .number($0.upper))]) } ?? .null
        }
        pairs.append(("sii", interval(r.sii?.sii)))
        pairs.append(("rii", interval(r.sii?.rii)))
        pairs.append(("sii_method", r.sii.map { .object([("method", .string("phe-sii-wls-logit-simulation")),
                                                         ("repetitions", .integer($0.repetitions)), ("seed", .integer(Int($0.seed))),
                                                         ("ranks", .array($0.ranks.map { .number($0) }))]) } ?? .null))
        var ci = interval(r.concentration?.index)
        if case .object(var items) = ci, let c = r.concentration {
            items.append(("se", .number(c.standardError)))
            items.append(("units", .integer(r.buurtenRanked)))
            items.append(("reading", .string(c.index.estimate < 0 ? "concentrated_in_lower_ses" : "concentrated_in_higher_ses")))
            ci = .object(items)
        }
        pairs.append(("concentration_index", ci))
        return JSONValue.object(pairs).rendered() + "\n"
    }
}
