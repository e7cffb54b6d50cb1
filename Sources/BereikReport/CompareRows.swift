import BereikData
import BereikPipeline
import BereikStats

/// The display strings of one group, shared by the terminal table, Markdown and HTML.
struct CompareRow {
    let cells: [String]

    /// The report names the flag column in words ("Verschil") where the terminal says "Vlag".
    static func header(_ w: Words, flagColumn: String? = nil) -> [String] {
        [w.columns.group, w.columns.participants, w.columns.share, w.columns.residentShare, w.columns.ratio,
         w.columns.reach, w.columns.missing, flagColumn ?? w.columns.flag]
    }

    init(_ g: PublishedGroup, language: Language, control: DisclosureControl?, flagWords: [RepresentationFlag: String]? = nil) {
        let w = language.words
        let ratio = g.ratio.map {
            "\(language.number($0.estimate, digits: 2)) (\(language.number($0.interval.lower, digits: 2))–\(language.number($0.interval.upper, digits: 2)))"
        } ?? "–"
        let reach: String
        if let ci = g.reach.interval {
            reach = language.interval(ci.estimate, ci.lower, ci.upper, factor: 1000)
        } else if let e = g.reach.estimate {
            reach = language.interval(e, nil, nil, factor: 1000) + " (!)"
        } else {
            reach = "–"
        }
        let count = language.count(g.participants, control)
        let small = g.small && !g.participants.isWithheld ? "*" : ""
        cells = [w.label(g.key), count + small, language.percent(g.participantShare), language.percent(g.residentShare),
                 ratio, reach, g.extraNeeded.map { language.integer($0) } ?? "", (flagWords ?? w.flag)[g.flag] ?? ""]
    }
}

/// Plain sentences and notes of a published comparison, shared by every text format.
public enum CompareSummary {
    public static func sentences(_ result: PublishedCompare, language: Language) -> [String] {
        let w = language.words
        var under: [String] = [], over: [String] = []
        for d in result.dimensions {
            for g in d.groups {
                switch g.flag {
                case .under: under.append(w.label(g.key) + (g.extraNeeded.map { " (" + w.labels.missingPeople(language.integer($0)) + ")" } ?? ""))
                case .over: over.append(w.label(g.key))
                case .none: break
                }
            }
        }
        var out: [String] = []
        if !under.isEmpty {
            out.append(w.labels.missingSentence(under.joined(separator: ", ")))
            out.append(w.labels.missingExplained)
        }
        if !over.isEmpty { out.append(w.labels.overSentence(over.joined(separator: ", "))) }
        out += result.crossings.flatMap { CrossingRenderer.sentences($0, language: language) }
        if out.isEmpty { out.append(w.labels.noDifferences) }
        // Every dimension without a flag says what its test could have found (exact power).
        out += result.dimensions.filter { d in d.groups.allSatisfy { $0.flag == .none } }
            .compactMap { detectable($0, settings: result.context.settings, language: language) }
        return out
    }

    /// "No difference" never stands alone: per dimension, the ratios the test could have found
    /// (the range over its groups), or that nothing could have been found.
    static func detectable(_ d: PublishedDimension, settings: ComparisonSettings, language: Language) -> String? {
        let w = language.words
        let tested = d.groups.filter { $0.pValue != nil || $0.detectableUnder != nil || $0.detectableOver != nil }
        guard case .shown(let n) = d.participants, n > 0, !tested.isEmpty else { return nil }
        let name = w.dimension[d.dimension] ?? d.dimension.rawValue
        let unders = tested.compactMap(\.detectableUnder), overs = tested.compactMap(\.detectableOver)
        if unders.isEmpty && overs.isEmpty { return w.labels.notDetectable(name, language.integer(n)) }
        func range(_ values: [Double]) -> String {
            guard let lo = values.min(), let hi = values.max() else { return "–" }
            let a = language.number(lo, digits: 2), b = language.number(hi, digits: 2)
            return a == b ? a : "\(a)–\(b)"
        }
        let alpha = DetectableRatio.perGroupAlpha(settings.confidence.alpha, groups: tested.count, adjustment: settings.adjustment)
        let ratios = (unders.isEmpty ? [] : [w.labels.ratioBelow(range(unders))]) + (overs.isEmpty ? [] : [w.labels.ratioAbove(range(overs))])
        return w.labels.detectable(name, language.integer(n), ratios.joined(separator: " \(w.labels.or) "), language.number(alpha, digits: 3))
    }

    /// Notes on one dimension, worded.
    static func notes(_ d: PublishedDimension, context: PublishedContext, language: Language) -> [String] {
        let w = language.words
        var out: [String] = []
        if d.withheldGroups > 0, let control = context.disclosure {
            out.append(w.labels.suppressedCells.replacingOccurrences(of: "%d", with: String(control.threshold)))
        }
        for n in d.notes {
            switch n {
            case .noResidents(let keys, _): out.append("\(w.labels.noResidents): \(keys.map(w.label).joined(separator: ", "))")
            case .participantsExceedResidents(let keys): out.append("\(w.labels.exceedResidents): \(keys.map(w.label).joined(separator: ", "))")
            case .singleCategory: out.append(w.labels.singleCategory)
            case .noParticipants: out.append(w.labels.noParticipants)
            case .smallExpectedCounts: out.append(w.labels.monteCarlo)
            case .smallGroups(_, let threshold): out.append("* " + w.labels.smallGroups.replacingOccurrences(of: "%d", with: String(threshold)))
            }
        }
        let rounded = d.groups.compactMap { g -> String? in
            guard let r = g.rounding else { return nil }
            let range = r.exceedsRounding ? w.labels.beyondRounding
                : language.number(r.lower * 1000, digits: 1) + "–" + (r.upper.map { language.number(min($0, 1) * 1000, digits: 1) } ?? "?")
            return "\(w.label(g.key)) (\(language.integer(g.residents))): \(range)"
        }
        if !rounded.isEmpty { out.append(w.labels.rounding(rounded.joined(separator: "; "))) }
        if let rs = d.raoScott {
            out.append(w.labels.raoScott(language.number(rs.chiSquared, digits: 2), CompareSummary.pValue(rs.pValue, language),
                                         language.number(rs.meanDesignEffect, digits: 2)))
        }
        if let ses = d.sesGrouping {
            switch ses.basis {
            case .area: out.append(w.labels.sesRelative)
            case .national: out.append(w.labels.sesNational)
            case .cutPoints: out.append(w.labels.sesCutPoints((ses.cutPoints ?? []).map { language.number($0, digits: 2) }.joined(separator: "; ")))
            }
            if !ses.empty.isEmpty { out.append(w.labels.sesEmpty(ses.empty.map { w.label(d.groups[$0].key) }.joined(separator: ", "))) }
        }
        let ranges = d.groups.compactMap { g in g.sesRange.map { "\(g.key) \(language.number($0.lowerBound, digits: 2))…\(language.number($0.upperBound, digits: 2))" } }
        if !ranges.isEmpty { out.append("\(w.labels.sesScores): " + ranges.joined(separator: "; ")) }
        if d.participantsUnknown != .shown(0) {
            out.append("\(w.labels.unknown): \(language.persons(d.participantsUnknown, context.disclosure))")
        }
        if d.participantsWithoutData != .shown(0) {
            out.append("\(language.count(d.participantsWithoutData, context.disclosure)) \(w.labels.withoutData) (\(d.buurtenWithoutData) buurten)")
        }
        return out
    }

    static func testLine(_ d: PublishedDimension, language: Language) -> String? {
        let w = language.words
        switch d.test {
        case nil: return nil
        case .verdict(let below, _)?:
            return "\(w.labels.fitTest): p \(below ? "< " : "≥ ")\(language.number(0.05, digits: 2)) (\(w.labels.suppressedNote))"
        case .exact(let f)?:
            var text = "\(w.labels.fitTest): X² = \(language.number(f.chiSquared, digits: 2)), df = \(f.degreesOfFreedom), p \(pValue(f.reportedPValue, language))"
            if let mc = f.monteCarlo { text += " (Monte Carlo, ±\(language.number(mc.standardError, digits: 4)))" }
            if let dis = d.dissimilarity { text += "; D = \(language.number(dis, digits: 3))" }
            if let r = d.rIndicator {
                text += "; R = \(language.number(r.r, digits: 3))"
                if let cv = r.coefficientOfVariation { text += "; " + w.labels.maximalBias(language.number(cv, digits: 2)) }
            }
            return text
        }
    }

    static func pValue(_ p: Double, _ language: Language) -> String {
        p < 0.001 ? "< " + language.number(0.001, digits: 3) : "= " + language.number(p, digits: 3)
    }

    static func reconciliation(_ context: PublishedContext, language: Language) -> [String] {
        let w = language.words, r = context.reconciliation
        let c = { language.count($0, context.disclosure) }
        var lines = ["\(w.labels.attendance): \(c(r.rows)) \(w.labels.rowsRead), \(c(r.rowsUsed)) \(w.labels.rowsUsed), \(language.persons(r.persons, context.disclosure))"]
        for (reason, n) in r.excluded { lines.append("  \(w.labels.excluded): \(c(n)) — \(w.exclusion[reason]!)") }
        if r.personsOutsideArea != .shown(0) { lines.append("  \(c(r.personsOutsideArea)) \(w.labels.personsOutsideArea)") }
        if r.blankLines > 0 { lines.append("  \(language.integer(r.blankLines)) \(w.labels.blankLines)") }
        for (role, n) in r.conflicts { lines.append("  \(w.labels.conflicts) (\(w.roleName(role))): \(language.persons(n, context.disclosure))") }
        for (role, values) in r.unrecognised {
            let examples = values.prefix(5).map { "'\(TextTable.cut($0.value))' (\($0.count))" }.joined(separator: ", ")
            lines.append("  \(w.labels.unrecognised) (\(w.roleName(role))): \(examples)")
        }
        let area = context.area.labels.joined(separator: ", ")
        lines.append("\(w.labels.area): \(area) — \(language.integer(context.area.buurten.count)) buurten")
        for c in context.area.nameChoices {
            lines.append("  " + language.messages.nameChoice(c.query, c.code.raw, c.others.map(\.raw).joined(separator: ", ")))
        }
        let populationFile = context.sources.population.split(separator: "/").last.map(String.init) ?? context.sources.population
        lines.append("\(w.labels.population): " + (context.sources.populationBundled ? language.messages.bundledPopulationName
                                                                                     : "\(populationFile) [\(context.sources.populationLayout)]"))
        for note in context.notes {
            switch note {
            case .bundledPopulation: lines.append(w.labels.bundled)
            case .noBuurtInformation: lines.append(w.labels.noBuurt)
            case .sesUnavailable(let reason): lines.append("\(w.labels.sesUnavailable) (\(reason))")
            case .dimensionWithoutColumn(let d): lines.append("\(w.dimension[d]!): \(w.labels.noColumn)")
            case .namesAsPersons(let column): lines.append(language.messages.namesAsPersons(column))
            case .manyRowsExcluded, .manyUnknown: break  // at the top, see `Language.warnings`
            }
        }
        return lines
    }
}

/// `bereik compare` as a terminal table (fits 100 columns) or Markdown: per dimension the table,
/// the test and indices, notes; then the plain summary and the reconciliation.
public enum CompareText {
    public static func render(_ result: PublishedCompare, language: Language, markdown: Bool = false) -> String {
        let w = language.words, ctx = result.context
        let text = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        var out = markdown ? "# \(text(w.labels.title))\n\n" + Warnings.block(ctx.notes, language, markdown: true) + "## \(w.labels.summary)\n\n" : ""
        if markdown {
            for s in CompareSummary.sentences(result, language: language) { out += "- \(text(s))\n" }
        } else {
            out += "\(w.labels.title)\n\n" + Warnings.block(ctx.notes, language, markdown: false)
        }
        for d in result.dimensions {
            let heading = "\(w.dimension[d.dimension]!) (\(language.confidenceLabel(ctx.settings.confidence.value)))"
            out += markdown ? "\n## \(text(heading))\n\n" : heading + "\n"
            let rows = d.groups.map { CompareRow($0, language: language, control: ctx.disclosure).cells }
            out += TextTable.render(CompareRow.header(w), rows, markdown: markdown)
            if markdown { out += "\n" }
            if let line = CompareSummary.testLine(d, language: language) { out += text(line) + (markdown ? "\n\n" : "\n") }
            for note in CompareSummary.notes(d, context: ctx, language: language) { out += (markdown ? "- " : "") + text(note) + "\n" }
            if !markdown { out += "\n" }
        }
        for c in result.crossings { out += CrossingRenderer.text(c, context: ctx, language: language, markdown: markdown) }
        if let change = result.periodChange {
            out += PeriodChangeRenderer.text(change, confidence: ctx.settings.confidence.value, control: ctx.disclosure, language: language, markdown: markdown)
        }
        if markdown {
            out += "\n## \(w.labels.attendance)\n\n```\n" + CompareSummary.reconciliation(ctx, language: language).map(Escape.terminal).joined(separator: "\n") + "\n```\n"
        } else {
            out += "\(w.labels.summary):\n"
            for s in CompareSummary.sentences(result, language: language) { out += "  " + text(s) + "\n" }
            out += "\n" + CompareSummary.reconciliation(ctx, language: language).map(Escape.terminal).joined(separator: "\n") + "\n"
        }
        return out
    }
}

/// `bereik compare --format csv`: one row per dimension × group with every number.
public enum CompareCSV {
    public static let columns = ["dimension", "group", "participants", "residents", "participant_share", "resident_share",
                                 "reach", "reach_lower", "reach_upper", "ratio", "ratio_lower", "ratio_upper",
                                 "p_value", "p_adjusted", "flag", "extra_needed", "shortfall_at_current_size", "test_chi2", "test_df", "test_p_value",
                                 "test_method", "dissimilarity", "r_indicator", "confidence"]

    public static func render(_ result: PublishedCompare, language: Language) -> String {
        var csv = CSVWriter(language: language, warnings: language.warnings(result.context.notes), header: columns)
        for d in result.dimensions { rows(d, name: d.dimension.rawValue, result.context, &csv, language) }
        // A crossing's groups: dimension "gender:ses|Q1".
        for c in result.crossings { for g in c.groups { rows(g.comparison, name: "\(c.crossing)|\(g.key)", result.context, &csv, language) } }
        return csv.text
    }

    static func rows(_ d: PublishedDimension, name: String, _ ctx: PublishedContext, _ csv: inout CSVWriter, _ language: Language) {
        let n = language.csvNumber
        var f: FitTest?
        if case .exact(let fit)? = d.test { f = fit }
        for g in d.groups {
            csv.row([name, g.key, csv.count(g.participants, ctx.disclosure), String(g.residents),
                     n(g.participantShare), n(g.residentShare),
                     n(g.reach.estimate), n(g.reach.interval?.lower), n(g.reach.interval?.upper),
                     n(g.ratio?.estimate), n(g.ratio?.interval.lower), n(g.ratio?.interval.upper),
                     n(g.pValue), n(g.pAdjusted), g.flag.rawValue, g.extraNeeded.map(String.init) ?? "", g.missing.map(String.init) ?? "",
                     n(f?.chiSquared), f.map { String($0.degreesOfFreedom) } ?? "", n(f?.reportedPValue),
                     f?.method ?? "", n(d.dissimilarity), n(d.rIndicator?.r), n(ctx.settings.confidence.value)])
        }
    }
}
