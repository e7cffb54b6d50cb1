import CGSL
#if canImport(Glibc)
import Glibc
#endif

/// An error raised by the statistical core: a GSL failure (with the GSL status and the call that
/// failed) or an argument outside a method's domain.
public enum StatsError: Error, Equatable, CustomStringConvertible {
    case gsl(function: String, status: Int32, reason: String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .gsl(function, status, reason):
            return "GSL \(function) failed (status \(status)): \(reason)"
        case let .invalidArgument(message):
            return message
        }
    }
}

/// The single gateway to GSL. GSL's default error handler calls `abort()`; Bereik switches it off
/// once (`gsl_set_error_handler_off`) and turns every status or non-finite result into a thrown
/// `StatsError`, so no input can bring the process down.
enum GSL {
    private static let handlerSwitchedOff: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Call before any GSL function.
    @inline(__always) static func prepare() {
        _ = handlerSwitchedOff
    }

    /// Throws when `status` is not `GSL_SUCCESS`, naming the call.
    static func check(_ status: Int32, _ function: String) throws {
        guard status != Int32(GSL_SUCCESS) else { return }
        let reason = gsl_strerror(status).map { String(cString: $0) } ?? "unknown"
        throw StatsError.gsl(function: function, status: status, reason: reason)
    }

    /// GSL's CDF and quantile functions signal domain errors by returning NaN (with the handler
    /// off); turn that into an error naming the call and its arguments.
    static func finite(_ value: Double, _ function: String) throws -> Double {
        guard value.isNaN == false else {
            throw StatsError.gsl(function: function, status: Int32(GSL_EDOM), reason: "result is not a number")
        }
        return value
    }

    /// Standard normal quantile Φ⁻¹(p).
    static func normalQuantile(_ p: Double) throws -> Double {
        prepare()
        return try finite(gsl_cdf_ugaussian_Pinv(p), "gsl_cdf_ugaussian_Pinv(\(p))")
    }

    /// Beta quantile. `gsl_cdf_beta_Pinv` fails to converge for some large shape parameters
    /// (e.g. a = 411, b = 29 590 at p = 0.999, GSL 2.7); then the quantile is found by bisection
    /// on `gsl_cdf_beta_P`, which is monotone, to 1e-15 relative.
    static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) throws -> Double {
        prepare()
        let context = "gsl_cdf_beta_Pinv(\(p), \(a), \(b))"
        guard p >= 0, p <= 1, a > 0, b > 0 else {
            throw StatsError.gsl(function: context, status: Int32(GSL_EDOM), reason: "argument out of domain")
        }
        let direct = gsl_cdf_beta_Pinv(p, a, b)
        if direct.isFinite { return direct }
        var lo = 0.0, hi = 1.0
        for _ in 0..<2000 {
            let mid = 0.5 * (lo + hi)
            if gsl_cdf_beta_P(mid, a, b) < p { lo = mid } else { hi = mid }
            if hi - lo <= 1e-15 * hi { break }
        }
        return try finite(0.5 * (lo + hi), context)
    }

    static func chiSquaredQuantile(_ p: Double, _ df: Double) throws -> Double {
        prepare()
        return try finite(gsl_cdf_chisq_Pinv(p, df), "gsl_cdf_chisq_Pinv(\(p), \(df))")
    }

    /// Upper tail P(X > x) of a χ² distribution.
    static func chiSquaredUpperTail(_ x: Double, _ df: Double) throws -> Double {
        prepare()
        return try finite(gsl_cdf_chisq_Q(x, df), "gsl_cdf_chisq_Q(\(x), \(df))")
    }

    /// The regularised incomplete beta function I_x(a, b) (GSL `gsl_cdf_beta_P`).
    static func betaCDF(_ x: Double, _ a: Double, _ b: Double) throws -> Double {
        prepare()
        return try finite(gsl_cdf_beta_P(x, a, b), "gsl_cdf_beta_P(\(x), \(a), \(b))")
    }

    /// Upper tail of the F distribution with (d1, d2) degrees of freedom.
    static func fUpperTail(_ x: Double, _ d1: Double, _ d2: Double) throws -> Double {
        prepare()
        return try finite(gsl_cdf_fdist_Q(x, d1, d2), "gsl_cdf_fdist_Q(\(x), \(d1), \(d2))")
    }

    /// Student's t quantile with `df` degrees of freedom.
    static func tQuantile(_ p: Double, _ df: Double) throws -> Double {
        prepare()
        return try finite(gsl_cdf_tdist_Pinv(p, df), "gsl_cdf_tdist_Pinv(\(p), \(df))")
    }

    /// Two-sided p-value of a t statistic: 2·P(T > |t|).
    static func tTwoSided(_ t: Double, _ df: Double) throws -> Double {
        prepare()
        return try finite(2 * gsl_cdf_tdist_Q(abs(t), df), "gsl_cdf_tdist_Q(\(t), \(df))")
    }

    /// Two-sided p-value of a standard normal statistic: 2·P(Z > |z|).
    static func normalTwoSided(_ z: Double) throws -> Double {
        prepare()
        return try finite(2 * gsl_cdf_ugaussian_Q(abs(z)), "gsl_cdf_ugaussian_Q(\(z))")
    }

    /// Weighted least squares y ≈ Xc with weights w (GSL `gsl_multifit_wlinear_tsvd`): the
    /// coefficients, (XᵀWX)⁻¹ and the effective rank (columns whose singular values fall below
    /// 1e-10 of the largest do not count). X is row-major, n × p.
    static func weightedLeastSquares(x: [Double], rows n: Int, columns p: Int, weights: [Double], y: [Double]) throws
        -> (coefficients: [Double], covariance: [Double], rank: Int) {
        prepare()
        guard n >= p, p > 0, x.count == n * p, weights.count == n, y.count == n else {
            throw StatsError.invalidArgument("weighted least squares needs at least as many rows (\(n)) as columns (\(p))")
        }
        guard let X = gsl_matrix_alloc(n, p), let W = gsl_vector_alloc(n), let Y = gsl_vector_alloc(n), let C = gsl_vector_alloc(p),
              let V = gsl_matrix_alloc(p, p), let work = gsl_multifit_linear_alloc(n, p) else {
            throw StatsError.gsl(function: "gsl_multifit_linear_alloc(\(n), \(p))", status: Int32(GSL_ENOMEM), reason: "out of memory")
        }
        defer { gsl_matrix_free(X); gsl_vector_free(W); gsl_vector_free(Y); gsl_vector_free(C); gsl_matrix_free(V); gsl_multifit_linear_free(work) }
        for i in 0..<n {
            for j in 0..<p { gsl_matrix_set(X, i, j, x[i * p + j]) }
            gsl_vector_set(W, i, weights[i])
            gsl_vector_set(Y, i, y[i])
        }
        var chisq = 0.0, rank = 0
        try check(gsl_multifit_wlinear_tsvd(X, W, Y, 1e-10, C, V, &chisq, &rank, work), "gsl_multifit_wlinear_tsvd(\(n) × \(p))")
        let coefficients = (0..<p).map { gsl_vector_get(C, $0) }
        let covariance = (0..<(p * p)).map { gsl_matrix_get(V, $0 / p, $0 % p) }
        guard coefficients.allSatisfy(\.isFinite), covariance.allSatisfy(\.isFinite) else {
            throw StatsError.gsl(function: "gsl_multifit_wlinear_tsvd(\(n) × \(p))", status: Int32(GSL_EDOM), reason: "result is not finite")
        }
        return (coefficients, covariance, rank)
    }

    /// Binomial P(X = k).
    static func binomialPMF(_ k: Int, _ p: Double, _ n: Int) throws -> Double {
        prepare()
        return try finite(gsl_ran_binomial_pdf(UInt32(k), p, UInt32(n)), "gsl_ran_binomial_pdf(\(k), \(p), \(n))")
    }

    /// Binomial P(X ≤ k).
    static func binomialLower(_ k: Int, _ p: Double, _ n: Int) throws -> Double {
        prepare()
        if k < 0 { return 0 }
        if k >= n { return 1 }
        let value = gsl_cdf_binomial_P(UInt32(k), p, UInt32(n))
        if value.isFinite { return value }
        // GSL's incomplete beta does not converge for some large n (2.5 million persons): sum the tail.
        return try binomialTails(k, p, n).lower
    }

    /// Binomial P(X > k).
    static func binomialUpper(_ k: Int, _ p: Double, _ n: Int) throws -> Double {
        prepare()
        if k < 0 { return 1 }
        if k >= n { return 0 }
        let value = gsl_cdf_binomial_Q(UInt32(k), p, UInt32(n))
        if value.isFinite { return value }
        return try binomialTails(k, p, n).upper
    }

    /// (P(X ≤ k), P(X > k)): the tail away from the mean is summed term by term from k (or k + 1)
    /// outwards, each term from the last by the ratio of successive probabilities, started from
    /// log P(X = j) = log C(n, j) + j log p + (n − j) log(1 − p) (GSL `gsl_sf_lnchoose_e`), until a
    /// term no longer changes the sum; the other tail is one minus it. For the n where GSL's
    /// continued fraction for the incomplete beta fails (2.5 million persons); checked against
    /// scipy `binom.cdf`/`binom.sf` in BinomialTailTests.
    static func binomialTails(_ k: Int, _ p: Double, _ n: Int) throws -> (lower: Double, upper: Double) {
        if k < 0 { return (0, 1) }
        if k >= n { return (1, 0) }
        guard p > 0, p < 1 else { return p <= 0 ? (1, 0) : (0, 1) }
        let logP = log(p), logQ = log1p(-p), ratio = p / (1 - p)
        func logPMF(_ j: Int) throws -> Double { try logChoose(n, j) + Double(j) * logP + Double(n - j) * logQ }
        var sum = 0.0
        if Double(k) < Double(n) * p {
            // Down from k: P(j − 1) = P(j) · j / ((n − j + 1) · ratio).
            var term = exp(try logPMF(k)), j = k
            while j >= 0, term > 0 {
                let before = sum
                sum += term
                if sum == before { break }
                term *= Double(j) / (Double(n - j + 1) * ratio)
                j -= 1
            }
            sum = min(1, sum)
            return (sum, 1 - sum)
        }
        // Up from k + 1: P(j + 1) = P(j) · (n − j) / (j + 1) · ratio.
        var term = exp(try logPMF(k + 1)), j = k + 1
        while j <= n, term > 0 {
            let before = sum
            sum += term
            if sum == before { break }
            term *= Double(n - j) / Double(j + 1) * ratio
            j += 1
        }
        sum = min(1, sum)
        return (1 - sum, sum)
    }
}

extension GSL {
    /// log C(n, k) (GSL `gsl_sf_lnchoose_e`).
    static func logChoose(_ n: Int, _ k: Int) throws -> Double {
        prepare()
        if k == 0 || k == n { return 0 }
        var result = gsl_sf_result()
        try check(gsl_sf_lnchoose_e(UInt32(n), UInt32(k), &result), "gsl_sf_lnchoose_e(\(n), \(k))")
        return try finite(result.val, "gsl_sf_lnchoose_e(\(n), \(k))")
    }
}
