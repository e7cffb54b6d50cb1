/// Whether taking part in activities is independent of a category (gender, age, origin) when a
/// person may attend several activities: a multiple-response variable, so the persons × activity
/// table counts a person once per activity and Pearson's χ² of it assumes an independence that
/// does not hold.
///
/// Bilder & Loughin 2004 (*Biometrics* 60:241, "Testing for marginal independence between two
/// categorical variables with multiple responses"): for each activity a, the 2 × C table of
/// persons attending a or not by category gives Pearson's X²_a; the statistic is their sum
/// X²_S = Σ_a X²_a, and its null distribution comes from permuting the persons' category labels
/// while each person keeps their set of activities. The p-value is (1 + #{X²_S* ≥ X²_S})/(B + 1)
/// (Phipson & Smyth 2010, *Stat Appl Genet Mol Biol* 9:39), with its Monte Carlo standard error.
///
/// Persons are grouped by their set of activities; a permutation is then, per set, a multivariate
/// hypergeometric draw of categories from those not yet given out (sequential GSL
/// `gsl_ran_hypergeometric` draws), so the cost grows with the number of distinct sets, not persons.
public struct MultipleResponseIndependence: Sendable, Equatable {
    /// X²_S = Σ_a X²_a.
    public let statistic: Double
    public let pValue: Double
    public let standardError: Double
    public let permutations: Int
    public let seed: UInt
    /// Persons in the test (a known category and at least one activity).
    public let persons: Int

    /// `patterns`: each distinct set of activities (indices below `activities`) with the number of
    /// its persons per category. nil when fewer than two categories or no activity separates persons.
    public init?(patterns: [(activities: [Int], counts: [Int])], activities: Int, permutations: Int = 9_999,
                 seed: UInt = 20_261_125) throws {
        guard let c = patterns.first?.counts.count, permutations > 0 else { return nil }
        for p in patterns {
            guard p.counts.count == c, p.counts.allSatisfy({ $0 >= 0 }), p.activities.allSatisfy({ (0..<activities).contains($0) }) else {
                throw StatsError.invalidArgument("activity patterns must have \(c) non-negative counts and activities below \(activities)")
            }
        }
        let totals = (0..<c).map { k in patterns.reduce(0) { $0 + $1.counts[k] } }
        let used = totals.indices.filter { totals[$0] > 0 }
        guard used.count >= 2 else { return nil }
        let sets = patterns.map(\.activities)
        let sizes = patterns.map { $0.counts.reduce(0, +) }
        let margins = used.map { totals[$0] }
        let observed = patterns.map { p in used.map { p.counts[$0] } }
        let x2 = Self.statistic(observed, sets: sets, activities: activities, margins: margins)
        guard x2.separating else { return nil }

        let random = try RandomSource(seed: seed)
        var draw = [[Int]](repeating: [Int](repeating: 0, count: used.count), count: patterns.count)
        var atLeast = 0
        let tolerance = x2.value * (1 - 1e-12)
        for _ in 0..<permutations {
            var remaining = margins
            for p in patterns.indices {
                // Categories k, k+1, … still hold `pool` unassigned persons; `take` are drawn from them.
                var take = sizes[p], pool = remaining.reduce(0, +)
                for k in used.indices {
                    let n = k == used.count - 1 ? take : random.hypergeometric(remaining[k], pool - remaining[k], take)
                    draw[p][k] = n
                    pool -= remaining[k]
                    remaining[k] -= n
                    take -= n
                }
            }
            if Self.statistic(draw, sets: sets, activities: activities, margins: margins).value >= tolerance { atLeast += 1 }
        }
        let p = Double(atLeast + 1) / Double(permutations + 1)
        statistic = x2.value
        pValue = p
        standardError = (p * (1 - p) / Double(permutations)).squareRoot()
        self.permutations = permutations
        self.seed = seed
        persons = sizes.reduce(0, +)
    }

    /// Σ_a X²_a over the 2 × C tables; `separating` when some activity has persons in and out.
    static func statistic(_ counts: [[Int]], sets: [[Int]], activities: Int, margins: [Int]) -> (value: Double, separating: Bool) {
        let c = margins.count
        var inActivity = [Int](repeating: 0, count: activities * c)
        for (p, set) in sets.enumerated() {
            for a in set { for k in 0..<c { inActivity[a * c + k] += counts[p][k] } }
        }
        let total = Double(margins.reduce(0, +))
        var sum = 0.0, separating = false
        for a in 0..<activities {
            let row = (0..<c).reduce(0) { $0 + inActivity[a * c + $1] }
            guard row > 0, Double(row) < total else { continue }
            separating = true
            let share = Double(row) / total
            for k in 0..<c {
                let m = Double(margins[k]), o1 = Double(inActivity[a * c + k])
                let e1 = m * share, e0 = m - e1, o0 = m - o1
                sum += (o1 - e1) * (o1 - e1) / e1 + (o0 - e0) * (o0 - e0) / e0
            }
        }
        return (sum, separating)
    }
}
