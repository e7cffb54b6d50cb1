import BereikData
import BereikPipeline
import BereikPublish
import BereikStats

/// The frame of every analysis schema (docs/json-schema.md): `schema`, `bereik_version`, the
/// schema's leading keys (`by`, `period`), the run header, then the schema's body.
struct JSONDocument<Lead: Encodable, Body: Encodable>: Encodable {
    let schema: String
    let bereikVersion: String
    let lead: Lead
    let header: RunHeaderJSON
    let body: Body

    init(schema: String, version: String, lead: Lead, context: PublishedContext, body: Body) {
        self.schema = schema
        bereikVersion = version
        self.lead = lead
        header = RunHeaderJSON(context)
        self.body = body
    }

    private enum CodingKeys: String, CodingKey { case schema, bereikVersion }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(bereikVersion, forKey: .bereikVersion)
        try lead.encode(to: encoder)
        try header.encode(to: encoder)
        try body.encode(to: encoder)
    }
}

/// A schema without leading keys.
struct NoLead: Encodable {}

/// `warnings`, `input`, `confidence`, `settings`, `sources`, `notes`, `disclosure`: shared by every analysis schema.
struct RunHeaderJSON: Encodable {
    struct Warning: Encodable {
        let warning: String
        let mainReason: Omittable<String>
        let dimension: Omittable<String>
        let threshold: Double
    }

    struct Input: Encodable {
        let rows: Int?
        let rowsUsed: Int?
        let excluded: JSONObject<Int?>
        let persons: Int?
        let personsOutsideArea: Int?
        let blankLines: Int
        let conflicts: JSONObject<Int?>
        let unknown: JSONObject<Int?>
        let unrecognised: JSONObject<JSONObject<Int>>
    }

    struct MonteCarlo: Encodable {
        let draws: Int
        let seed: Int
        let minimumExpected: Double
    }

    struct Settings: Encodable {
        let confidence: Double
        let reachInterval: String
        let adjustment: String
        let monteCarlo: MonteCarlo
        let sesGroups: Int
        let sesCutPoints: [Double]?
        let cluster: String
        let funnel: String
        let from: String?
        let to: String?
        let area: [String]
        let areaChoice: String
        let areaBuurten: Int
    }

    struct AttendanceSource: Encodable {
        let file: String
        let separator: String
        let encoding: String
        let columns: JSONObject<String>
    }

    struct PopulationSource: Encodable {
        let file: String
        let bundled: Bool
        let layout: String
        let originScheme: String
    }

    struct SESSource: Encodable {
        let file: String
        let period: String?
    }

    struct Sources: Encodable {
        let attendance: AttendanceSource
        let population: PopulationSource
        let ses: SESSource?
        let postcodes: String?
    }

    struct Disclosure: Encodable {
        let threshold: Omittable<Int>
        let applied: Bool
    }

    let warnings: [Warning]
    let input: Input
    let confidence: Double
    let settings: Settings
    let sources: Sources
    let notes: [String]
    let disclosure: Disclosure

    init(_ ctx: PublishedContext) {
        let r = ctx.reconciliation, s = ctx.settings, src = ctx.sources
        warnings = ctx.notes.compactMap { n in
            switch n {
            case .manyRowsExcluded(let reason):
                return Warning(warning: "many_rows_excluded", mainReason: Omittable(reason.rawValue), dimension: Omittable(nil), threshold: 0.1)
            case .manyUnknown(let d):
                return Warning(warning: "many_unknown", mainReason: Omittable(nil), dimension: Omittable(d.rawValue), threshold: 0.2)
            default: return nil
            }
        }
        input = Input(rows: r.rows.value, rowsUsed: r.rowsUsed.value,
                      excluded: JSONObject(r.excluded.map { ($0.reason.rawValue, $0.count.value) }),
                      persons: r.persons.value, personsOutsideArea: r.personsOutsideArea.value, blankLines: r.blankLines,
                      conflicts: JSONObject(r.conflicts.map { ($0.role.rawValue, $0.count.value) }),
                      unknown: JSONObject(r.unknown.map { ($0.dimension.rawValue, $0.count.value) }),
                      unrecognised: JSONObject(r.unrecognised.map { role, values in
                          (role.rawValue, JSONObject(values.sorted { $0.value < $1.value }.map { ($0.value, $0.count) }))
                      }))
        confidence = s.confidence.value
        settings = Settings(confidence: s.confidence.value, reachInterval: s.reachInterval.rawValue, adjustment: s.adjustment.rawValue,
                            monteCarlo: MonteCarlo(draws: s.fit.draws, seed: Int(truncatingIfNeeded: s.fit.seed), minimumExpected: s.fit.minimumExpected),
                            sesGroups: ctx.sesGroups, sesCutPoints: ctx.sesCutPoints, cluster: ctx.cluster.rawValue, funnel: ctx.funnel.rawValue, from: ctx.from?.description, to: ctx.to?.description,
                            area: ctx.area.codes.map(\.raw), areaChoice: ctx.area.origin.rawValue, areaBuurten: ctx.area.buurten.count)
        sources = Sources(
            attendance: AttendanceSource(file: src.attendance, separator: src.dialect.separatorName, encoding: src.dialect.encoding.rawValue,
                                         columns: JSONObject(AttendanceRole.allCases.compactMap { role in src.columns[role].map { (role.rawValue, $0) } })),
            population: PopulationSource(file: src.population, bundled: src.populationBundled, layout: src.populationLayout,
                                         originScheme: src.originScheme.rawValue),
            ses: src.ses.map { SESSource(file: $0, period: src.sesPeriod) }, postcodes: src.postcodes)
        notes = ctx.notes.map(Self.note)
        disclosure = Disclosure(threshold: Omittable(ctx.disclosure?.threshold), applied: ctx.disclosure != nil)
    }

    static func note(_ n: RunNote) -> String {
        switch n {
        case .noBuurtInformation: return "no_buurt_information"
        case .bundledPopulation: return "bundled_population"
        case .sesUnavailable(let reason): return "ses_unavailable:\(reason)"
        case .dimensionWithoutColumn(let d): return "no_column:\(d.rawValue)"
        case .namesAsPersons: return "names_as_persons"
        case .manyRowsExcluded(let reason): return "many_rows_excluded:\(reason.rawValue)"
        case .manyUnknown(let d): return "many_unknown:\(d.rawValue)"
        }
    }
}

/// An estimate with its interval and method; the limits are null when the estimate has none.
struct IntervalJSON: Encodable {
    let estimate: Double?
    let lower: Double?
    let upper: Double?
    let method: String?

    /// Null when there is neither an interval nor an estimate.
    static func make(_ i: Interval?, estimate: Double? = nil) -> IntervalJSON? {
        guard let i else { return estimate.map { IntervalJSON(estimate: $0, lower: nil, upper: nil, method: nil) } }
        return IntervalJSON(estimate: i.estimate, lower: i.lower, upper: i.upper, method: i.method.rawValue)
    }

    static func make(_ r: PublishedRate) -> IntervalJSON? { make(r.interval, estimate: r.estimate) }
}

/// An estimate with its interval, without a method name (SII, RII).
struct EstimateJSON: Encodable {
    let estimate: Double
    let lower: Double
    let upper: Double
    init(_ i: Interval) { estimate = i.estimate; lower = i.lower; upper = i.upper }
}

/// A test replaced by its verdict because its table has a withheld cell.
struct WithheldTestJSON: Encodable {
    let withheld = true
    let pBelowAlpha: Bool
    let key: String

    /// `key`: `p_below_alpha` or (compare, activities) `p_below_0_05`.
    init(pBelowAlpha: Bool, key: String = "p_below_alpha") { self.pBelowAlpha = pBelowAlpha; self.key = key }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: VerbatimKey.self)
        try c.encode(withheld, forKey: VerbatimKey(stringValue: "withheld"))
        try c.encode(pBelowAlpha, forKey: VerbatimKey(stringValue: key))
    }
}

/// One of two shapes: the statistic, or its verdict when withheld.
enum StatisticOrVerdict<Statistic: Encodable, Verdict: Encodable>: Encodable {
    case statistic(Statistic)
    case verdict(Verdict)

    func encode(to encoder: Encoder) throws {
        switch self {
        case .statistic(let s): try s.encode(to: encoder)
        case .verdict(let v): try v.encode(to: encoder)
        }
    }
}
