/// Confidence intervals for a Poisson count x (e.g. events behind a rate).
extension Interval {
    /// Exact Poisson limits through the χ² distribution (Garwood 1936; Breslow & Day 1987), as
    /// PHEindicatormethods' `poisson_cis` below 10 events: lower = χ²⁻¹(α/2; 2x)/2 (0 when x = 0),
    /// upper = χ²⁻¹(1 − α/2; 2x + 2)/2.
    public static func exactPoisson(count x: Int, confidence: ConfidenceLevel = .standard) throws -> Interval {
        try checkCount(x)
        let a = confidence.alpha
        let lower = x == 0 ? 0 : try GSL.chiSquaredQuantile(a / 2, 2 * Double(x)) / 2
        let upper = try GSL.chiSquaredQuantile(1 - a / 2, 2 * Double(x) + 2) / 2
        return Interval(estimate: Double(x), lower: lower, upper: upper, method: .exactPoisson)
    }

    /// Byars' approximation to the exact Poisson limits (Breslow & Day 1987, vol. II, p. 69), as
    /// PHEindicatormethods' `byars_lower`/`byars_upper`:
    /// lower = x(1 − 1/(9x) − z/(3√x))³, upper = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³.
    /// For very small x at high confidence the lower formula goes negative (PHE then reports no
    /// limit); Bereik reports 0, and PHE's own rule uses exact limits below 10 events anyway.
    public static func byars(count x: Int, confidence: ConfidenceLevel = .standard) throws -> Interval {
        try checkCount(x)
        let z = try confidence.z()
        let xd = Double(x), x1 = xd + 1
        let lower: Double
        if x == 0 {
            lower = 0
        } else {
            let c = 1 - 1 / (9 * xd) - z / (3 * xd.squareRoot())
            lower = max(0, xd * c * c * c)
        }
        let c1 = 1 - 1 / (9 * x1) + z / (3 * x1.squareRoot())
        return Interval(estimate: xd, lower: lower, upper: x1 * c1 * c1 * c1, method: .byars)
    }

    /// PHE's rule for rates: exact limits below 10 events, Byars from 10.
    public static func poissonCount(_ x: Int, confidence: ConfidenceLevel = .standard) throws -> Interval {
        x < 10 ? try exactPoisson(count: x, confidence: confidence) : try byars(count: x, confidence: confidence)
    }

    private static func checkCount(_ x: Int) throws {
        guard x >= 0 else { throw StatsError.invalidArgument("a count cannot be negative, got \(x)") }
    }
}
