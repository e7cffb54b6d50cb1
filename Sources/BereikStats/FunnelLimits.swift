/// Funnel-plot control limits for unit proportions around a target, and their overdispersion
/// adjustment.
///
/// Limits for a unit of size n: θ₀ ± z·√(θ₀(1 − θ₀)/n), clamped to [0, 1], with z = Φ⁻¹(0.975) for
/// the 95% limits and Φ⁻¹(0.999) for 99.8% (Spiegelhalter 2005, *Stat Med* 24:1185; the values
/// PHEindicatormethods' `phe_funnels` produces for proportions, checked against its test data).
///
/// Overdispersion after Spiegelhalter (2005, *Qual Saf Health Care* 14:347): z_i = (y_i − θ₀)/s_i with
/// s_i = √(θ₀(1 − θ₀)/n_i), winsorised at 10% in each tail (to the 10th and 90th percentiles,
/// linear interpolation as R's `quantile(type = 7)`, as FunnelPlotR does); φ = Σz²_w / I. When Iφ > I − 1 an
/// additive random effect τ² = (Iφ − (I − 1)) / (Σw_i − Σw_i²/Σw_i), w_i = 1/s_i², widens the limits
/// to θ₀ ± z·√(s_i² + τ²).
public struct FunnelLimits: Sendable, Equatable {
    public let target: Double
    public let lower95: Double, upper95: Double, lower998: Double, upper998: Double

    public static let z95 = 1.959963984540054     // Φ⁻¹(0.975)
    public static let z998 = 3.090232306167813    // Φ⁻¹(0.999)

    public init(target: Double, size n: Double, tau2: Double = 0) {
        let s = (target * (1 - target) / n + tau2).squareRoot()
        self.target = target
        lower95 = max(0, target - Self.z95 * s)
        upper95 = min(1, target + Self.z95 * s)
        lower998 = max(0, target - Self.z998 * s)
        upper998 = min(1, target + Self.z998 * s)
    }

    public enum Flag: String, Sendable, Codable { case low, high, none }

    /// Outside the 99.8% limits.
    public func flag(_ value: Double) -> Flag {
        value < lower998 ? .low : value > upper998 ? .high : .none
    }
}

/// The overdispersion of unit proportions around a target (Spiegelhalter 2005).
public struct Overdispersion: Sendable, Equatable {
    public let phi: Double
    public let tau2: Double
    /// Units used (with 0 < n).
    public let units: Int

    /// `counts` (x, n) per unit; `target` the overall proportion. Needs at least two units and 0 < target < 1.
    public init?(counts: [(x: Int, n: Int)], target: Double, winsorise: Double = 0.1) {
        let usable = counts.filter { $0.n > 0 }
        guard usable.count >= 2, target > 0, target < 1 else { return nil }
        let s = usable.map { (target * (1 - target) / Double($0.n)).squareRoot() }
        var z = zip(usable, s).map { (Double($0.0.x) / Double($0.0.n) - target) / $0.1 }
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
    }
}
