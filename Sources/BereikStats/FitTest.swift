/// Goodness of fit of observed counts (n_g) to expected shares (π_g).
///
/// Pearson's X² = Σ (n_g − nπ_g)² / (nπ_g) and the likelihood-ratio G² = 2 Σ n_g ln(n_g / nπ_g)
/// (terms with n_g = 0 are 0), each referred to χ² with k − 1 degrees of freedom (Agresti 2013,
/// *Categorical Data Analysis*, §1.5). As scipy's `chisquare` and `power_divergence(lambda_="log-likelihood")`.
///
/// When an expected count is below 5 the χ² approximation is doubtful, so an exact Monte Carlo
/// p-value is added: `draws` multinomial samples of size n under the shares (GSL
/// `gsl_ran_multinomial`, Mersenne Twister seeded with `seed`), p = (1 + #{X²* ≥ X²}) / (draws + 1),
/// the definition of R's `chisq.test(simulate.p.value = TRUE)` (Hope 1968), with Monte Carlo
/// standard error √(p(1 − p)/draws).
public struct FitTest: Sendable, Equatable {
    public let chiSquared: Double
    public let likelihoodRatio: Double
    public let degreesOfFreedom: Int
    /// Asymptotic χ² p-value of X².
    public let pValue: Double
    /// Asymptotic χ² p-value of G².
    public let likelihoodRatioPValue: Double
    public let smallestExpected: Double
    public let monteCarlo: MonteCarloPValue?

    /// The p-value to report: Monte Carlo when it was needed, else asymptotic.
    public var reportedPValue: Double { monteCarlo?.pValue ?? pValue }
    public var method: String { monteCarlo == nil ? "pearson-chi2" : "pearson-chi2-monte-carlo" }

    public struct MonteCarloPValue: Sendable, Equatable {
        public let pValue: Double
        public let standardError: Double
        public let draws: Int
        public let seed: UInt
    }

    public struct Settings: Sendable, Equatable {
        public var draws: Int
        public var seed: UInt
        /// Expected counts below this trigger the Monte Carlo p-value.
        public var minimumExpected: Double
        public init(draws: Int = 10_000, seed: UInt = 20_261_123, minimumExpected: Double = 5) {
            self.draws = draws
            self.seed = seed
            self.minimumExpected = minimumExpected
        }
    }

    /// `observed` and `shares` in the same order; shares must be positive and are normalised.
    /// Needs at least two categories and at least one observation.
    public init(observed: [Int], shares: [Double], settings: Settings = Settings()) throws {
        guard observed.count == shares.count, observed.count >= 2 else {
            throw StatsError.invalidArgument("a fit test needs at least two categories with matching shares")
        }
        guard observed.allSatisfy({ $0 >= 0 }), shares.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw StatsError.invalidArgument("a fit test needs non-negative counts and positive shares")
        }
        let n = observed.reduce(0, +)
        guard n > 0 else { throw StatsError.invalidArgument("a fit test needs at least one observation") }
        let total = shares.reduce(0, +)
        let probabilities = shares.map { $0 / total }
        let expected = probabilities.map { $0 * Double(n) }
        let x2 = Self.pearson(observed, expected)
        var g2 = 0.0
        for (o, e) in zip(observed, expected) where o > 0 {
            g2 += 2 * Double(o) * Math.ln(Double(o) / e)
        }
        let df = observed.count - 1
        chiSquared = x2
        likelihoodRatio = g2
        degreesOfFreedom = df
        pValue = try GSL.chiSquaredUpperTail(x2, Double(df))
        likelihoodRatioPValue = try GSL.chiSquaredUpperTail(max(0, g2), Double(df))
        smallestExpected = expected.min() ?? 0
        if smallestExpected < settings.minimumExpected, settings.draws > 0 {
            monteCarlo = try Self.monteCarlo(n: n, probabilities: probabilities, expected: expected,
                                             observedStatistic: x2, settings: settings)
        } else {
            monteCarlo = nil
        }
    }

    static func pearson<C: Collection>(_ observed: C, _ expected: [Double]) -> Double where C.Element: BinaryInteger {
        var x2 = 0.0
        for (o, e) in zip(observed, expected) {
            let d = Double(o) - e
            x2 += d * d / e
        }
        return x2
    }

    private static func monteCarlo(n: Int, probabilities: [Double], expected: [Double],
                                   observedStatistic: Double, settings: Settings) throws -> MonteCarloPValue {
        let random = try RandomSource(seed: settings.seed)
        var counts = [UInt32](repeating: 0, count: probabilities.count)
        // R compares against statistic * (1 - 64 * .Machine$double.eps) to absorb rounding.
        let threshold = observedStatistic * (1 - 64 * Double.ulpOfOne)
        var atLeast = 0
        for _ in 0..<settings.draws {
            random.multinomial(trials: n, probabilities: probabilities, into: &counts)
            if pearson(counts, expected) >= threshold { atLeast += 1 }
        }
        let p = Double(1 + atLeast) / Double(settings.draws + 1)
        let se = (p * (1 - p) / Double(settings.draws)).squareRoot()
        return MonteCarloPValue(pValue: p, standardError: se, draws: settings.draws, seed: settings.seed)
    }
}
