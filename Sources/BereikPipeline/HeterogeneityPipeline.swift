import BereikData
import BereikStats

/// What `bereik heterogeneity` compares: areas (buurten or wijken), activities or initiatives.
public enum HeterogeneityUnit: String, Sendable, CaseIterable {
    case buurt, wijk, activity, initiative

    /// Activities or initiatives: the groups a person belongs to (several at once), or nil for areas.
    public var membership: Membership? { Membership(rawValue: rawValue) }

    /// The area level, or nil for activities.
    public var level: UnitLevel? { UnitLevel(rawValue: rawValue) }
}

/// Groups of persons that overlap: activities (an activity column) or initiatives (an initiative
/// column): the same test and indices, a person counting once in the test whatever their set.
public enum Membership: String, Sendable, CaseIterable {
    case activity, initiative

    func names(_ p: ParticipantTable) -> [String] { self == .activity ? p.activityNames : p.initiativeNames }
    func sets(_ p: ParticipantTable, _ person: Int) -> ArraySlice<Int32> { self == .activity ? p.activities(of: person) : p.initiatives(of: person) }
}

/// The area level whose units' reach is compared.
public enum UnitLevel: String, Sendable, CaseIterable {
    case buurt, wijk
}

/// Reach of one buurt or wijk, with its funnel limits and empirical-Bayes estimate.
public struct UnitReach: Sendable {
    public let unit: String
    public let name: String
    public let participants: Int
    public let residents: Int
    public let reach: ReachRate
    public let shrunk: Double?
    public let funnel: FunnelLimits?
    /// Limits widened for overdispersion (when τ² > 0).
    public let adjustedFunnel: FunnelLimits?
    /// Outside the 99.8% limits: `low` or `high` (plain, and after the overdispersion adjustment).
    public let flag: FunnelLimits.Flag
    public let adjustedFlag: FunnelLimits.Flag
}

/// One dimension's spread over activities.
public struct ActivityDimension: Sendable {
    public let dimension: Dimension
    public let keys: [String]
    public let activities: [String]
    /// Persons per activity (rows) and category (columns).
    public let table: [[Int]]
    public let segregation: Segregation?
    /// The person-level permutation test (a person may attend several activities).
    public let independence: MultipleResponseIndependence?
    /// Each activity's composition against the area's residents (`compare` per activity).
    public let comparisons: [DimensionComparison]
}

/// Reach per buurt or wijk: funnel limits, homogeneity across units, overdispersion and shrinkage.
public struct UnitHeterogeneityResult: Sendable {
    public let request: AnalysisRequest
    public let unitKind: UnitLevel
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let notes: [RunNote]
    public let units: [UnitReach]
    /// Overall reach of the area (Σ participants / Σ residents over units with residents).
    public let target: Double?
    public let homogeneity: LogitHeterogeneity?
    public let overdispersion: Overdispersion?
    public let shrinkage: EmpiricalBayesReach?
    /// Units left out of the statistics: no residents, or more participants than (rounded) residents.
    public let unitsLeftOut: [String]
}

/// Per dimension, the make-up of each activity's participants against the area's residents.
public struct ActivityHeterogeneityResult: Sendable {
    public let request: AnalysisRequest
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let notes: [RunNote]
    public let dimensions: [ActivityDimension]
    /// Activities or initiatives.
    public var membership: Membership = .activity
    /// Persons by the number of groups they belong to (index 0 = one); the overlap between initiatives.
    public var personsByGroupCount: [Int] = []
    /// Persons by their exact set of groups (for the disclosure ledger).
    public var sets: MembershipSets? = nil
}

/// `bereik heterogeneity`: how much reach varies between buurten, wijken or activities beyond chance.
public enum HeterogeneityPipeline {
    public static func run(_ request: AnalysisRequest, by kind: UnitLevel) throws -> UnitHeterogeneityResult {
        try run(request, by: kind, inputs: PreparedInputs(request))
    }

    public static func activities(_ request: AnalysisRequest) throws -> ActivityHeterogeneityResult {
        try activities(request, inputs: PreparedInputs(request))
    }

    public static func activities(_ request: AnalysisRequest, inputs: PreparedInputs, membership: Membership = .activity) throws -> ActivityHeterogeneityResult {
        let p = inputs.attendance.participants
        if membership == .initiative, p.initiativeNames.count < 2 {
            throw ActivityProblem.fewerThanTwoInitiatives(file: inputs.attendance.source, found: p.initiativeNames)
        }
        var result = ActivityHeterogeneityResult(request: request, sources: inputs.sources, area: inputs.area,
                                                 reconciliation: inputs.attendance.reconciliation, notes: inputs.notes,
                                                 dimensions: try activityDimensions(inputs, request, membership: membership))
        result.membership = membership
        var byCount = [Int](repeating: 0, count: max(1, membership.names(p).count))
        for person in 0..<p.count {
            let n = membership.sets(p, person).count
            if n > 0 { byCount[n - 1] += 1 }
        }
        result.personsByGroupCount = byCount
        // As the activity tables count: a person's category (apart or not), else unknown.
        result.sets = MembershipSets(persons: p.count, member: { membership.sets(p, $0).map(Int.init) }, categories: result.dimensions.compactMap { d in
            guard let values = p.values(d.dimension) else { return nil }
            let keys = d.keys.count
            return (d.dimension, keys, { person in values[person] >= 0 && Int(values[person]) < keys ? Int(values[person]) : keys })
        })
        return result
    }

    public static func run(_ request: AnalysisRequest, by kind: UnitLevel, inputs: PreparedInputs) throws -> UnitHeterogeneityResult {
        let notes = inputs.notes
        let perBuurt = inputs.participantsPerBuurt()
        var rows: [(code: String, name: String, x: Int, n: Int)] = []
        if kind == .buurt {
            for code in inputs.area.buurten {
                rows.append((code.raw, inputs.population.region(code)?.name ?? "", perBuurt[code] ?? 0, inputs.residents(code) ?? 0))
            }
        } else {
            var order: [RegionCode] = []
            var x: [RegionCode: Int] = [:], n: [RegionCode: Int] = [:]
            for code in inputs.area.buurten {
                let wijk = code.lineage[1]
                if x[wijk] == nil {
                    order.append(wijk)
                    x[wijk] = perBuurt[wijk] ?? 0  // persons placed in the wijk itself (by their PC4)
                }
                x[wijk, default: 0] += perBuurt[code] ?? 0
                n[wijk, default: 0] += inputs.residents(code) ?? 0
            }
            for wijk in order {
                // The wijk's own CBS row (rounded once rather than per buurt) when the whole wijk lies in
                // the area; otherwise only its buurten in the area count.
                let whole = inputs.area.codes.contains { $0.contains(wijk) }
                let residents = whole ? inputs.residents(wijk) ?? n[wijk]! : n[wijk]!
                rows.append((wijk.raw, inputs.population.region(wijk)?.name ?? "", x[wijk]!, residents))
            }
        }
        // Nobody placed at this level (postcodes give only wijk or gemeente): no between-unit
        // statistic can be computed, and all-zero units would fake a strong difference.
        let placed = rows.reduce(0) { $0 + $1.x }
        if placed == 0, inputs.attendance.reconciliation.persons > 0, inputs.attendance.hasBuurt {
            throw InputProblem.notPlacedAtLevel(file: inputs.attendance.source, level: kind.rawValue,
                                                persons: inputs.attendance.reconciliation.persons)
        }
        let isUsable = { (row: (code: String, name: String, x: Int, n: Int)) in row.n > 0 && row.x <= row.n }
        let usable = rows.filter(isUsable)
        let leftOut = rows.filter { !isUsable($0) }.map(\.code)
        let counts = usable.map { (x: $0.x, n: $0.n) }
        let sx = counts.reduce(0) { $0 + $1.x }, sn = counts.reduce(0) { $0 + $1.n }
        let target = sn > 0 ? Double(sx) / Double(sn) : nil
        let homogeneity = try LogitHeterogeneity(counts: counts, confidence: request.settings.confidence)
        let overdispersion = target.flatMap { Overdispersion(counts: counts, target: $0, scale: request.funnel) }
        // Shrinkage, funnel target and flags use one set of units: the usable ones (issue 11, item 1).
        let shrinkage = EmpiricalBayesReach(counts: counts)
        var usableIndex: [Int: Int] = [:]
        for (i, row) in rows.enumerated() where isUsable(row) { usableIndex[i] = usableIndex.count }
        var units: [UnitReach] = []
        for (i, row) in rows.enumerated() {
            let reach = try ReachRate(participants: row.x, residents: row.n, confidence: request.settings.confidence,
                                      method: request.settings.reachInterval)
            var funnel: FunnelLimits?, adjusted: FunnelLimits?
            var flag = FunnelLimits.Flag.none, adjustedFlag = FunnelLimits.Flag.none
            if let target, isUsable(row), target > 0, target < 1 {
                funnel = try FunnelLimits(target: target, size: row.n, method: request.funnel)
                flag = funnel!.flag(Double(row.x) / Double(row.n))
                adjusted = try FunnelLimits(target: target, size: row.n, method: request.funnel, tau2: overdispersion?.tau2 ?? 0)
                adjustedFlag = adjusted!.flag(Double(row.x) / Double(row.n))
            }
            units.append(UnitReach(unit: row.code, name: row.name, participants: row.x, residents: row.n, reach: reach,
                                   shrunk: usableIndex[i].flatMap { shrinkage?.shrunk[$0] ?? nil }, funnel: funnel, adjustedFunnel: adjusted,
                                   flag: flag, adjustedFlag: adjustedFlag))
        }
        return UnitHeterogeneityResult(request: request, unitKind: kind, sources: inputs.sources, area: inputs.area,
                                       reconciliation: inputs.attendance.reconciliation, notes: notes, units: units, target: target,
                                       homogeneity: homogeneity, overdispersion: overdispersion, shrinkage: shrinkage,
                                       unitsLeftOut: leftOut)
    }

    /// Per dimension: persons per activity × category (a person counts in every activity attended),
    /// the independence test and segregation indices, and each activity against the area.
    static func activityDimensions(_ inputs: PreparedInputs, _ request: AnalysisRequest, membership: Membership = .activity) throws -> [ActivityDimension] {
        let p = inputs.attendance.participants
        let names = membership.names(p)
        guard !names.isEmpty else { return [] }
        var out: [ActivityDimension] = []
        for dimension in [Dimension.gender, .age, .origin] {
            guard let values = p.values(dimension), inputs.attendance.columns.index.keys.contains(where: { $0.dimension == dimension }),
                  let counts = CountTable.build(dimension, participants: p, population: inputs.population, area: inputs.area) else { continue }
            var table = [[Int]](repeating: [Int](repeating: 0, count: counts.keys.count), count: names.count)
            // Persons by their set of activities, per category: the units of the permutation test.
            var patterns: [[Int]: [Int]] = [:]
            for person in 0..<p.count where values[person] >= 0 {
                let set = membership.sets(p, person).map(Int.init).sorted()
                for a in set { table[a][Int(values[person])] += 1 }
                if !set.isEmpty { patterns[set, default: [Int](repeating: 0, count: counts.keys.count)][Int(values[person])] += 1 }
            }
            let ordered = patterns.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { (activities: $0.key, counts: $0.value) }
            let comparisons = try table.map { row in
                try DimensionComparison(categories: zip(counts.keys, zip(row, counts.residents)).map {
                    CategoryCount(key: $0.0, participants: $0.1.0, residents: $0.1.1)
                }, settings: request.settings)
            }
            out.append(ActivityDimension(dimension: dimension, keys: counts.keys, activities: names, table: table,
                                         segregation: try Segregation(table: table),
                                         independence: try MultipleResponseIndependence(patterns: ordered, activities: names.count,
                                                                                        permutations: request.settings.fit.draws,
                                                                                        seed: request.settings.fit.seed),
                                         comparisons: comparisons))
        }
        return out
    }
}

/// Why `heterogeneity --by initiative` cannot answer (exit 1; worded by BereikReport).
public enum ActivityProblem: Error, Sendable, Equatable {
    /// No initiative column, or one initiative only.
    case fewerThanTwoInitiatives(file: String, found: [String])
}
