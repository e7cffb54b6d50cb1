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
/// Clopper–Pearson interval and the central exact test, continued to non-whole counts through the
/// incomplete beta function (Korn & Graubard 1998, *Survey Methodology* 24:193), so flags and
/// intervals stay one scheme. The fit test is divided by the mean design effect (Rao & Scott 1981,
/// *JASA* 76:221, first-order correction).
public enum DesignEffect {
    /// Per category (columns of `clusters`), deff ≥ 1; 1 when the share is 0 or 1 or fewer than two
    /// buurten have participants.
    public static func perCategory(clusters: [[Int]]) -> [Double] {
        let k = clusters.first?.count ?? 0
        let used = clusters.filter { $0.reduce(0, +) > 0 }
        let b = Double(used.count)
        let m = Double(used.reduce(0) { $0 + $1.reduce(0, +) })
        guard used.count >= 2, m > 0 else { return [Double](repeating: 1, count: k) }
        return (0..<k).map { g in
            let y = Double(used.reduce(0) { $0 + $1[g] })
            let p = y / m
            guard p > 0, p < 1 else { return 1 }
            let sum = used.reduce(0.0) { acc, row in
                let d = Double(row[g]) - p * Double(row.reduce(0, +))
                return acc + d * d
            }
            let variance = b / (b - 1) * sum / (m * m)
            return max(1, variance / (p * (1 - p) / m))
        }
    }

    /// The central exact p-value of x successes in n trials, both possibly not whole.
    public static func centralPValue(successes x: Double, trials n: Double, probability p: Double) throws -> Double {
        guard n > 0, x >= 0, x <= n, p > 0, p < 1 else { return try BinomialTest.centralPValue(successes: Int(x.rounded()), trials: Int(n.rounded()), probability: min(max(p, 0), 1)) }
        // P(X ≤ x) = I_{1−p}(n − x, x + 1); P(X ≥ x) = I_p(x, n − x + 1).
        let lower = x >= n ? 1 : try GSL.betaCDF(1 - p, n - x, x + 1)
        let upper = x <= 0 ? 1 : try GSL.betaCDF(p, x, n - x + 1)
        return min(1, 2 * min(lower, upper))
    }

    /// The Clopper–Pearson interval of x out of n, both possibly not whole.
    public static func clopperPearson(successes x: Double, trials n: Double, confidence: ConfidenceLevel) throws -> Interval {
        let a = confidence.alpha
        let lower = x <= 0 ? 0 : try GSL.betaQuantile(a / 2, x, n - x + 1)
        let upper = x >= n ? 1 : try GSL.betaQuantile(1 - a / 2, x + 1, n - x)
        return Interval(estimate: x / n, lower: lower, upper: upper, method: .clopperPearsonDesignEffect)
    }
}
