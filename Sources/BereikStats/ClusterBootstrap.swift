/// Intervals for the SES gradient that respect clustering: participants live in buurten, and
/// reach varies between buurten beyond what a binomial model allows, so analytic standard errors
/// that treat persons as independent are too small. The cluster (buurt) bootstrap resamples whole
/// buurten with replacement, recomputes the statistic on each replicate, and takes percentile
/// limits (Davison & Hinkley 1997, *Bootstrap Methods and their Application*, §3.8 for clustered
/// data; Field & Welsh 2007, *JRSS B* 69:369).
///
/// Per replicate: the concentration index over the drawn buurten sorted by score (each copy a unit,
/// `ConcentrationIndex`), and the SII by the same grouping rule as `SESGrouping` (sorted by score,
/// each buurt to the group holding the midpoint of its cumulative resident share) and the same
/// weighted fit as `SlopeIndexOfInequality` (point estimate only). Replicates in which a statistic
/// is undefined (fewer than two groups with residents, no participants) are left out and counted.
public struct ClusterBootstrap: Sendable, Equatable {
    public let concentration: Interval?
    public let sii: Interval?
    public let replicates: Int
    public let seed: UInt
    /// Replicates without a defined SII (or concentration index).
    public let siiUndefined: Int, concentrationUndefined: Int

    /// `units`: (SES score, participants, residents) per buurt with residents.
    /// `cutPoints`: group by these scores (national or given) instead of the replicate's quantiles.
    public init?(units: [(score: Double, x: Int, n: Int)], groups: Int, cutPoints: [Double]? = nil, replicates: Int = 2000,
                 seed: UInt = 20_261_125, confidence: ConfidenceLevel = .standard) throws {
        let used = units.filter { $0.n > 0 && $0.x >= 0 && $0.x <= $0.n }
        guard used.count >= 2, groups >= 2, replicates >= 100 else { return nil }
        let random = try RandomSource(seed: seed)
        var cs: [Double] = [], siis: [Double] = []
        var undefinedC = 0, undefinedSII = 0
        var sample = used
        for _ in 0..<replicates {
            for i in sample.indices { sample[i] = used[random.integer(below: used.count)] }
            let sorted = sample.sorted { $0.score < $1.score }
            if let c = try ConcentrationIndex(units: sorted.map { (x: $0.x, n: $0.n) }) { cs.append(c.index.estimate) } else { undefinedC += 1 }
            if let s = try Self.sii(sorted, groups: groups, cutPoints: cutPoints) { siis.append(s) } else { undefinedSII += 1 }
        }
        let alpha = confidence.alpha
        func interval(_ values: inout [Double], estimate: Double?) -> Interval? {
            guard let estimate, values.count >= replicates / 2 else { return nil }
            return Interval(estimate: estimate, lower: SlopeIndexOfInequality.quantile(&values, alpha / 2),
                            upper: SlopeIndexOfInequality.quantile(&values, 1 - alpha / 2), method: .bootstrap)
        }
        let sortedAll = used.sorted { $0.score < $1.score }
        concentration = interval(&cs, estimate: try ConcentrationIndex(units: sortedAll.map { (x: $0.x, n: $0.n) })?.index.estimate)
        sii = interval(&siis, estimate: try Self.sii(sortedAll, groups: groups, cutPoints: cutPoints))
        self.replicates = replicates
        self.seed = seed
        siiUndefined = undefinedSII
        concentrationUndefined = undefinedC
    }

    /// The SII of buurten sorted by score, grouped into `groups` by the midpoint rule; nil when
    /// fewer than two groups have residents or nobody takes part.
    static func sii(_ sorted: [(score: Double, x: Int, n: Int)], groups: Int, cutPoints: [Double]? = nil) throws -> Double? {
        let total = Double(sorted.reduce(0) { $0 + $1.n })
        var x = [Int](repeating: 0, count: groups), n = x
        var before = 0.0
        for u in sorted {
            // `SESGrouping`'s rule (BereikData cannot be imported here): cut points, else the midpoint quantile.
            let g = cutPoints.map { cuts in cuts.filter { $0 <= u.score }.count }
                ?? min(groups - 1, Int((before + Double(u.n) / 2) / total * Double(groups)))
            x[g] += u.x
            n[g] += u.n
            before += Double(u.n)
        }
        let filled = zip(x, n).filter { $0.1 > 0 }.map { (x: $0.0, n: $0.1) }
        guard filled.count >= 2, filled.contains(where: { $0.x > 0 }) else { return nil }
        return try SlopeIndexOfInequality.fitGroups(filled).c1
    }
}
