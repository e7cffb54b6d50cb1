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
/// Persons are grouped by their set of activities; a permutation shuffles the persons' category
/// labels (Fisher–Yates as in Durstenfeld 1964, *CACM* 7:420, with xoshiro256** seeded from GSL's
/// Mersenne Twister and Lemire's bounded integers) and deals them to the sets; the largest set
/// takes what is left, so its persons need no draw. One bounded draw per person replaced the
/// sequential `gsl_ran_hypergeometric` draws per set and category used before, which took most of
/// the example's report time (BENCHMARKS.md); both give the exact permutation distribution.
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

        var random = Xoshiro256(from: try RandomSource(seed: seed))
        var labels: [Int] = []
        for (k, m) in margins.enumerated() { labels += repeatElement(k, count: m) }
        let columns = used.count
        // Positions are dealt to the sets from the end; the largest set takes the first positions,
        // which need no shuffling: its counts are the margins less everyone else's.
        let largest = sizes.indices.max { sizes[$0] < sizes[$1] }!
        let order = [largest] + sizes.indices.filter { $0 != largest }
        var setOfPosition = [Int](repeating: largest, count: labels.count)
        var start = sizes[largest]
        for p in order.dropFirst() {
            for i in start..<(start + sizes[p]) { setOfPosition[i] = p }
            start += sizes[p]
        }
        let firstShuffled = sizes[largest]
        var draw = [Int](repeating: 0, count: patterns.count * columns)
        var atLeast = 0
        let tolerance = x2.value * (1 - 1e-12)
        var scratch = [Int](repeating: 0, count: activities * columns)
        for _ in 0..<permutations {
            labels.withUnsafeMutableBufferPointer { l in
                draw.withUnsafeMutableBufferPointer { d in
                    d.update(repeating: 0)
                    setOfPosition.withUnsafeBufferPointer { set in
                        // Fisher–Yates from the top: position i is final once swapped.
                        var i = l.count - 1
                        while i >= firstShuffled, i > 0 {
                            l.swapAt(i, Int(random.bounded(UInt64(i + 1))))
                            d[set[i] * columns + l[i]] += 1
                            i -= 1
                        }
                    }
                    for k in 0..<columns {
                        var others = 0
                        for p in order.dropFirst() { others += d[p * columns + k] }
                        d[largest * columns + k] = margins[k] - others
                    }
                }
            }
            if Self.statistic(flat: draw, sets: sets, activities: activities, margins: margins, scratch: &scratch).value >= tolerance { atLeast += 1 }
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
        var scratch = [Int](repeating: 0, count: activities * margins.count)
        return statistic(flat: counts.flatMap { $0 }, sets: sets, activities: activities, margins: margins, scratch: &scratch)
    }

    /// The same from counts laid out set by set (`counts[p * C + k]`), with a reused buffer.
    static func statistic(flat counts: [Int], sets: [[Int]], activities: Int, margins: [Int], scratch inActivity: inout [Int]) -> (value: Double, separating: Bool) {
        let c = margins.count
        for i in inActivity.indices { inActivity[i] = 0 }
        for (p, set) in sets.enumerated() {
            for a in set { for k in 0..<c { inActivity[a * c + k] += counts[p * c + k] } }
        }
        let total = Double(margins.reduce(0, +))
        var sum = 0.0, separating = false
        for a in 0..<activities {
            var row = 0
            for k in 0..<c { row += inActivity[a * c + k] }
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
