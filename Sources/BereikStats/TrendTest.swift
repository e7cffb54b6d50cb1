/// Chi-squared test for a linear trend in proportions x_t / n_t over ordered periods with scores
/// s_t (Cochran 1954; Armitage 1955), as R's `prop.trend.test`: with p̄ = Σx/Σn and weights
/// w_t = n_t / (p̄(1 − p̄)), the statistic is the weighted regression sum of squares of x_t/n_t on
/// s_t, χ² = [Σ w(s − s̄)(y − ȳ)]² / Σ w(s − s̄)² (weighted means), on 1 df. The slope's sign says
/// whether the proportion rises (+) or falls (−).
public struct TrendTest: Sendable, Equatable {
    public let chiSquared: Double
    public let pValue: Double
    /// Weighted least-squares slope of the proportion per unit of score.
    public let slope: Double

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
    }
}
