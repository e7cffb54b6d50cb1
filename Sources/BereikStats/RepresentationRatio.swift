/// Representation ratio RR_g = p_g / π_g: a group's share among participants over its share among
/// residents (1 = proportional, below 1 = under-represented). Its interval is the Clopper–Pearson
/// interval of p_g (n_g out of n) divided by π_g, treating the census share π_g as known (CBS
/// counts are a full enumeration, not a sample). Clopper–Pearson because it inverts the central
/// exact test the flags use (`BinomialTest.centralPValue`): the interval excludes 1 exactly when
/// the raw p-value is below α. (The Wilson interval beside the exact minlike test disagreed: 3 of
/// 10 at π = 0.1 gave 1.08–6.03 with p = 0.070.)
public struct RepresentationRatio: Sendable, Equatable {
    public let interval: Interval
    public var estimate: Double { interval.estimate }

    public init(participants x: Int, of n: Int, residentShare: Double, confidence: ConfidenceLevel = .standard) throws {
        guard residentShare > 0, residentShare <= 1 else {
            throw StatsError.invalidArgument("a representation ratio needs a resident share in (0, 1], got \(residentShare)")
        }
        let share = try Interval.clopperPearson(successes: x, trials: n, confidence: confidence)
        interval = Interval(estimate: share.estimate / residentShare, lower: share.lower / residentShare,
                            upper: share.upper / residentShare, method: .clopperPearson)
    }

    /// With clustered participants: the Clopper–Pearson interval at the effective size n/deff
    /// (`DesignEffect`), divided by π_g.
    public init(participants x: Int, of n: Int, residentShare: Double, designEffect deff: Double, confidence: ConfidenceLevel = .standard) throws {
        guard residentShare > 0, residentShare <= 1, n > 0, deff >= 1 else {
            throw StatsError.invalidArgument("a representation ratio needs a resident share in (0, 1], n > 0 and deff ≥ 1")
        }
        let share = try Interval.clopperPearson(Double(x) / deff, Double(n) / deff, confidence: confidence, method: .clopperPearsonDesignEffect)
        interval = Interval(estimate: Double(x) / Double(n) / residentShare, lower: share.lower / residentShare,
                            upper: share.upper / residentShare, method: .clopperPearsonDesignEffect)
    }
}
