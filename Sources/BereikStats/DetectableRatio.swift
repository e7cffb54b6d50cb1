import Foundation

/// What the per-group test could have found: the representation ratio at which a group would be
/// flagged with the given power, so that "no group differs" is never said without what could have
/// been detected with this many participants.
///
/// Method: the one-sample test of a proportion on the arcsine scale (Cohen 1988, *Statistical Power
/// Analysis for the Behavioral Sciences*, 2nd ed., §6.2, effect size h = 2·asin√p − 2·asin√π). With
/// n participants the test at two-sided level α has power 1 − β when |h|·√n = z₁₋α/₂ + z₁₋β (the
/// far tail, below 10⁻⁴ of the power at 80%, is left out). Solving for p gives the share, and
/// p/π the ratio. This is the normal approximation that statsmodels' `NormalIndPower` (ratio = 0,
/// one sample) uses; the exact binomial test Bereik runs has power within a few points of it for
/// the group sizes where a statement matters. Tested against statsmodels 0.15 `solve_power`.
public enum DetectableRatio {
    /// The level at which each group's test is effectively done: α divided by the number of tested
    /// groups for Holm and BH (their first step, the hardest to pass for one lone signal), α
    /// without adjustment.
    public static func perGroupAlpha(_ alpha: Double, groups: Int, adjustment: PValueAdjustment) -> Double {
        adjustment == .none ? alpha : alpha / Double(max(1, groups))
    }

    /// The detectable arcsine effect size h for `participants` at two-sided level `alpha`.
    public static func effectSize(participants n: Int, alpha: Double, power: Double = 0.8) throws -> Double {
        guard n > 0 else { throw StatsError.invalidArgument("a detectable ratio needs at least one participant") }
        guard alpha > 0, alpha < 1, power > 0, power < 1 else {
            throw StatsError.invalidArgument("alpha and power must lie in (0, 1), got \(alpha) and \(power)")
        }
        let z = try GSL.normalQuantile(1 - alpha / 2) + GSL.normalQuantile(power)
        return z / Double(n).squareRoot()
    }

    /// The ratio p/π below which an under-represented group would have been flagged; nil when not
    /// even a group that is wholly absent would be (too few participants).
    public static func under(participants n: Int, residentShare π: Double, alpha: Double, power: Double = 0.8) throws -> Double? {
        guard π > 0, π < 1 else { throw StatsError.invalidArgument("a resident share must lie in (0, 1), got \(π)") }
        let h = try effectSize(participants: n, alpha: alpha, power: power)
        let angle = asin(π.squareRoot()) - h / 2
        guard angle > 0 else { return nil }
        return pow(sin(angle), 2) / π
    }

    /// The ratio above which an over-represented group would have been flagged; nil when not even
    /// a group that makes up every participant would be.
    public static func over(participants n: Int, residentShare π: Double, alpha: Double, power: Double = 0.8) throws -> Double? {
        guard π > 0, π < 1 else { throw StatsError.invalidArgument("a resident share must lie in (0, 1), got \(π)") }
        let h = try effectSize(participants: n, alpha: alpha, power: power)
        let angle = asin(π.squareRoot()) + h / 2
        guard angle < Double.pi / 2 else { return nil }
        return pow(sin(angle), 2) / π
    }
}
