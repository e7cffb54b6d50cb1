import Foundation

/// How a characteristic's composition among participants changed from period A to period B: per
/// category the ratio of its share, (x_B/n_B)/(x_A/n_A) — with the same residents in both periods
/// this is the ratio of the two representation ratios — with the log (Katz) interval
/// exp(log r ± z·√(1/x_B − 1/n_B + 1/x_A − 1/n_A)) (Katz, Baptista, Azen & Pike 1978, Biometrics
/// 34:469; as statsmodels `confint_proportions_2indep(method="log", compare="ratio")`), and
/// Pearson's X² of the 2 × K table period × category on K − 1 df (as scipy `chi2_contingency`
/// without correction). Both treat the periods as independent samples; persons who took part in
/// both make them dependent, which the caller reports.
public struct ShareChange: Sendable {
    public struct Category: Sendable {
        /// nil when a share is 0 in either period (the log interval is undefined).
        public let ratio: Interval?
    }

    public let categories: [Category]
    public let chiSquared: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// Some expected count is below 5: the χ² approximation is rough.
    public let smallExpected: Bool

    public init(periodA a: [Int], periodB b: [Int], confidence: ConfidenceLevel = .standard) throws {
        guard a.count == b.count, a.count >= 2, a.allSatisfy({ $0 >= 0 }), b.allSatisfy({ $0 >= 0 }) else {
            throw StatsError.invalidArgument("a change in composition needs the same two or more categories in both periods, with counts ≥ 0")
        }
        let na = a.reduce(0, +), nb = b.reduce(0, +)
        guard na > 0, nb > 0 else { throw StatsError.invalidArgument("a change in composition needs participants in both periods") }
        let z = try GSL.normalQuantile(1 - (1 - confidence.value) / 2)
        categories = zip(a, b).map { xa, xb in
            guard xa > 0, xb > 0 else { return Category(ratio: nil) }
            let r = (Double(xb) / Double(nb)) / (Double(xa) / Double(na))
            let se = (1 / Double(xb) - 1 / Double(nb) + 1 / Double(xa) - 1 / Double(na)).squareRoot()
            return Category(ratio: Interval(estimate: r, lower: r * exp(-z * se), upper: r * exp(z * se), method: .logWald))
        }
        // Pearson's X² over the categories with a participant in either period.
        let used = a.indices.filter { a[$0] + b[$0] > 0 }
        let total = Double(na + nb)
        var x2 = 0.0, small = false
        for i in used {
            for (x, n) in [(a[i], na), (b[i], nb)] {
                let expected = Double(a[i] + b[i]) * Double(n) / total
                if expected < 5 { small = true }
                x2 += (Double(x) - expected) * (Double(x) - expected) / expected
            }
        }
        chiSquared = x2
        degreesOfFreedom = max(1, used.count - 1)
        pValue = used.count >= 2 ? try GSL.chiSquaredUpperTail(x2, Double(used.count - 1)) : 1
        smallExpected = small
    }
}
