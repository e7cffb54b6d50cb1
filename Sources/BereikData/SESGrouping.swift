/// Buurten grouped by their SES-WOA score into `groups` groups (Q1 = lowest SES).
///
/// - `area` (a partial SES file): resident-weighted quantile groups of the area's own buurten.
///   Buurten are sorted by score; each covers an interval of the cumulative resident share, and
///   goes to the group holding the midpoint of its interval: group = ⌊k · (C_before + N_b/2) / N⌋ + 1.
///   A buurt is never split, so groups hold roughly, not exactly, 1/k of the residents, and a
///   buurt with many residents can leave a group empty (`emptyGroups`). Groups are relative to the
///   area: Q1 of a poor area is not Q1 of the country.
/// - `national` (an SES file covering the country): the same rule over every buurt of the file
///   gives cut points, so groups can be compared across areas and projects.
/// - `cutPoints`: explicit scores; a buurt with score s goes to group 1 + #{c ≤ s}.
/// Ties in score are ordered by code, so the grouping is reproducible.
public struct SESGrouping: Sendable, Equatable {
    public enum Basis: String, Sendable {
        case area, national
        case cutPoints = "cut_points"
    }

    public let groups: Int
    public let basis: Basis
    /// The cut points between groups (national or given); nil for area quantiles.
    public let cutPoints: [Double]?
    /// Groups (0-based) without residents in the area.
    public var emptyGroups: [Int] { residents.indices.filter { residents[$0] == 0 } }
    /// Group index (0-based) of each grouped buurt.
    public let groupOf: [RegionCode: Int]
    public let residents: [Int]
    /// Score range per group.
    public let scoreRange: [ClosedRange<Double>?]
    /// Buurten of the area left out: no score (suppressed) or no residents.
    public let withoutScore: [RegionCode]

    public init(buurten: [RegionPopulation], scores: SESTable, groups: Int, cutPoints: [Double]? = nil, basis: Basis? = nil) {
        let groups = cutPoints.map { $0.count + 1 } ?? groups
        self.groups = groups
        self.cutPoints = cutPoints
        self.basis = basis ?? (cutPoints == nil ? .area : .cutPoints)
        var scored: [(RegionPopulation, Double, Int)] = []
        var without: [RegionCode] = []
        for b in buurten {
            let people = b.inwoners ?? b.counts[.gender]?.reduce(0, +) ?? 0
            if let s = scores.scores[b.code], people > 0 { scored.append((b, s, people)) } else { without.append(b.code) }
        }
        scored.sort { ($0.1, $0.0.code) < ($1.1, $1.0.code) }
        let total = Double(scored.reduce(0) { $0 + $1.2 })
        var before = 0.0
        var groupOf: [RegionCode: Int] = [:]
        var residents = [Int](repeating: 0, count: groups)
        var ranges = [ClosedRange<Double>?](repeating: nil, count: groups)
        for (b, score, people) in scored {
            let midpoint = (before + Double(people) / 2) / total
            let g = cutPoints.map { cuts in cuts.filter { $0 <= score }.count } ?? min(groups - 1, Int(midpoint * Double(groups)))
            groupOf[b.code] = g
            residents[g] += people
            ranges[g] = ranges[g].map { min($0.lowerBound, score)...max($0.upperBound, score) } ?? score...score
            before += Double(people)
        }
        self.groupOf = groupOf
        self.residents = residents
        self.scoreRange = ranges
        self.withoutScore = without
    }

    /// Cut points of `groups` resident-weighted quantile groups over every buurt of `scores` with
    /// residents, by the midpoint rule: c_j is the lowest score of a buurt whose midpoint lies at or
    /// above j/k. nil unless the file covers the country (buurten of at least `minimumGemeenten`
    /// gemeenten, 300 of the 342 of 2024) and residents are known for 90% of its scored buurten.
    public static func nationalCutPoints(scores: SESTable, residents: (RegionCode) -> Int?, groups: Int,
                                         minimumGemeenten: Int = 300) -> [Double]? {
        let buurten = scores.scores.filter { $0.key.level == .buurt }
        let gemeenten = Set(buurten.keys.map { $0.lineage[0] })
        guard gemeenten.count >= minimumGemeenten else { return nil }
        let weighted = buurten.compactMap { code, score in residents(code).flatMap { $0 > 0 ? (code, score, $0) : nil } }
        guard Double(weighted.count) >= 0.9 * Double(buurten.count) else { return nil }
        let sorted = weighted.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        let total = Double(sorted.reduce(0) { $0 + $1.2 })
        var cuts = [Double?](repeating: nil, count: groups - 1), before = 0.0
        for (_, score, people) in sorted {
            let midpoint = (before + Double(people) / 2) / total
            for j in 1..<groups where cuts[j - 1] == nil && midpoint >= Double(j) / Double(groups) { cuts[j - 1] = score }
            before += Double(people)
        }
        return cuts.map { $0 ?? sorted.last!.1 }
    }
}
