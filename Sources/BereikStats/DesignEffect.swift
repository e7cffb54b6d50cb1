/// Clustering of participants in buurten: people from one buurt come together (neighbours,
/// households, one community centre), so a group's share among the participants varies between
/// buurten more than independent persons would make it vary. The design effect of a share is its
/// variance over the binomial one (Kish 1965, *Survey Sampling* §8.2):
///
/// p̂_g = Y_g/M over B buurten with m_b participants of whom y_gb in group g;
/// var(p̂_g) = B/(B − 1) · Σ_b (y_gb − p̂_g m_b)² / M² (linearisation of a ratio over clusters
/// drawn with replacement; Cochran 1977 §6.11); deff_g = var(p̂_g) / (p̂_g(1 − p̂_g)/M),
/// taken as at least 1 (a deff below 1 from few buurten is noise, not a gain).
///
/// Intervals and tests then use the effective sample size n* = n/deff and x* = p̂·n* in the
/// Clopper–Pearson interval and the central exact test (`Interval.clopperPearson`,
/// `BinomialTest.centralPValue` on real-valued counts, through the incomplete beta function; Korn &
/// Graubard 1998, *Survey Methodology* 24:193), so flags and intervals stay one scheme. The fit test is divided by the mean design effect (Rao & Scott 1981,
/// *JASA* 76:221, first-order correction).
public enum DesignEffect {
    /// Rao & Scott's first-order correction of a fit test: X² divided by the mean design effect.
    public struct RaoScott: Sendable, Equatable {
        public let chiSquared: Double
        public let pValue: Double
        public let meanDesignEffect: Double
    }

    /// Per category (columns of `clusters`), deff ≥ 1; 1 when the share is 0 or 1 or fewer than two
    /// buurten have participants.
    public static func perCategory(clusters: [[Int]]) -> [Double] {
        let k = clusters.first?.count ?? 0
        let used = clusters.filter { $0.reduce(0, +) > 0 }
        let sizes = used.map { Double($0.reduce(0, +)) }
        let b = Double(used.count)
        let m = sizes.reduce(0, +)
        guard used.count >= 2, m > 0 else { return [Double](repeating: 1, count: k) }
        return (0..<k).map { g in
            let y = Double(used.reduce(0) { $0 + $1[g] })
            let p = y / m
            guard p > 0, p < 1 else { return 1 }
            let sum = zip(used, sizes).reduce(0.0) { acc, cluster in
                let d = Double(cluster.0[g]) - p * cluster.1
                return acc + d * d
            }
            let variance = b / (b - 1) * sum / (m * m)
            return max(1, variance / (p * (1 - p) / m))
        }
    }
}
