import BereikData
import BereikPipeline
import BereikStats

/// The display strings of one group, shared by the terminal table and Markdown.
struct CompareRow {
    let cells: [String]

    static func header(_ w: Words) -> [String] {
        [w.columns.group, w.columns.participants, w.columns.share, w.columns.residentShare, w.columns.ratio,
         w.columns.reach, w.columns.missing, w.columns.flag]
    }

    init(_ g: GroupComparison, dimension: DimensionResult, index: Int, language: Language, hidden: Bool = false,
         label hiddenLabel: String = "") {
        let w = language.words
        if hidden {
            cells = [w.label(g.key), hiddenLabel, "–", language.percent(g.residentShare), "–", "–", "", w.flag[g.flag] ?? ""]
            return
        }
        let label = w.label(g.key)
        let ratio: String
        if let r = g.ratio {
            ratio = "\(language.number(r.estimate, digits: 2)) (\(language.number(r.interval.lower, digits: 2))–\(language.number(r.interval.upper, digits: 2)))"
        } else {
            ratio = "–"
        }
        let reach: String
        if let ci = g.reach.interval {
            let s = ci.scaled(by: 1000)
            reach = "\(language.number(s.estimate, digits: 1)) (\(language.number(s.lower, digits: 1))–\(language.number(s.upper, digits: 1)))"
        } else if let e = g.reach.estimate {
            reach = language.number(e * 1000, digits: 1) + " (!)"
        } else {
            reach = "–"
        }
        let small = g.participants > 0 && g.participants < DimensionComparison.smallGroupThreshold ? "*" : ""
        cells = [label, language.integer(g.participants) + small, language.percent(g.participantShare), language.percent(g.residentShare),
                 ratio, reach, g.missing.map { language.integer($0) } ?? "", w.flag[g.flag] ?? ""]
    }
}

/// Plain sentences: who is missing and how many people that is; who is over-represented.
public enum CompareSummary {
    public static func sentences(_ result: CompareResult, language: Language, publication: Publication = .open) -> [String] {
        let w = language.words
        var under: [String] = [], over: [String] = []
        for d in result.dimensions {
            let hidden = publication.plan(d).cells
            for (i, g) in d.comparison.groups.enumerated() {
                switch g.flag {
                case .under:
                    let count = hidden.contains(i) ? "" : g.missing.map { " (" + w.labels.missingPeople(language.integer($0)) + ")" } ?? ""
                    under.append(w.label(g.key) + count)
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
        if out.isEmpty { out.append(w.labels.noDifferences) }
        return out
    }

    /// Notes on one dimension, worded.
    static func notes(_ d: DimensionResult, language: Language, publication: Publication = .open) -> [String] {
        let w = language.words
        var out: [String] = []
        if !publication.plan(d).cells.isEmpty, let control = publication.control {
            out.append(w.labels.suppressedCells.replacingOccurrences(of: "%d", with: String(control.threshold)))
        }
        for n in d.comparison.notes {
            switch n {
            case .noResidents(let keys): out.append("\(w.labels.noResidents): \(keys.map(w.label).joined(separator: ", "))")
            case .participantsExceedResidents(let keys): out.append("\(w.labels.exceedResidents): \(keys.map(w.label).joined(separator: ", "))")
            case .singleCategory: out.append(w.labels.singleCategory)
            case .noParticipants: out.append(w.labels.noParticipants)
            case .smallExpectedCounts: out.append(w.labels.monteCarlo)
            case .smallGroups(_, let threshold): out.append("* " + w.labels.smallGroups.replacingOccurrences(of: "%d", with: String(threshold)))
            }
        }
        if let ranges = d.sesRanges {
            let text = zip(d.counts.keys, ranges).compactMap { key, range in
                range.map { "\(key) \(language.number($0.lowerBound, digits: 2))…\(language.number($0.upperBound, digits: 2))" }
            }
            out.append("\(w.labels.sesScores): " + text.joined(separator: "; "))
        }
        if d.counts.participantsUnknown > 0 { out.append("\(w.labels.unknown): \(publication.count(d.counts.participantsUnknown, language)) \(w.labels.persons)") }
        if d.counts.participantsWithoutData > 0 {
            out.append("\(publication.count(d.counts.participantsWithoutData, language)) \(w.labels.withoutData) (\(d.counts.buurtenWithoutData.count) buurten)")
        }
        return out
    }

    static func testLine(_ d: DimensionResult, language: Language, publication: Publication = .open) -> String? {
        let w = language.words
        guard let f = d.comparison.fit else { return nil }
        if !publication.plan(d).cells.isEmpty {
            // Statistics of a table with withheld cells could give them away: only the verdict.
            return "\(w.labels.fitTest): p \(f.reportedPValue < 0.05 ? "< " + language.number(0.05, digits: 2) : "≥ " + language.number(0.05, digits: 2)) (\(w.labels.suppressedNote))"
        }
        var text = "\(w.labels.fitTest): X² = \(language.number(f.chiSquared, digits: 2)), df = \(f.degreesOfFreedom), p \(pValue(f.reportedPValue, language))"
        if let mc = f.monteCarlo { text += " (Monte Carlo, ±\(language.number(mc.standardError, digits: 4)))" }
        if let dis = d.comparison.dissimilarity { text += "; D = \(language.number(dis, digits: 3))" }
        if let r = d.comparison.rIndicator { text += "; R = \(language.number(r.r, digits: 3))" }
        return text
    }

    static func pValue(_ p: Double, _ language: Language) -> String {
        p < 0.001 ? "< " + language.number(0.001, digits: 3) : "= " + language.number(p, digits: 3)
    }

    static func reconciliation(_ result: CompareResult, language: Language, publication: Publication = .open) -> [String] {
        let w = language.words, r = result.reconciliation
        let c = { publication.count($0, language) }
        var lines = ["\(w.labels.attendance): \(c(r.rows)) \(w.labels.rowsRead), \(c(r.rowsUsed)) \(w.labels.rowsUsed), \(c(r.persons)) \(w.labels.persons)"]
        for reason in ExclusionReason.allCases {
            if let n = r.excluded[reason] { lines.append("  \(w.labels.excluded): \(c(n)) — \(w.exclusion[reason]!)") }
        }
        if r.personsOutsideArea > 0 { lines.append("  \(c(r.personsOutsideArea)) \(w.labels.personsOutsideArea)") }
        if r.blankLines > 0 { lines.append("  \(c(r.blankLines)) \(w.labels.blankLines)") }
        for (role, n) in r.conflicts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            lines.append("  \(w.labels.conflicts) (\(role.rawValue)): \(c(n)) \(w.labels.persons)")
        }
        // Unrecognised values are raw text typed by people: never shown under disclosure control.
        for (role, values) in r.unrecognised.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !publication.isControlled {
            let examples = values.sorted { $0.value > $1.value }.prefix(5).map { "'\($0.key)' (\($0.value))" }.joined(separator: ", ")
            lines.append("  \(w.labels.unrecognised) (\(role.rawValue)): \(examples)")
        }
        let area = result.area.codes.map(\.raw).joined(separator: ", ")
        lines.append("\(w.labels.area): \(area) (\(language.integer(result.area.buurten.count)) buurten)")
        let populationFile = result.sources.population.split(separator: "/").last.map(String.init) ?? result.sources.population
        lines.append("\(w.labels.population): \(populationFile) [\(result.sources.populationLayout)]")
        for note in result.notes {
            switch note {
            case .bundledPopulation: lines.append(w.labels.bundled)
            case .noBuurtInformation: lines.append(w.labels.noBuurt)
            case .sesUnavailable(let reason): lines.append("\(w.labels.sesUnavailable) (\(reason))")
            case .dimensionWithoutColumn(let d): lines.append("\(w.dimension[d]!): \(w.labels.noColumn)")
            }
        }
        return lines
    }
}
