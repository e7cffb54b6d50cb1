/// Chi-squared test for a linear trend in proportions x_t / n_t over ordered periods with scores
/// s_t (Cochran 1954; Armitage 1955), as R's `prop.trend.test`: with p̄ = Σx/Σn and weights
/// w_t = n_t / (p̄(1 − p̄)), the statistic is the weighted regression sum of squares of x_t/n_t on
/// s_t, χ² = [Σ w(s − s̄)(y − ȳ)]² / Σ w(s − s̄)² (weighted means), on 1 df. The slope's sign says
/// whether the proportion rises (+) or falls (−).
///
/// The binomial test assumes every period's participants are independent draws; when the same
/// people come back, or a period has an event, periods vary more than that. With k ≥ 3 periods the
/// departure from the linear trend, X²_dep = X²_total − χ²_trend on k − 2 df (Armitage 1955;
/// X²_total Pearson's test of equal proportions), estimates the dispersion φ = X²_dep/(k − 2), and
/// the quasi-binomial test refers χ²_trend/φ to F(1, k − 2) (McCullagh & Nelder 1989 §4.5; φ taken
/// as at least 1, so dispersion never makes a trend more significant).
public struct TrendTest: Sendable, Equatable {
    public let chiSquared: Double
    public let pValue: Double
    /// Weighted least-squares slope of the proportion per unit of score.
    public let slope: Double
    /// φ = X²_dep/(k − 2); nil with fewer than three periods.
    public let dispersion: Double?
    /// The quasi-binomial F test's p-value, with max(1, φ); nil with fewer than three periods.
    public let quasiPValue: Double?
    /// k − 2.
    public let residualDegreesOfFreedom: Int

    /// φ above 2: the periods vary clearly more than binomial chance.
    public var dispersionIsLarge: Bool { (dispersion ?? 0) > 2 }

    /// The p-value a reading ("rising", "flat") rests on: the quasi-binomial one when φ is large.
    public var readingPValue: Double { dispersionIsLarge ? quasiPValue ?? pValue : pValue }

    /// nil with fewer than two periods with n > 0, or when p̄ is 0 or 1.
    public init?(successes x: [Int], trials n: [Int], scores: [Double]? = nil) throws {
        let s = scores ?? x.indices.map { Double($0 + 1) }
        let used = x.indices.filter { n[$0] > 0 }
        guard used.count >= 2, x.count == n.count, s.count == x.count else { return nil }
        let sx = used.reduce(0) { $0 + x[$1] }, sn = used.reduce(0) { $0 + n[$1] }
        let p = Double(sx) / Double(sn)
        guard p > 0, p < 1 else { return nil }
        let w = used.map { Double(n[$0]) / (p * (1 - p)) }
        let y = used.map { Double(x[$0]) / Double(n[$0]) }
        let score = used.map { s[$0] }
        let sw = w.reduce(0, +)
        let sBar = zip(w, score).reduce(0) { $0 + $1.0 * $1.1 } / sw
        let yBar = zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / sw
        var sxy = 0.0, sxx = 0.0
        for i in w.indices {
            sxy += w[i] * (score[i] - sBar) * (y[i] - yBar)
            sxx += w[i] * (score[i] - sBar) * (score[i] - sBar)
        }
        guard sxx > 0 else { return nil }
        chiSquared = sxy * sxy / sxx
        pValue = try GSL.chiSquaredUpperTail(chiSquared, 1)
        slope = sxy / sxx
        // Pearson X² of equal proportions: Σ w (y − p̄)² with the same weights.
        let total = zip(w, y).reduce(0) { $0 + $1.0 * ($1.1 - p) * ($1.1 - p) }
        residualDegreesOfFreedom = used.count - 2
        if residualDegreesOfFreedom > 0 {
            let phi = max(0, total - chiSquared) / Double(residualDegreesOfFreedom)
            dispersion = phi
            quasiPValue = try GSL.fUpperTail(chiSquared / max(1, phi), 1, Double(residualDegreesOfFreedom))
        } else {
            dispersion = nil
            quasiPValue = nil
        }
    }
}
