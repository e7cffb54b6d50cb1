import Foundation

/// Exact conditional test for a linear trend in proportions over ordered levels: the permutation
/// version of the Cochran–Armitage test (Cochran 1954; Armitage 1955; exact form as in Mehta,
/// Patel & Tsiatis 1984 and StatXact, and R `coin::independence_test(..., distribution = "exact")`
/// with the level scores). Given each level's total n_l and the group's total X = Σ x_l, the
/// counts are multivariate hypergeometric, P(x) = Π C(n_l, x_l) / C(N, X); the statistic is
/// T = Σ s_l x_l and the two-sided p-value P(|T − E T| ≥ |t − E T|).
///
/// Bereik uses it when the asymptotic χ² is not to be trusted: a top level of eight people gives
/// expected counts far below five (Cochran's rule). Every table with the observed margins is
/// enumerated, after swapping the group and its complement when that makes fewer tables (the
/// p-value is the same: T of the complement is Σ s_l n_l − T), so the cost is Π_{l ≥ 1}(min(n_l,
/// X) + 1) tables; beyond `maxTables` the initialiser returns nil and the caller keeps the χ².
public struct ExactTrendTest: Sendable, Equatable {
    /// T = Σ s_l x_l, observed.
    public let statistic: Double
    /// E T = X Σ s_l n_l / N under the null.
    public let expected: Double
    public let pValue: Double
    /// Tables enumerated.
    public let tables: Int

    /// nil with fewer than two levels with n > 0, when X is 0 or N, or beyond `maxTables`.
    public init?(successes: [Int], trials: [Int], scores: [Double]? = nil, maxTables: Int = 2_000_000) throws {
        let s0 = scores ?? successes.indices.map { Double($0 + 1) }
        guard successes.count == trials.count, s0.count == trials.count,
              zip(successes, trials).allSatisfy({ $0 >= 0 && $0 <= $1 }) else { return nil }
        let used = trials.indices.filter { trials[$0] > 0 }
        guard used.count >= 2 else { return nil }
        let n = used.map { trials[$0] }, s = used.map { s0[$0] }
        var x = used.map { successes[$0] }
        let total = n.reduce(0, +)
        var group = x.reduce(0, +)
        guard group > 0, group < total else { return nil }
        if group > total - group {
            x = zip(n, x).map { $0 - $1 }
            group = total - group
        }
        var count = 1.0
        for l in 1..<n.count {
            count *= Double(min(n[l], group) + 1)
            if count > Double(maxTables) { return nil }
        }
        let observed = zip(s, x).reduce(0) { $0 + $1.0 * Double($1.1) }
        let mean = Double(group) * zip(s, n).reduce(0) { $0 + $1.0 * Double($1.1) } / Double(total)
        let lnAll = try GSL.logChoose(total, group)
        // log C(n_l, k) for every level and k ≤ min(n_l, X).
        let lnChoose = try n.map { nl in try (0...min(nl, group)).map { try GSL.logChoose(nl, $0) } }
        let distance = abs(observed - mean)
        let tolerance = 1e-7 * max(1, distance)
        var p = 0.0, enumerated = 0
        // Levels 1…k−1 are enumerated; level 0 takes what is left.
        func visit(_ level: Int, _ taken: Int, _ t: Double, _ logWeight: Double) {
            if level == n.count {
                let rest = group - taken
                guard rest <= n[0] else { return }
                enumerated += 1
                let tt = t + s[0] * Double(rest)
                if abs(tt - mean) >= distance - tolerance { p += Foundation.exp(logWeight + lnChoose[0][rest] - lnAll) }
                return
            }
            for k in 0...min(n[level], group - taken) {
                visit(level + 1, taken + k, t + s[level] * Double(k), logWeight + lnChoose[level][k])
            }
        }
        visit(1, 0, 0, 0)
        statistic = observed
        expected = mean
        pValue = min(1, p)
        tables = enumerated
    }
}
