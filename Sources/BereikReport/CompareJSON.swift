import BereikData
import BereikPipeline
import BereikStats

/// JSON pieces every schema shares (`input`, `settings`, `sources`, `notes`, `disclosure`), and
/// `bereik compare --format json`: schema `bereik.compare/2`, documented in docs/json-schema.md.
/// A withheld count is `null`.
public enum CompareJSON {
    public static let schema = "bereik.compare/2"

    public static func render(_ result: PublishedCompare, version: String) -> String {
        value(result, version: version).rendered() + "\n"
    }

    public static func value(_ result: PublishedCompare, version: String) -> JSONValue {
        .object(header(schema: schema, version: version, result.context)
            + [("dimensions", .array(result.dimensions.map { dimension($0) }))])
    }

    static func count(_ c: PublishedCount) -> JSONValue { c.value.map { .integer($0) } ?? .null }

    static func interval(_ i: Interval?, estimate: Double? = nil) -> JSONValue {
        guard let i else {
            return estimate == nil ? .null : .object([("estimate", .optional(estimate)), ("lower", .null), ("upper", .null), ("method", .null)])
        }
        return .object([("estimate", .number(i.estimate)), ("lower", .number(i.lower)), ("upper", .number(i.upper)),
                        ("method", .string(i.method.rawValue))])
    }

    /// `schema`, `bereik_version`, `input`, `confidence`, `settings`, `sources`, `notes`, `disclosure`.
    static func header(schema: String, version: String, _ ctx: PublishedContext, extra: [(String, JSONValue)] = []) -> [(String, JSONValue)] {
        let r = ctx.reconciliation, s = ctx.settings
        let input: JSONValue = .object([
            ("rows", count(r.rows)), ("rows_used", count(r.rowsUsed)),
            ("excluded", .object(r.excluded.map { ($0.reason.rawValue, count($0.count)) })),
            ("persons", count(r.persons)), ("persons_outside_area", count(r.personsOutsideArea)),
            ("blank_lines", .integer(r.blankLines)),
            ("conflicts", .object(r.conflicts.map { ($0.role.rawValue, count($0.count)) })),
            ("unknown", .object(r.unknown.map { ($0.dimension.rawValue, count($0.count)) })),
            ("unrecognised", .object(r.unrecognised.map { role, values in
                (role.rawValue, .object(values.sorted { $0.value < $1.value }.map { ($0.value, .integer($0.count)) }))
            })),
        ])
        let settings: JSONValue = .object([
            ("confidence", .number(s.confidence.value)), ("reach_interval", .string(s.reachInterval.rawValue)),
            ("adjustment", .string(s.adjustment.rawValue)),
            ("monte_carlo", .object([("draws", .integer(s.fit.draws)), ("seed", .integer(Int(truncatingIfNeeded: s.fit.seed))),
                                     ("minimum_expected", .number(s.fit.minimumExpected))])),
            ("ses_groups", .integer(ctx.sesGroups)),
            ("from", .optional(ctx.from?.description)), ("to", .optional(ctx.to?.description)),
            ("area", .array(ctx.area.codes.map { .string($0.raw) })), ("area_choice", .string(ctx.area.origin.rawValue)),
            ("area_buurten", .integer(ctx.area.buurten.count)),
        ])
        let src = ctx.sources
        let sources: JSONValue = .object([
            ("attendance", .object([("file", .string(src.attendance)), ("separator", .string(src.dialect.separatorName)),
                                    ("encoding", .string(src.dialect.encoding.rawValue)),
                                    ("columns", .object(AttendanceRole.allCases.compactMap { role in src.columns[role].map { (role.rawValue, .string($0)) } }))])),
            ("population", .object([("file", .string(src.population)), ("bundled", .bool(src.populationBundled)),
                                    ("layout", .string(src.populationLayout)), ("origin_scheme", .string(src.originScheme.rawValue))])),
            ("ses", src.ses.map { .object([("file", .string($0)), ("period", .optional(src.sesPeriod))]) } ?? .null),
            ("postcodes", .optional(src.postcodes)),
        ])
        let warnings: JSONValue = .array(ctx.notes.compactMap { n -> JSONValue? in
            switch n {
            case .manyRowsExcluded(let reason):
                return .object([("warning", .string("many_rows_excluded")), ("main_reason", .string(reason.rawValue)), ("threshold", .number(0.1))])
            case .manyUnknown(let d):
                return .object([("warning", .string("many_unknown")), ("dimension", .string(d.rawValue)), ("threshold", .number(0.2))])
            default: return nil
            }
        })
        return [("schema", .string(schema)), ("bereik_version", .string(version))] + extra + [
            ("warnings", warnings), ("input", input), ("confidence", .number(s.confidence.value)), ("settings", settings), ("sources", sources),
            ("notes", .array(ctx.notes.map(note))),
            ("disclosure", ctx.disclosure.map { .object([("threshold", .integer($0.threshold)), ("applied", .bool(true))]) }
                ?? .object([("applied", .bool(false))])),
        ]
    }

    static func note(_ n: RunNote) -> JSONValue {
        switch n {
        case .noBuurtInformation: return .string("no_buurt_information")
        case .bundledPopulation: return .string("bundled_population")
        case .sesUnavailable(let reason): return .string("ses_unavailable:\(reason)")
        case .dimensionWithoutColumn(let d): return .string("no_column:\(d.rawValue)")
        case .namesAsPersons: return .string("names_as_persons")
        case .manyRowsExcluded(let reason): return .string("many_rows_excluded:\(reason.rawValue)")
        case .manyUnknown(let d): return .string("many_unknown:\(d.rawValue)")
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
            return .object([("note", .string("small_expected_counts")), ("smallest_expected", smallest.isFinite ? .number(smallest) : .null)])
        case .smallGroups(let keys, let threshold):
            return .object([("note", .string("small_groups")), ("threshold", .integer(threshold)), ("groups", .array(keys.map { .string($0) }))])
        }
    }

    static func test(_ t: PublishedTest?) -> JSONValue {
        switch t {
        case nil: return .null
        case .verdict(let below, let method)?:
            return .object([("withheld", .bool(true)), ("p_below_0_05", .bool(below)), ("method", .string(method))])
        case .exact(let f)?:
            return .object([("chi2", .number(f.chiSquared)), ("g2", .number(f.likelihoodRatio)), ("df", .integer(f.degreesOfFreedom)),
                            ("p_value", .number(f.reportedPValue)), ("method", .string(f.method)),
                            ("p_value_asymptotic", .number(f.pValue)), ("p_value_g2", .number(f.likelihoodRatioPValue)),
                            ("smallest_expected", .number(f.smallestExpected)),
                            ("monte_carlo", f.monteCarlo.map { m in
                                .object([("p_value", .number(m.pValue)), ("standard_error", .number(m.standardError)),
                                         ("draws", .integer(m.draws)), ("seed", .integer(Int(truncatingIfNeeded: m.seed)))])
                            } ?? .null)])
        }
    }

    static func dimension(_ d: PublishedDimension) -> JSONValue {
        .object([
            ("dimension", .string(d.dimension.rawValue)),
            ("participants", count(d.participants)), ("residents", .integer(d.residents)),
            ("participants_unknown", count(d.participantsUnknown)),
            ("participants_without_data", count(d.participantsWithoutData)),
            ("buurten_without_data", .integer(d.buurtenWithoutData)),
            ("residents_source", .string(d.residentsSource)),
            ("test", test(d.test)),
            ("dissimilarity", .optional(d.dissimilarity)), ("cohens_w", .optional(d.cohensW)),
            ("r_indicator", d.rIndicator.map { r in
                .object([("r", .number(r.r)), ("sd_propensity", .number(r.standardDeviation)),
                         ("mean_propensity", .number(r.meanPropensity)), ("partial_variable", .number(r.variablePartial))])
            } ?? .null),
            ("notes", .array(d.notes.map(note))),
            ("groups", groups(d.groups)),
        ])
    }

    /// The `groups` array of a comparison (compare, heterogeneity by activity, gradient).
    static func groups(_ groups: [PublishedGroup]) -> JSONValue {
        .array(groups.map { g in
            var pairs: [(String, JSONValue)] = [
                ("group", .string(g.key)), ("participants", count(g.participants)), ("residents", .integer(g.residents)),
                ("participant_share", .optional(g.participantShare)), ("resident_share", .optional(g.residentShare)),
                ("reach", interval(g.reach.interval, estimate: g.reach.estimate)),
                ("ratio", interval(g.ratio?.interval)),
                ("p_value", .optional(g.pValue)), ("p_adjusted", .optional(g.pAdjusted)),
                ("flag", .string(g.flag.rawValue)), ("extra_needed", .optional(g.extraNeeded)),
                ("shortfall_at_current_size", .optional(g.missing)),
                ("partial_r", .optional(g.partialR)), ("small", .bool(g.small)),
                ("detectable", .object([("under", .optional(g.detectableUnder)), ("over", .optional(g.detectableOver)), ("power", .number(0.8))])),
            ]
            if g.participants.isWithheld { pairs.append(("suppressed", .bool(true))) }
            if let range = g.sesRange {
                pairs.append(("ses_score", .object([("min", .number(range.lowerBound)), ("max", .number(range.upperBound))])))
            }
            return .object(pairs)
        })
    }
}
