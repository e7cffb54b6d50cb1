/// How funnel limits for proportions are computed.
public enum FunnelMethod: String, Sendable, CaseIterable {
    /// Exact binomial limits with Spiegelhalter's interpolation; overdispersion on the arcsine scale.
    case exact
    /// PHE's normal approximation θ₀ ± z·√(θ₀(1 − θ₀)/n); overdispersion on the proportion scale.
    case normal
}

/// Funnel-plot control limits for unit proportions around a target, and their overdispersion
/// adjustment (Spiegelhalter 2005, *Stat Med* 24:1185).
///
/// `exact` (the default): the p-limit is the interpolated binomial quantile of Spiegelhalter's
/// appendix: r_p the smallest r with P(R ≤ r) ≥ p for R ~ Binomial(n, θ₀),
/// α = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R ≤ r_p − 1)), limit = (r_p − α)/n, for p = 0.025,
/// 0.975 (95%) and 0.001, 0.999 (99.8%). The normal approximation flags "high" several times more
/// often than nominal at small n and can never flag "low" below about 300 residents at a reach of
/// 3%; the exact limits keep the nominal rates. With overdispersion τ² (estimated on the arcsine
/// scale, as FunnelPlotR does for proportions) the limits are sin²(asin√θ₀ ± z·√(1/(4n) + τ²)).
///
/// `normal`: θ₀ ± z·√(θ₀(1 − θ₀)/n), clamped to [0, 1], z = Φ⁻¹(0.975) and Φ⁻¹(0.999) (the values
/// PHEindicatormethods' `phe_funnels` produces for proportions, checked against its test data);
/// widened to θ₀ ± z·√(s² + τ²) with τ² on the proportion scale.
public struct FunnelLimits: Sendable, Equatable {
    public let target: Double
    public let lower95: Double, upper95: Double, lower998: Double, upper998: Double

    public static let z95 = 1.959963984540054     // Φ⁻¹(0.975)
    public static let z998 = 3.090232306167813    // Φ⁻¹(0.999)

    /// Normal-approximation limits (`FunnelMethod.normal`) for a size that need not be whole.
    public init(target: Double, size n: Double, tau2: Double = 0) {
        let s = (target * (1 - target) / n + tau2).squareRoot()
        self.target = target
        lower95 = max(0, target - Self.z95 * s)
        upper95 = min(1, target + Self.z95 * s)
        lower998 = max(0, target - Self.z998 * s)
        upper998 = min(1, target + Self.z998 * s)
    }

    /// Limits for a unit of `n` residents by `method`; `tau2` on the method's scale (`Overdispersion`).
    public init(target: Double, size n: Int, method: FunnelMethod, tau2: Double = 0) throws {
        guard n > 0, target > 0, target < 1 else {
            throw StatsError.invalidArgument("funnel limits need n > 0 and 0 < target < 1, got n = \(n), target = \(target)")
        }
        switch method {
        case .normal:
            self.init(target: target, size: Double(n), tau2: tau2)
        case .exact where tau2 > 0:
            let centre = Math.asin(target.squareRoot()), s = (1 / (4 * Double(n)) + tau2).squareRoot()
            func limit(_ z: Double) -> Double {
                let y = min(max(centre + z * s, 0), Double.pi / 2)
                let r = Math.sin(y)
                return r * r
            }
            self.init(target: target, lower95: limit(-Self.z95), upper95: limit(Self.z95),
                      lower998: limit(-Self.z998), upper998: limit(Self.z998))
        case .exact:
            self.init(target: target, lower95: try Self.binomialLimit(0.025, target: target, n: n),
                      upper95: try Self.binomialLimit(0.975, target: target, n: n),
                      lower998: try Self.binomialLimit(0.001, target: target, n: n),
                      upper998: try Self.binomialLimit(0.999, target: target, n: n))
        }
    }

    private init(target: Double, lower95: Double, upper95: Double, lower998: Double, upper998: Double) {
        self.target = target
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
    }

    /// Spiegelhalter's interpolated binomial p-limit, clamped to [0, 1].
    static func binomialLimit(_ p: Double, target: Double, n: Int) throws -> Double {
        // Smallest r with P(R ≤ r) ≥ p, by bisection (P(R ≤ r) rises with r).
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if try GSL.binomialLower(mid, target, n) >= p { hi = mid } else { lo = mid + 1 }
        }
        let at = try GSL.binomialLower(lo, target, n), below = try GSL.binomialLower(lo - 1, target, n)
        let alpha = at > below ? (at - p) / (at - below) : 0
        return min(1, max(0, (Double(lo) - alpha) / Double(n)))
    }

    public enum Flag: String, Sendable, Codable { case low, high, none }

    /// Outside the 99.8% limits.
    public func flag(_ value: Double) -> Flag {
        value < lower998 ? .low : value > upper998 ? .high : .none
    }
}

/// The overdispersion of unit proportions around a target (Spiegelhalter 2005, *Qual Saf Health
/// Care* 14:347): z_i = (y_i − y₀)/s_i on the chosen scale, winsorised at 10% in each tail (R's
/// `quantile(type = 7)`, as FunnelPlotR); φ = Σz²_w / I; when Iφ > I − 1 an additive random effect
/// τ² = (Iφ − (I − 1)) / (Σw_i − Σw_i²/Σw_i), w_i = 1/s_i².
public struct Overdispersion: Sendable, Equatable {
    public let phi: Double
    public let tau2: Double
    /// Units used (with 0 < n).
    public let units: Int

    /// The scale of the z-scores and of τ²: `arcsine` (y = asin√p, s = 1/(2√n), variance-stabilising;
    /// FunnelPlotR's choice for proportions, used with exact limits) or `proportion` (PHE, normal limits).
    public let scale: FunnelMethod

    /// `counts` (x, n) per unit; `target` the overall proportion. Needs at least two units and 0 < target < 1.
    public init?(counts: [(x: Int, n: Int)], target: Double, winsorise: Double = 0.1, scale: FunnelMethod = .normal) {
        let usable = counts.filter { $0.n > 0 && $0.x <= $0.n }
        guard usable.count >= 2, target > 0, target < 1 else { return nil }
        let arcsine = scale == .exact
        let s = usable.map { arcsine ? 1 / (2 * Double($0.n).squareRoot()) : (target * (1 - target) / Double($0.n)).squareRoot() }
        let centre = arcsine ? Math.asin(target.squareRoot()) : target
        var z = zip(usable, s).map { u, s in
            let p = Double(u.x) / Double(u.n)
            return ((arcsine ? Math.asin(p.squareRoot()) : p) - centre) / s
        }
        let sorted = z.sorted()
        let k = usable.count
        func quantile(_ p: Double) -> Double {
            let h = Double(k - 1) * p
            let lo = Int(h.rounded(.down))
            return lo + 1 < k ? sorted[lo] + (h - Double(lo)) * (sorted[lo + 1] - sorted[lo]) : sorted[lo]
        }
        let low = quantile(winsorise), high = quantile(1 - winsorise)
        z = z.map { min(max($0, low), high) }
        let phi = z.reduce(0) { $0 + $1 * $1 } / Double(k)
        let w = s.map { 1 / ($0 * $0) }
        let sw = w.reduce(0, +), sw2 = w.reduce(0) { $0 + $1 * $1 }
        let excess = Double(k) * phi - Double(k - 1)
        self.phi = phi
        tau2 = excess > 0 ? excess / (sw - sw2 / sw) : 0
        units = k
        self.scale = scale
    }
}
