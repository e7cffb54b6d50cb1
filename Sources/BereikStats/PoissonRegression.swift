import Foundation

/// A Poisson log-linear regression with an offset, log E[y_i] = log N_i + x_iᵀβ, fitted by
/// iteratively reweighted least squares (McCullagh & Nelder 1989, *Generalized Linear Models*,
/// 2nd ed., §2.5 and §6.2; the same iteration as R's `glm.fit`, started at μ = y + 0.1), each step
/// a weighted least-squares solve on GSL (`gsl_multifit_wlinear_tsvd`).
///
/// Beside the model-based covariance (XᵀWX)⁻¹ it gives the quasi-Poisson dispersion φ = X²/(n − p)
/// (Pearson; McCullagh & Nelder §6.2.3, as R's `summary.glm` for `quasipoisson`) and the
/// cluster-robust sandwich covariance G/(G − 1) · B (Σ_g u_g u_gᵀ) B with B = (XᵀWX)⁻¹ and u_g the
/// summed scores x_i(y_i − μ_i) of cluster g (Liang & Zeger 1986, Biometrika 73:13; as R
/// `sandwich::vcovCL`, type HC0 with the cluster adjustment, Zeileis, Köll & Graham 2020, J Stat
/// Softw 95(1)). Tested against R `glm`, `quasipoisson`, `vcovCL` and `anova` (PoissonRegressionTests).
public struct PoissonRegression: Sendable {
    public let coefficients: [Double]
    /// Model-based covariance (XᵀWX)⁻¹, row-major p × p.
    public let covariance: [Double]
    public let fitted: [Double]
    public let deviance: Double
    /// Pearson's X² = Σ (y − μ)²/μ.
    public let pearson: Double
    public let observations: Int
    public var parameters: Int { coefficients.count }
    public var dfResidual: Int { observations - parameters }
    public let iterations: Int
    let design: [Double]
    let counts: [Double]

    /// φ = X²/(n − p); nil without residual degrees of freedom.
    public var dispersion: Double? { dfResidual > 0 ? pearson / Double(dfResidual) : nil }

    public func standardError(_ j: Int) -> Double { covariance[j * parameters + j].squareRoot() }

    /// - Parameters: counts y ≥ 0, the design X (row-major, n × p, a column of 1s for an
    ///   intercept), offsets (log N). Throws when the columns are collinear or the fit diverges
    ///   (a category without any count: its rate ratio would be 0, which IRLS cannot reach).
    public init(counts: [Int], design: [Double], columns p: Int, offset: [Double]) throws {
        let n = counts.count
        guard n > 0, p > 0, design.count == n * p, offset.count == n, counts.allSatisfy({ $0 >= 0 }), offset.allSatisfy(\.isFinite) else {
            throw StatsError.invalidArgument("a Poisson regression needs n × p design values, n offsets and n counts ≥ 0")
        }
        guard n >= p else { throw StatsError.invalidArgument("a Poisson regression with \(p) parameters needs at least \(p) cells, got \(n)") }
        let y = counts.map(Double.init)
        var mu = y.map { $0 + 0.1 }
        var eta = mu.map { Foundation.log($0) }
        var beta = [Double](repeating: 0, count: p), cov = [Double](repeating: 0, count: p * p)
        var devOld = Double.infinity, dev = 0.0, iteration = 0
        while true {
            iteration += 1
            let z = (0..<n).map { eta[$0] - offset[$0] + (y[$0] - mu[$0]) / mu[$0] }
            let solved = try GSL.weightedLeastSquares(x: design, rows: n, columns: p, weights: mu, y: z)
            guard solved.rank == p else {
                throw StatsError.invalidArgument("the model's terms are collinear (rank \(solved.rank) of \(p)): a term repeats another")
            }
            beta = solved.coefficients
            cov = solved.covariance
            for i in 0..<n {
                var linear = offset[i]
                for j in 0..<p { linear += design[i * p + j] * beta[j] }
                eta[i] = linear
                mu[i] = Foundation.exp(linear)
            }
            dev = Self.deviance(y, mu)
            guard dev.isFinite, mu.allSatisfy({ $0.isFinite && $0 > 0 }) else {
                throw StatsError.invalidArgument("the Poisson regression diverged: a category or group without any participant cannot be fitted")
            }
            if abs(dev - devOld) / (abs(dev) + 0.1) < 1e-12 { break }
            guard iteration < 100 else {
                throw StatsError.invalidArgument("the Poisson regression did not converge in 100 iterations (a category or group with almost no participants)")
            }
            devOld = dev
        }
        // A fitted mean far below any count signals a rate ratio heading to 0 (separation).
        if mu.min()! < 1e-8 {
            throw StatsError.invalidArgument("the Poisson regression diverged: a category or group without any participant cannot be fitted")
        }
        // The covariance at the final μ.
        let final = try GSL.weightedLeastSquares(x: design, rows: n, columns: p, weights: mu,
                                                 y: (0..<n).map { eta[$0] - offset[$0] + (y[$0] - mu[$0]) / mu[$0] })
        cov = final.covariance
        coefficients = beta
        covariance = cov
        fitted = mu
        deviance = dev
        pearson = zip(y, mu).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
        observations = n
        iterations = iteration
        self.design = design
        self.counts = y
    }

    /// 2 Σ [y log(y/μ) − (y − μ)], with y log y = 0 at y = 0.
    static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
        2 * zip(y, mu).reduce(0) { sum, pair in
            let (yi, mi) = pair
            return sum + (yi > 0 ? yi * Foundation.log(yi / mi) : 0) - (yi - mi)
        }
    }

    /// The cluster-robust covariance for clusters (one label per observation), row-major p × p.
    public func robustCovariance(clusters: [Int]) throws -> [Double] {
        guard clusters.count == observations else { throw StatsError.invalidArgument("one cluster label per cell is needed") }
        let p = parameters
        var scores: [Int: [Double]] = [:]
        for i in 0..<observations {
            let r = counts[i] - fitted[i]
            var s = scores[clusters[i], default: [Double](repeating: 0, count: p)]
            for j in 0..<p { s[j] += design[i * p + j] * r }
            scores[clusters[i]] = s
        }
        let g = Double(scores.count)
        guard g > 1 else { throw StatsError.invalidArgument("cluster-robust standard errors need at least two clusters") }
        var meat = [Double](repeating: 0, count: p * p)
        // In cluster order, so the same input gives the same digits every run.
        for key in scores.keys.sorted() { let s = scores[key]!; for a in 0..<p { for b in 0..<p { meat[a * p + b] += s[a] * s[b] } } }
        func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
            (0..<(p * p)).map { k in (0..<p).reduce(0) { $0 + a[(k / p) * p + $1] * b[$1 * p + k % p] } }
        }
        return multiply(multiply(covariance, meat), covariance).map { $0 * g / (g - 1) }
    }

    /// The likelihood-ratio test of `reduced` (nested in `self`): ΔD on χ²(Δp), and the F test
    /// ΔD/(Δp·φ) on F(Δp, n − p) with this model's dispersion (R `anova(reduced, full, test = "F")`).
    public func test(against reduced: PoissonRegression) throws -> (statistic: Double, df: Int, p: Double, f: Double?, pF: Double?) {
        let df = parameters - reduced.parameters
        guard df > 0, reduced.observations == observations else {
            throw StatsError.invalidArgument("a likelihood-ratio test needs a smaller model on the same cells")
        }
        let lr = max(0, reduced.deviance - deviance)
        let p = try GSL.chiSquaredUpperTail(lr, Double(df))
        guard let phi = dispersion, phi > 0 else { return (lr, df, p, nil, nil) }
        let f = lr / Double(df) / phi
        return (lr, df, p, f, try GSL.fUpperTail(f, Double(df), Double(dfResidual)))
    }

    /// The standard errors behind a rate ratio: model-based (normal), quasi-Poisson (model-based ×
    /// √φ, t on n − p df, as R `summary.glm` for `quasipoisson`), or a given robust covariance (normal).
    public enum Inference: Sendable {
        case model, quasi
        case robust(covariance: [Double])
    }

    /// exp(β_j) with its Wald interval exp(β_j ± q·SE) and two-sided p-value, for the chosen standard
    /// errors; also the standard error used.
    public func rateRatio(_ j: Int, inference: Inference, confidence: ConfidenceLevel) throws -> (rateRatio: Interval, pValue: Double, standardError: Double) {
        guard coefficients.indices.contains(j) else { throw StatsError.invalidArgument("no coefficient \(j)") }
        let beta = coefficients[j], alpha = 1 - confidence.value
        let se: Double, q: Double, p: Double
        switch inference {
        case .model:
            se = standardError(j)
            q = try GSL.normalQuantile(1 - alpha / 2)
            p = try GSL.normalTwoSided(beta / se)
        case .quasi:
            guard let phi = dispersion else { throw StatsError.invalidArgument("quasi-Poisson standard errors need residual degrees of freedom") }
            se = standardError(j) * phi.squareRoot()
            q = try GSL.tQuantile(1 - alpha / 2, Double(dfResidual))
            p = try GSL.tTwoSided(beta / se, Double(dfResidual))
        case .robust(let covariance):
            guard covariance.count == parameters * parameters else { throw StatsError.invalidArgument("a robust covariance of \(parameters) × \(parameters) is needed") }
            se = covariance[j * parameters + j].squareRoot()
            q = try GSL.normalQuantile(1 - alpha / 2)
            p = try GSL.normalTwoSided(beta / se)
        }
        return (Interval(estimate: Foundation.exp(beta), lower: Foundation.exp(beta - q * se), upper: Foundation.exp(beta + q * se), method: .logWald), p, se)
    }
}
