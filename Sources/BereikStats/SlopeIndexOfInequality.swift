import CGSL

/// Slope and relative index of inequality of reach across ordered groups (Q1 = least advantaged),
/// by PHE's method (PHEindicatormethods `phe_sii`, Low & Low 2004, *J Public Health* 26:388):
/// each group gets the relative rank b = midpoint of its range in the cumulative resident
/// distribution and the weight a = its share of residents; reach is regressed on b by weighted
/// least squares (GSL `gsl_fit_wlinear`, weights a — the same fit as PHE's y√a ~ √a + b√a − 1).
/// SII = slope (fitted reach at b = 1 minus at b = 0; positive = more advantaged groups are reached
/// more), RII = (intercept + SII)/intercept. Intervals by simulation as PHE does for proportions:
/// each group's reach is redrawn on the logit scale from N(logit r, se²), se from its 95% Wilson
/// interval, se = (logit upper − logit lower)/(2·1.96); the fit is repeated and the α/2 and 1 − α/2
/// quantiles of SII and RII taken (seeded GSL mt19937).
///
/// A group with no participants (or all residents taking part) has an infinite logit, so PHE's
/// simulation cannot be used; the fit itself is still defined, and it is the most unequal case.
/// Then every group's reach is redrawn from its Jeffreys posterior Beta(x + ½, n − x + ½) instead
/// (Brown, Cai & DasGupta 2001, *Stat Sci* 16:101, for the Jeffreys interval of a proportion),
/// which handles x = 0 and x = n. RII is given only when the fitted reach at b = 0 and every
/// simulated one are positive; otherwise the ratio has no finite interval and `rii` is nil.
public struct SlopeIndexOfInequality: Sendable, Equatable {
    /// How the intervals were simulated.
    public enum Simulation: String, Sendable {
        case logitNormal = "phe-sii-wls-logit-simulation"
        case jeffreysBeta = "sii-wls-jeffreys-beta-simulation"
    }

    /// Why no SII was computed.
    public enum Omission: String, Sendable {
        case fewerThanTwoGroups = "fewer_than_two_groups"
        case participantsExceedResidents = "participants_exceed_residents"
        case noParticipants = "no_participants"
    }

    public let sii: Interval
    /// nil when the fitted reach of the least advantaged (b = 0) is not positive in the fit or in a draw.
    public let rii: Interval?
    public let ranks: [Double]
    public let repetitions: Int
    public let seed: UInt
    public let simulation: Simulation

    /// Why `init` returns nil for these groups, or nil when it does not.
    public static func omission(groups: [(x: Int, n: Int)]) -> Omission? {
        let used = groups.filter { $0.n > 0 }
        if used.count < 2 { return .fewerThanTwoGroups }
        if used.contains(where: { $0.x > $0.n || $0.x < 0 }) { return .participantsExceedResidents }
        if used.allSatisfy({ $0.x == 0 }) { return .noParticipants }
        return nil
    }

    /// `groups`: (participants, residents) per group with residents, in order from least to most
    /// advantaged. nil when `omission(groups:)` names a reason.
    public init?(groups: [(x: Int, n: Int)], confidence: ConfidenceLevel = .standard,
                 repetitions: Int = 100_000, seed: UInt = 20_261_123) throws {
        guard Self.omission(groups: groups) == nil, groups.allSatisfy({ $0.n > 0 }) else { return nil }
        let (a, b, c0, c1) = try Self.fitGroups(groups)
        let reach = groups.map { Double($0.x) / Double($0.n) }
        let interior = groups.allSatisfy { $0.x > 0 && $0.x < $0.n }
        let z95 = try ConfidenceLevel.standard.z()
        let se = try interior ? groups.map { g -> Double in
            let ci = try Interval.wilson(successes: g.x, trials: g.n)
            return (Self.logit(ci.upper) - Self.logit(ci.lower)) / (2 * z95)
        } : []
        let random = try RandomSource(seed: seed)
        var siis = [Double](), riis = [Double]()
        siis.reserveCapacity(repetitions)
        riis.reserveCapacity(repetitions)
        var simulated = reach
        var interceptPositive = c0 > 0
        for _ in 0..<repetitions {
            for i in simulated.indices {
                simulated[i] = interior ? Self.expit(Self.logit(reach[i]) + random.gaussian(sd: se[i]))
                    : random.beta(Double(groups[i].x) + 0.5, Double(groups[i].n - groups[i].x) + 0.5)
            }
            let (s0, s1) = try Self.fit(b, a, simulated)
            siis.append(s1)
            if s0 <= 0 { interceptPositive = false }
            if interceptPositive { riis.append((s0 + s1) / s0) }
        }
        let alpha = confidence.alpha
        sii = Interval(estimate: c1, lower: Self.quantile(&siis, alpha / 2), upper: Self.quantile(&siis, 1 - alpha / 2), method: .simulation)
        rii = interceptPositive
            ? Interval(estimate: (c0 + c1) / c0, lower: Self.quantile(&riis, alpha / 2), upper: Self.quantile(&riis, 1 - alpha / 2), method: .simulation)
            : nil
        ranks = b
        self.repetitions = repetitions
        self.seed = seed
        simulation = interior ? .logitNormal : .jeffreysBeta
    }

    /// The point estimate: resident shares a, ranks b (midpoints of the cumulative shares) and the
    /// weighted fit of reach on b (intercept c0, slope c1 = SII). Groups need residents.
    static func fitGroups(_ groups: [(x: Int, n: Int)]) throws -> (a: [Double], b: [Double], c0: Double, c1: Double) {
        let total = Double(groups.reduce(0) { $0 + $1.n })
        let a = groups.map { Double($0.n) / total }
        let b = ranks(a)
        let (c0, c1) = try fit(b, a, groups.map { Double($0.x) / Double($0.n) })
        return (a, b, c0, c1)
    }

    /// The relative rank of each unit: the midpoint of its interval of the cumulative share.
    static func ranks(_ shares: [Double]) -> [Double] {
        var cumulative = 0.0
        return shares.map { share in
            defer { cumulative += share }
            return cumulative + share / 2
        }
    }

    /// Weighted least squares y = c0 + c1·x with weights w (GSL).
    static func fit(_ x: [Double], _ w: [Double], _ y: [Double]) throws -> (Double, Double) {
        GSL.prepare()
        var c0 = 0.0, c1 = 0.0, cov00 = 0.0, cov01 = 0.0, cov11 = 0.0, chisq = 0.0
        let status = gsl_fit_wlinear(x, 1, w, 1, y, 1, x.count, &c0, &c1, &cov00, &cov01, &cov11, &chisq)
        try GSL.check(status, "gsl_fit_wlinear")
        return (c0, c1)
    }

    /// R's default quantile (type 7) of `values` (sorted in place).
    static func quantile(_ values: inout [Double], _ p: Double) -> Double {
        values.sort()
        let h = Double(values.count - 1) * p
        let lo = Int(h.rounded(.down))
        return lo + 1 < values.count ? values[lo] + (h - Double(lo)) * (values[lo + 1] - values[lo]) : values[lo]
    }

    static func logit(_ p: Double) -> Double { Math.ln(p / (1 - p)) }
    static func expit(_ x: Double) -> Double { 1 / (1 + Math.exp(-x)) }
}

/// The concentration index of reach over units ranked by SES (Kakwani, Wagstaff & van Doorslaer
/// 1997, *J Econometrics* 77:87), for grouped data: with f_t a unit's share of residents, μ_t its
/// reach, μ the overall reach and R_t the unit's fractional rank (midpoint of its cumulative
/// resident share, units sorted from lowest to highest SES), C = (2/μ) Σ f_t μ_t R_t − 1.
/// Its variance (their eq. for grouped data, with within-unit variance μ_t(1 − μ_t) of a binary
/// outcome and n the number of residents): var(C) = (1/n)[Σ f_t a_t² − (1 + C)²]
/// + (1/(nμ²)) Σ f_t μ_t(1 − μ_t)(2R_t − 1 − C)², a_t = (μ_t/μ)(2R_t − 1 − C) + 2 − q_{t−1} − q_t,
/// q_t the Lorenz ordinate (cumulative share of participants). C < 0: reach is concentrated in
/// lower-SES units (what proportionate universalism asks for); C > 0: in higher-SES units.
public struct ConcentrationIndex: Sendable, Equatable {
    public let index: Interval
    public let standardError: Double

    /// `units`: (participants, residents) sorted from lowest to highest SES.
    public init?(units: [(x: Int, n: Int)], confidence: ConfidenceLevel = .standard) throws {
        let used = units.filter { $0.n > 0 && $0.x <= $0.n }
        let total = Double(used.reduce(0) { $0 + $1.n })
        let participants = Double(used.reduce(0) { $0 + $1.x })
        guard used.count >= 2, participants > 0 else { return nil }
        let mu = participants / total
        let shares = used.map { Double($0.n) / total }
        let terms = zip(zip(used, shares), SlopeIndexOfInequality.ranks(shares)).map { unit, r in
            (f: unit.1, m: Double(unit.0.x) / Double(unit.0.n), r: r)
        }
        let c = 2 / mu * terms.reduce(0) { $0 + $1.f * $1.m * $1.r } - 1
        var qPrevious = 0.0, sumA = 0.0, sumWithin = 0.0
        for t in terms {
            let q = qPrevious + t.m * t.f / mu
            let a = t.m / mu * (2 * t.r - 1 - c) + 2 - qPrevious - q
            sumA += t.f * a * a
            sumWithin += t.f * t.m * (1 - t.m) * (2 * t.r - 1 - c) * (2 * t.r - 1 - c)
            qPrevious = q
        }
        let variance = (sumA - (1 + c) * (1 + c)) / total + sumWithin / (total * mu * mu)
        let se = max(0, variance).squareRoot()
        let z = try confidence.z()
        index = Interval(estimate: c, lower: c - z * se, upper: c + z * se, method: .normal)
        standardError = se
    }
}
