/// Empirical-Bayes (beta-binomial) shrinkage of unit reach rates toward the overall rate, so small
/// buurten with 0 of 40 or 5 of 40 are not read as extremes.
///
/// Method of moments after Martuzzi & Elliott (1996), *Stat Med* 15:1867–1873: with the overall
/// rate p̂ = Σx/ΣN, the resident-weighted variance of the unit rates s² = ΣN_i(p_i − p̂)²/ΣN and
/// N̄ = ΣN/k, the between-unit variance is σ² = max(0, s² − p̂(1 − p̂)/N̄). The prior is
/// Beta(p̂M, (1 − p̂)M) with M = p̂(1 − p̂)/σ² − 1, and a unit's shrunken reach is its posterior mean
/// (x_i + p̂M)/(N_i + M). When σ² = 0 every unit is shrunk to p̂.
public struct EmpiricalBayesReach: Sendable, Equatable {
    public let overall: Double
    public let betweenVariance: Double
    /// Prior strength M (in residents); nil when σ² = 0 (complete shrinkage).
    public let priorStrength: Double?
    /// Shrunken reach per unit, in input order (nil for units without residents).
    public let shrunk: [Double?]

    public init?(counts: [(x: Int, n: Int)]) {
        let usable = counts.filter { $0.n > 0 }
        let sx = usable.reduce(0) { $0 + $1.x }, sn = usable.reduce(0) { $0 + $1.n }
        guard usable.count >= 1, sn > 0 else { return nil }
        let p = Double(sx) / Double(sn)
        let s2 = usable.reduce(0.0) { acc, u in
            let d = Double(u.x) / Double(u.n) - p
            return acc + Double(u.n) * d * d
        } / Double(sn)
        let meanSize = Double(sn) / Double(usable.count)
        let sigma2 = max(0, s2 - p * (1 - p) / meanSize)
        overall = p
        betweenVariance = sigma2
        if sigma2 > 0, p > 0, p < 1 {
            let m = max(0, p * (1 - p) / sigma2 - 1)
            priorStrength = m
            shrunk = counts.map { $0.n > 0 ? (Double($0.x) + p * m) / (Double($0.n) + m) : nil }
        } else {
            priorStrength = nil
            shrunk = counts.map { $0.n > 0 ? p : nil }
        }
    }
}
