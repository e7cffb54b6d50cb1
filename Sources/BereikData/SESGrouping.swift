/// Buurten grouped by their SES-WOA score into `groups` resident-weighted quantile groups
/// (Q1 = lowest SES). Buurten are sorted by score; each covers an interval of the cumulative
/// resident share, and goes to the group holding the midpoint of its interval:
/// group = ⌊k · (C_before + N_b/2) / N⌋ + 1. A buurt is never split, so groups hold roughly, not
/// exactly, 1/k of the residents. Ties in score are ordered by code, so the grouping is reproducible.
public struct SESGrouping: Sendable, Equatable {
    public let groups: Int
    /// Group index (0-based) of each grouped buurt.
    public let groupOf: [RegionCode: Int]
    public let residents: [Int]
    /// Score range per group.
    public let scoreRange: [ClosedRange<Double>?]
    /// Buurten of the area left out: no score (suppressed) or no residents.
    public let withoutScore: [RegionCode]

    public init(buurten: [RegionPopulation], scores: SESTable, groups: Int) {
        self.groups = groups
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
            let g = min(groups - 1, Int(midpoint * Double(groups)))
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
}
