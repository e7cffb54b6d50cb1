/// Confidence intervals for a binomial proportion x / n.
extension Interval {
    /// Wilson score interval (Wilson 1927, *JASA* 22:209–212), in the closed form used by
    /// PHEindicatormethods' `wilson_lower`/`wilson_upper`:
    /// (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)). Limits are clamped to [0, 1].
    public static func wilson(successes x: Int, trials n: Int, confidence: ConfidenceLevel = .standard) throws -> Interval {
        try checkProportion(x, n)
        return try wilson(Double(x), Double(n), confidence: confidence)
    }

    /// The Wilson formula on real-valued x and n (PHE's tools accept weighted counts).
    static func wilson(_ xd: Double, _ nd: Double, confidence: ConfidenceLevel) throws -> Interval {
        let z = try confidence.z()
        let z2 = z * z
        let root = z * (z2 + 4 * xd * (1 - xd / nd)).squareRoot()
        let denominator = 2 * (nd + z2)
        let lower = xd == 0 ? 0 : max(0, (2 * xd + z2 - root) / denominator)
        let upper = xd == nd ? 1 : min(1, (2 * xd + z2 + root) / denominator)
        return Interval(estimate: xd / nd, lower: lower, upper: upper, method: .wilson)
    }

    /// Clopper–Pearson "exact" interval (Clopper & Pearson 1934, *Biometrika* 26:404–413) through
    /// beta quantiles, as R's `binom.test` and statsmodels' `proportion_confint(method="beta")`:
    /// lower = B⁻¹(α/2; x, n−x+1) (0 when x = 0), upper = B⁻¹(1−α/2; x+1, n−x) (1 when x = n).
    public static func clopperPearson(successes x: Int, trials n: Int, confidence: ConfidenceLevel = .standard) throws -> Interval {
        try checkProportion(x, n)
        return try clopperPearson(Double(x), Double(n), confidence: confidence, method: .clopperPearson)
    }

    /// The same beta quantiles on real-valued x and n (an effective sample size, `DesignEffect`).
    static func clopperPearson(_ x: Double, _ n: Double, confidence: ConfidenceLevel, method: IntervalMethod) throws -> Interval {
        let a = confidence.alpha
        let lower = x <= 0 ? 0 : try GSL.betaQuantile(a / 2, x, n - x + 1)
        let upper = x >= n ? 1 : try GSL.betaQuantile(1 - a / 2, x + 1, n - x)
        return Interval(estimate: x / n, lower: lower, upper: upper, method: method)
    }

    /// The proportion interval of the chosen method.
    public static func proportion(successes x: Int, trials n: Int, confidence: ConfidenceLevel,
                                  method: IntervalMethod) throws -> Interval {
        switch method {
        case .wilson: return try wilson(successes: x, trials: n, confidence: confidence)
        case .clopperPearson: return try clopperPearson(successes: x, trials: n, confidence: confidence)
        case .exactPoisson, .byars, .logitRandomEffects, .logitPrediction, .funnel, .simulation, .normal, .bootstrap, .clopperPearsonDesignEffect, .logWald:
            throw StatsError.invalidArgument("\(method.rawValue) is an interval for a count, not a proportion")
        }
    }

    private static func checkProportion(_ x: Int, _ n: Int) throws {
        guard n > 0, x >= 0, x <= n else {
            throw StatsError.invalidArgument("a proportion needs 0 ≤ x ≤ n and n > 0, got x = \(x), n = \(n)")
        }
    }
}
