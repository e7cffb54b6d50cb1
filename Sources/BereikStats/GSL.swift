import CGSL

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
        return try finite(gsl_cdf_binomial_P(UInt32(k), p, UInt32(n)), "gsl_cdf_binomial_P(\(k), \(p), \(n))")
    }

    /// Binomial P(X > k).
    static func binomialUpper(_ k: Int, _ p: Double, _ n: Int) throws -> Double {
        prepare()
        if k < 0 { return 1 }
        if k >= n { return 0 }
        return try finite(gsl_cdf_binomial_Q(UInt32(k), p, UInt32(n)), "gsl_cdf_binomial_Q(\(k), \(p), \(n))")
    }
}
