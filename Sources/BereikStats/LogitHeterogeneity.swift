/// Between-unit heterogeneity of reach on the logit scale, as a random-effects meta-analysis of
/// proportions.
///
/// Per unit: y_i = log(x_i / (N_i − x_i)), v_i = 1/x_i + 1/(N_i − x_i); units with x_i = 0 or
/// x_i = N_i get 0.5 added to both cells (metafor `escalc(measure = "PLO")`, `add = 1/2, to = "only0"`).
/// With w_i = 1/v_i: Cochran's Q = Σ w_i (y_i − ȳ_w)² on k − 1 df (Cochran 1954); I² = (Q − df)/Q
/// floored at 0, in percent (Higgins & Thompson 2002, *Stat Med* 21:1539); DerSimonian–Laird
/// τ² = max(0, (Q − df) / (Σw − Σw²/Σw)) (DerSimonian & Laird 1986, *Control Clin Trials* 7:177).
/// The random-effects mean μ̂ uses w*_i = 1/(v_i + τ²) with SE = √(1/Σw*); the prediction interval
/// for a new unit is μ̂ ± z·√(SE² + τ²) (Higgins, Thompson & Spiegelhalter 2009, *JRSS A* 172:137;
/// metafor `predict.rma` with its default normal quantile), back-transformed with the inverse logit.
/// Checked against R metafor 3.8 `rma(method = "DL")` in the tests.
public struct LogitHeterogeneity: Sendable, Equatable {
    public let units: Int
    public let q: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// I² in percent.
    public let i2: Double
    public let tau2: Double
    /// Random-effects mean on the logit scale and its standard error.
    public let mean: Double
    public let standardError: Double
    /// Prediction interval for a new unit's reach (proportion scale), and the pooled reach with its CI.
    public let prediction: Interval
    public let pooled: Interval

    /// `counts`: (participants, residents) per unit; units without residents, or with more
    /// participants than residents, are left out. Needs at least two units.
    public init?(counts: [(x: Int, n: Int)], confidence: ConfidenceLevel = .standard) throws {
        let usable = counts.filter { $0.n > 0 && $0.x >= 0 && $0.x <= $0.n }
        guard usable.count >= 2 else { return nil }
        var y: [Double] = [], v: [Double] = []
        for (x, n) in usable {
            let add = x == 0 || x == n ? 0.5 : 0
            let a = Double(x) + add, b = Double(n - x) + add
            y.append(Math.ln(a / b))
            v.append(1 / a + 1 / b)
        }
        let w = v.map { 1 / $0 }
        let sw = w.reduce(0, +), sw2 = w.reduce(0) { $0 + $1 * $1 }
        let fixed = zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / sw
        let q = zip(w, y).reduce(0) { $0 + $1.0 * ($1.1 - fixed) * ($1.1 - fixed) }
        let df = usable.count - 1
        let tau2 = max(0, (q - Double(df)) / (sw - sw2 / sw))
        let wr = v.map { 1 / ($0 + tau2) }
        let swr = wr.reduce(0, +)
        let mu = zip(wr, y).reduce(0) { $0 + $1.0 * $1.1 } / swr
        let se = (1 / swr).squareRoot()
        let z = try confidence.z()
        let half = z * (se * se + tau2).squareRoot()
        units = usable.count
        self.q = q
        degreesOfFreedom = df
        pValue = try GSL.chiSquaredUpperTail(q, Double(df))
        i2 = q > 0 ? max(0, (q - Double(df)) / q) * 100 : 0
        self.tau2 = tau2
        mean = mu
        standardError = se
        prediction = Interval(estimate: Self.expit(mu), lower: Self.expit(mu - half), upper: Self.expit(mu + half), method: .logitPrediction)
        pooled = Interval(estimate: Self.expit(mu), lower: Self.expit(mu - z * se), upper: Self.expit(mu + z * se), method: .logitRandomEffects)
    }

    static func expit(_ x: Double) -> Double { 1 / (1 + Math.exp(-x)) }
}
