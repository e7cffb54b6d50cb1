/// Exact two-sided binomial tests of x successes in n trials against probability p.
///
/// `centralPValue` is the one Bereik flags with: twice the smaller tail, the test the
/// Clopper–Pearson interval inverts (Clopper & Pearson 1934; Fay 2010, *R Journal* 2:53, on
/// matching tests and intervals), so a flag and the ratio interval beside it cannot disagree.
///
/// `twoSidedPValue` has R's `binom.test` definition (and scipy's `binomtest`): the p-value sums the
/// probabilities of all outcomes no more likely than the observed one, with a relative tolerance
/// of 1e-7. The outcomes on the far side of the mode are found by bisection, since the binomial
/// probabilities fall monotonically away from the mode, so the cost is O(log n).
public enum BinomialTest {
    /// min(1, 2·min(P(X ≤ x), P(X ≥ x))): below α exactly when the Clopper–Pearson interval at
    /// 1 − α excludes p.
    public static func centralPValue(successes x: Int, trials n: Int, probability p: Double) throws -> Double {
        if let edge = try edgeCase(Double(x), Double(n), p) { return edge }
        let lower = try GSL.binomialLower(x, p, n)
        let upper = x == 0 ? 1 : try GSL.binomialUpper(x - 1, p, n)
        return min(1, 2 * min(lower, upper))
    }

    /// The same test for counts that need not be whole (an effective sample size n/deff with
    /// x/deff successes, `DesignEffect`), through the incomplete beta function:
    /// P(X ≤ x) = I_{1−p}(n − x, x + 1), P(X ≥ x) = I_p(x, n − x + 1) (Korn & Graubard 1998).
    public static func centralPValue(successes x: Double, trials n: Double, probability p: Double) throws -> Double {
        if let edge = try edgeCase(x, n, p) { return edge }
        let lower = x >= n ? 1 : try GSL.betaCDF(1 - p, n - x, x + 1)
        let upper = x <= 0 ? 1 : try GSL.betaCDF(p, x, n - x + 1)
        return min(1, 2 * min(lower, upper))
    }

    /// Checks 0 ≤ x ≤ n and 0 ≤ p ≤ 1; the p-value when n = 0 or p is 0 or 1, else nil.
    static func edgeCase(_ x: Double, _ n: Double, _ p: Double) throws -> Double? {
        guard n >= 0, x >= 0, x <= n else {
            let show = { (v: Double) in v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
            throw StatsError.invalidArgument("binomial test needs 0 ≤ x ≤ n, got x = \(show(x)), n = \(show(n))")
        }
        guard p >= 0, p <= 1 else {
            throw StatsError.invalidArgument("binomial test needs 0 ≤ p ≤ 1, got \(p)")
        }
        if n == 0 { return 1 }
        if p == 0 { return x == 0 ? 1 : 0 }
        if p == 1 { return x == n ? 1 : 0 }
        return nil
    }

    public static func twoSidedPValue(successes x: Int, trials n: Int, probability p: Double) throws -> Double {
        if let edge = try edgeCase(Double(x), Double(n), p) { return edge }
        let relErr = 1 + 1e-7
        let d = try GSL.binomialPMF(x, p, n) * relErr
        let m = Double(n) * p
        if Double(x) == m { return 1 }
        let pValue: Double
        if Double(x) < m {
            // Outcomes i in [ceil(m), n] with pmf(i) <= d; pmf decreases on that range.
            var lo = Int(m.rounded(.up)), hi = n + 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if try GSL.binomialPMF(mid, p, n) <= d { hi = mid } else { lo = mid + 1 }
            }
            let y = n + 1 - lo
            pValue = try GSL.binomialLower(x, p, n) + GSL.binomialUpper(n - y, p, n)
        } else {
            // Outcomes i in [0, floor(m)] with pmf(i) <= d; pmf increases on that range.
            var lo = 0, hi = Int(m.rounded(.down)) + 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if try GSL.binomialPMF(mid, p, n) <= d { lo = mid + 1 } else { hi = mid }
            }
            let y = lo
            pValue = try GSL.binomialLower(y - 1, p, n) + GSL.binomialUpper(x - 1, p, n)
        }
        return min(1, pValue)
    }
}
