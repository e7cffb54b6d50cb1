/// What the per-group test could have found: the representation ratio at which a group would be
/// flagged with the given power, so that "no group differs" is never said without what could have
/// been detected with this many participants.
///
/// Method: the power of the exact test Bereik runs (`BinomialTest.centralPValue`, two-sided level
/// α). With n participants and resident share π the test flags "under" for x ≤ c_L, c_L the largest
/// x with 2·P(X ≤ x; π) < α, and "over" for x ≥ c_U, the smallest x with 2·P(X ≥ x; π) < α. At a
/// true share q the power is P(X ≤ c_L; q) (resp. P(X ≥ c_U; q)), continuous and monotone in q, so
/// the share q* with power 1 − β is found by bisection and q*/π is the detectable ratio (the power
/// of the far tail is left out: under 10⁻⁴ at 80%). Exact binomial power is a step function of n
/// and can be well below the normal approximation's (Cohen 1988 §6.2) at small n — one reason to
/// compute it exactly (Chernick & Liu 2002, *Am Stat* 56:149). Tested against scipy.
public enum DetectableRatio {
    /// The level at which each group's test is effectively done: α divided by the number of tested
    /// groups for Holm and BH (their first step, the hardest to pass for one lone signal), α
    /// without adjustment.
    public static func perGroupAlpha(_ alpha: Double, groups: Int, adjustment: PValueAdjustment) -> Double {
        adjustment == .none ? alpha : alpha / Double(max(1, groups))
    }

    static func check(_ n: Int, _ π: Double, _ alpha: Double, _ power: Double) throws {
        guard n > 0 else { throw StatsError.invalidArgument("a detectable ratio needs at least one participant") }
        guard π > 0, π < 1 else { throw StatsError.invalidArgument("a resident share must lie in (0, 1), got \(π)") }
        guard alpha > 0, alpha < 1, power > 0, power < 1 else {
            throw StatsError.invalidArgument("alpha and power must lie in (0, 1), got \(alpha) and \(power)")
        }
    }

    /// The ratio p/π below which an under-represented group would have been flagged; nil when not
    /// even a group that is wholly absent would be (too few participants).
    public static func under(participants n: Int, residentShare π: Double, alpha: Double, power: Double = 0.8) throws -> Double? {
        try check(n, π, alpha, power)
        // c_L: the largest x with 2·P(X ≤ x; π) < α (P rises with x).
        var lo = -1, hi = n
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if try 2 * GSL.binomialLower(mid, π, n) < alpha { lo = mid } else { hi = mid - 1 }
        }
        guard lo >= 0 else { return nil }
        let c = lo
        // P(X ≤ c; q) falls from 1 at q = 0 to below α/2 at q = π.
        let q = try bisect(0, π) { try GSL.binomialLower(c, $0, n) >= power }
        return q / π
    }

    /// The ratio above which an over-represented group would have been flagged; nil when not even
    /// a group that makes up every participant would be.
    public static func over(participants n: Int, residentShare π: Double, alpha: Double, power: Double = 0.8) throws -> Double? {
        try check(n, π, alpha, power)
        // c_U: the smallest x with 2·P(X ≥ x; π) < α (P falls with x).
        var lo = 0, hi = n + 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if try 2 * GSL.binomialUpper(mid - 1, π, n) < alpha { hi = mid } else { lo = mid + 1 }
        }
        guard lo <= n else { return nil }
        let c = lo
        // P(X ≥ c; q) rises from below α/2 at q = π to 1 at q = 1.
        let q = try bisect(π, 1) { try GSL.binomialUpper(c - 1, $0, n) < power }
        return q / π
    }

    /// The boundary in [a, b] where `below` turns from true to false, to 1e-13.
    static func bisect(_ a: Double, _ b: Double, below: (Double) throws -> Bool) throws -> Double {
        var lo = a, hi = b
        for _ in 0..<200 where hi - lo > 1e-13 {
            let mid = (lo + hi) / 2
            if try below(mid) { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
