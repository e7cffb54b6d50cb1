/// Representativeness indicators of response (here: participation) propensities.
///
/// R-indicator after Schouten, Cobben & Bethlehem (2009), *Survey Methodology* 35(1):101–113:
/// with propensities ρ_g = n_g / N_g and their resident-weighted mean ρ̄ = n / N,
/// S(ρ)² = 1/(N − 1) · Σ_g N_g (ρ_g − ρ̄)² and R = 1 − 2·S(ρ). R = 1 means every group is reached
/// equally often. Unconditional partial R-indicators after Schouten, Shlomo & Skinner (2011),
/// *J. Off. Stat.* 27(2):231–253: per category P_u(g) = √(N_g/N) · (ρ_g − ρ̄) (negative = under-reached)
/// and for the variable P_u = √(Σ_g (N_g/N)(ρ_g − ρ̄)²).
/// Categories without residents are left out.
///
/// At low reach R alone looks excellent (with ρ̄ = 2% no S(ρ) can exceed 0.14, so R ≥ 0.72 always),
/// so two measures of the same paper scale it by the mean: the coefficient of variation
/// CV = S(ρ)/ρ̄, and the maximal absolute (standardised) bias of an estimate from the participants,
/// B_m = (1 − R)/(2ρ̄) = S(ρ)/ρ̄ — how many standard deviations of a characteristic the
/// participants' mean can be off at most when participation follows these groups.
public struct RIndicator: Sendable, Equatable {
    public let r: Double
    public let standardDeviation: Double
    public let meanPropensity: Double
    /// Per category, in input order (nil where N_g = 0).
    public let categoryPartials: [Double?]
    public let variablePartial: Double
    /// CV = S(ρ)/ρ̄ (nil when nobody takes part).
    public let coefficientOfVariation: Double?
    /// B_m = (1 − R)/(2ρ̄) (nil when nobody takes part).
    public let maximalBias: Double?

    /// nil when fewer than two residents are counted.
    public init?(participants: [Int], residents: [Int]) {
        let pairs = zip(participants, residents).filter { $0.1 > 0 }
        let n = pairs.reduce(0) { $0 + $1.0 }
        let bigN = pairs.reduce(0) { $0 + $1.1 }
        guard bigN > 1 else { return nil }
        let mean = Double(n) / Double(bigN)
        var between = 0.0
        for (x, nn) in pairs {
            let d = Double(x) / Double(nn) - mean
            between += Double(nn) * d * d
        }
        let s = (between / Double(bigN - 1)).squareRoot()
        r = 1 - 2 * s
        standardDeviation = s
        meanPropensity = mean
        categoryPartials = zip(participants, residents).map { x, nn in
            nn > 0 ? (Double(nn) / Double(bigN)).squareRoot() * (Double(x) / Double(nn) - mean) : nil
        }
        variablePartial = (between / Double(bigN)).squareRoot()
        coefficientOfVariation = mean > 0 ? s / mean : nil
        maximalBias = mean > 0 ? (1 - r) / (2 * mean) : nil
    }
}
