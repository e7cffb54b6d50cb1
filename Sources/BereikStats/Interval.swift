/// A point estimate with its confidence limits and the method that produced them.
public struct Interval: Sendable, Equatable, Codable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var method: IntervalMethod

    public init(estimate: Double, lower: Double, upper: Double, method: IntervalMethod) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.method = method
    }

    /// The same interval with every value multiplied by `factor` (e.g. 1,000 for "per 1,000").
    public func scaled(by factor: Double) -> Interval {
        Interval(estimate: estimate * factor, lower: lower * factor, upper: upper * factor, method: method)
    }
}

/// The interval methods Bereik implements; the raw value is the name used in JSON.
public enum IntervalMethod: String, Sendable, Codable, CaseIterable {
    case wilson
    case clopperPearson = "clopper-pearson"
    case exactPoisson = "exact-poisson"
    case byars
    /// DerSimonian–Laird random-effects mean on the logit scale, back-transformed.
    case logitRandomEffects = "logit-random-effects"
    /// Prediction interval for a new unit (random effects, logit scale), back-transformed.
    case logitPrediction = "logit-prediction"
    /// Funnel-plot control limits around a target.
    case funnel
    /// Quantiles of a Monte Carlo simulation.
    case simulation
    /// Estimate ± z·SE.
    case normal
    /// Clopper–Pearson with the effective sample size n/deff (clustered participants).
    case clopperPearsonDesignEffect = "clopper-pearson-design-effect"
    /// Percentiles of a cluster (buurt) bootstrap.
    case bootstrap = "cluster-bootstrap"
    /// exp(β ± q·SE) of a log-linear model's coefficient (Wald; q normal or t).
    case logWald = "log-wald"
}

/// A two-sided confidence level such as 0.95, checked to lie strictly between 0 and 1.
public struct ConfidenceLevel: Sendable, Equatable, Codable {
    public let value: Double

    public init(_ value: Double) throws {
        guard value > 0, value < 1, value.isFinite else {
            throw StatsError.invalidArgument("confidence must lie strictly between 0 and 1, got \(value)")
        }
        self.value = value
    }

    /// 95%.
    public static let standard = try! ConfidenceLevel(0.95)

    /// α = 1 − confidence, the significance level of the matching test.
    public var alpha: Double { 1 - value }

    /// z = Φ⁻¹(1 − α/2).
    func z() throws -> Double { try GSL.normalQuantile(1 - alpha / 2) }
}
