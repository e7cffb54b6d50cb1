import BereikData
import BereikPipeline
import BereikStats

/// `bereik compare --format json`: schema `bereik.compare/1`, documented in docs/json-schema.md.
public enum CompareJSON {
    public static let schema = "bereik.compare/1"

    public static func render(_ result: CompareResult, version: String, publication: Publication = .open) -> String {
        value(result, version: version, publication: publication).rendered() + "\n"
    }

    static func interval(_ i: Interval?, estimate: Double? = nil) -> JSONValue {
        guard let i else {
            return estimate == nil ? .null : .object([("estimate", .optional(estimate)), ("lower", .null), ("upper", .null), ("method", .null)])
        }
        return .object([("estimate", .number(i.estimate)), ("lower", .number(i.lower)), ("upper", .number(i.upper)),
                        ("method", .string(i.method.rawValue))])
    }

    public static func value(_ result: CompareResult, version: String, publication: Publication = .open) -> JSONValue {
        let r = result.reconciliation
        let count = publication.countValue
        let s = result.request.settings
        let input: JSONValue = .object([
            ("rows", count(r.rows)), ("rows_used", count(r.rowsUsed)),
            ("excluded", .object(ExclusionReason.allCases.compactMap { reason in r.excluded[reason].map { (reason.rawValue, count($0)) } })),
            ("persons", count(r.persons)), ("persons_outside_area", count(r.personsOutsideArea)),
            ("blank_lines", count(r.blankLines)),
            ("conflicts", .object(AttendanceRole.allCases.compactMap { role in r.conflicts[role].map { (role.rawValue, count($0)) } })),
            ("unknown", .object(Dimension.allCases.compactMap { d in r.unknown[d].map { (d.rawValue, count($0)) } })),
            ("unrecognised", publication.isControlled ? .object([]) : .object(AttendanceRole.allCases.compactMap { role in
                r.unrecognised[role].map { values in
                    (role.rawValue, .object(values.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) }))
                }
            })),
        ])
        let settings: JSONValue = .object([
            ("confidence", .number(s.confidence.value)), ("reach_interval", .string(s.reachInterval.rawValue)),
            ("adjustment", .string(s.adjustment.rawValue)),
            ("monte_carlo", .object([("draws", .integer(s.fit.draws)), ("seed", .integer(Int(s.fit.seed))),
                                     ("minimum_expected", .number(s.fit.minimumExpected))])),
            ("ses_groups", .integer(result.request.sesGroups)),
            ("from", .optional(result.request.from?.description)), ("to", .optional(result.request.to?.description)),
            ("area", .array(result.area.codes.map { .string($0.raw) })), ("area_choice", .string(result.area.origin.rawValue)),
            ("area_buurten", .integer(result.area.buurten.count)),
        ])
        let src = result.sources
        let sources: JSONValue = .object([
            ("attendance", .object([("file", .string(src.attendance)), ("separator", .string(src.dialect.separatorName)),
                                    ("encoding", .string(src.dialect.encoding.rawValue)),
                                    ("columns", .object(AttendanceRole.allCases.compactMap { role in src.columns[role].map { (role.rawValue, .string($0)) } }))])),
            ("population", .object([("file", .string(src.population)), ("bundled", .bool(src.populationBundled)),
                                    ("layout", .string(src.populationLayout)), ("origin_scheme", .string(src.originScheme.rawValue))])),
            ("ses", src.ses.map { .object([("file", .string($0)), ("period", .optional(src.sesPeriod))]) } ?? .null),
            ("postcodes", .optional(src.postcodes)),
        ])
        return .object([
            ("schema", .string(schema)), ("bereik_version", .string(version)),
            ("input", input), ("confidence", .number(s.confidence.value)), ("settings", settings), ("sources", sources),
            ("notes", .array(result.notes.map(note))),
            ("disclosure", publication.control.map { .object([("threshold", .integer($0.threshold)), ("applied", .bool(true))]) }
                ?? .object([("applied", .bool(false))])),
            ("dimensions", .array(result.dimensions.map { dimension($0, publication: publication) })),
        ])
    }

    /// The `input`, `settings`, `sources`, `notes` and `disclosure` members every schema shares,
    /// taken from the compare document of the same run (so all schemas word them alike).
    static func sharedMembers(_ result: CompareResult, version: String, publication: Publication) -> [(String, JSONValue)] {
        guard case .object(let items) = value(result, version: version, publication: publication) else { return [] }
        return ["input", "settings", "sources", "notes", "disclosure"].compactMap { key in items.first { $0.0 == key } }
    }

    static func note(_ n: RunNote) -> JSONValue {
        switch n {
        case .noBuurtInformation: return .string("no_buurt_information")
        case .bundledPopulation: return .string("bundled_population")
        case .sesUnavailable(let reason): return .string("ses_unavailable:\(reason)")
        case .dimensionWithoutColumn(let d): return .string("no_column:\(d.rawValue)")
        }
    }

    static func note(_ n: ComparisonNote) -> JSONValue {
        switch n {
        case .noResidents(let keys): return .object([("note", .string("no_residents")), ("groups", .array(keys.map { .string($0) }))])
        case .participantsExceedResidents(let keys):
            return .object([("note", .string("participants_exceed_residents")), ("groups", .array(keys.map { .string($0) }))])
        case .singleCategory: return .object([("note", .string("single_category"))])
        case .noParticipants: return .object([("note", .string("no_participants"))])
        case .smallExpectedCounts(let smallest):
            return .object([("note", .string("small_expected_counts")), ("smallest_expected", .number(smallest))])
        case .smallGroups(let keys, let threshold):
            return .object([("note", .string("small_groups")), ("threshold", .integer(threshold)), ("groups", .array(keys.map { .string($0) }))])
        }
    }

    static func dimension(_ d: DimensionResult, publication: Publication = .open) -> JSONValue {
        let c = d.comparison
        let plan = publication.plan(d)
        let open = plan.cells.isEmpty
        let withheld: JSONValue = .object([("withheld", .bool(true)), ("p_below_0_05", .bool((c.fit?.reportedPValue ?? 1) < 0.05)),
                                           ("method", .string(c.fit?.method ?? ""))])
        let test: JSONValue = !open && c.fit != nil ? withheld : c.fit.map { f in
            .object([("chi2", .number(f.chiSquared)), ("g2", .number(f.likelihoodRatio)), ("df", .integer(f.degreesOfFreedom)),
                     ("p_value", .number(f.reportedPValue)), ("method", .string(f.method)),
                     ("p_value_asymptotic", .number(f.pValue)), ("p_value_g2", .number(f.likelihoodRatioPValue)),
                     ("smallest_expected", .number(f.smallestExpected)),
                     ("monte_carlo", f.monteCarlo.map { m in
                         .object([("p_value", .number(m.pValue)), ("standard_error", .number(m.standardError)),
                                  ("draws", .integer(m.draws)), ("seed", .integer(Int(m.seed)))])
                     } ?? .null)])
        } ?? .null
        return .object([
            ("dimension", .string(d.counts.dimension.rawValue)),
            ("participants", plan.total ? .null : .integer(c.participants)), ("residents", .integer(c.residents)),
            ("participants_unknown", publication.countValue(d.counts.participantsUnknown)),
            ("participants_without_data", publication.countValue(d.counts.participantsWithoutData)),
            ("buurten_without_data", .integer(d.counts.buurtenWithoutData.count)),
            ("residents_source", .string(d.counts.residentsSource)),
            ("test", test),
            ("dissimilarity", open ? .optional(c.dissimilarity) : .null), ("cohens_w", open ? .optional(c.cohensW) : .null),
            ("r_indicator", !open ? .null : c.rIndicator.map { r in
                .object([("r", .number(r.r)), ("sd_propensity", .number(r.standardDeviation)),
                         ("mean_propensity", .number(r.meanPropensity)), ("partial_variable", .number(r.variablePartial))])
            } ?? .null),
            ("notes", .array(c.notes.map(note))),
            ("groups", groups(c, sesRanges: d.sesRanges, hidden: plan.cells)),
        ])
    }

    /// The `groups` array of a comparison (shared by compare, heterogeneity by activity, gradient).
    static func groups(_ c: DimensionComparison, sesRanges: [ClosedRange<Double>?]?, hidden: Set<Int> = []) -> JSONValue {
        .array(c.groups.enumerated().map { i, g in
            if hidden.contains(i) {
                // Withheld by disclosure control: the count and everything computed from it.
                return .object([("group", .string(g.key)), ("participants", .null), ("residents", .integer(g.residents)),
                                ("participant_share", .null), ("resident_share", .optional(g.residentShare)), ("reach", .null),
                                ("ratio", .null), ("p_value", .null), ("p_adjusted", .null), ("flag", .string(g.flag.rawValue)),
                                ("missing", .null), ("partial_r", .null), ("small", .bool(true)), ("suppressed", .bool(true))])
            }
            var pairs: [(String, JSONValue)] = [
                ("group", .string(g.key)), ("participants", .integer(g.participants)), ("residents", .integer(g.residents)),
                ("participant_share", .optional(g.participantShare)), ("resident_share", .optional(g.residentShare)),
                ("reach", interval(g.reach.interval, estimate: g.reach.estimate)),
                ("ratio", interval(g.ratio?.interval)),
                ("p_value", .optional(g.pValue)), ("p_adjusted", .optional(g.pAdjusted)),
                ("flag", .string(g.flag.rawValue)), ("missing", .optional(g.missing)),
                ("partial_r", .optional(g.partialR)),
                ("small", .bool(g.participants > 0 && g.participants < DimensionComparison.smallGroupThreshold)),
            ]
            if let range = sesRanges?[i] {
                pairs.append(("ses_score", .object([("min", .number(range.lowerBound)), ("max", .number(range.upperBound))])))
            }
            return .object(pairs)
        })
    }
}
