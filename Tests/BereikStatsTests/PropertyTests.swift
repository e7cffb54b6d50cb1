import Testing
@testable import BereikStats

/// Invariants that must hold for any counts (seeded random cases).
@Suite struct PropertyTests {
    @Test func intervalsContainEstimateWidenWithConfidenceAndStayInUnitInterval() throws {
        var rng = SplitMix64(state: 2026)
        let levels = try [0.80, 0.90, 0.95, 0.99, 0.998].map(ConfidenceLevel.init)
        for _ in 0..<500 {
            let n = Int.random(in: 1...5000, using: &rng)
            let x = Int.random(in: 0...n, using: &rng)
            for method in [IntervalMethod.wilson, .clopperPearson] {
                var previous: Interval?
                for level in levels {
                    let ci = try Interval.proportion(successes: x, trials: n, confidence: level, method: method)
                    #expect(ci.lower <= ci.estimate && ci.estimate <= ci.upper, "\(x)/\(n) \(method)")
                    #expect(ci.lower >= 0 && ci.upper <= 1)
                    if let previous {
                        #expect(ci.lower <= previous.lower + 1e-15 && ci.upper >= previous.upper - 1e-15)
                    }
                    previous = ci
                }
            }
        }
    }

    @Test func adjustedPValuesAreAtLeastRawAndDissimilarityInUnitInterval() throws {
        var rng = SplitMix64(state: 11)
        for _ in 0..<200 {
            let k = Int.random(in: 2...6, using: &rng)
            let categories = (0..<k).map { i in
                CategoryCount(key: "c\(i)", participants: Int.random(in: 0...60, using: &rng),
                              residents: Int.random(in: 0...3000, using: &rng))
            }
            for adjustment in PValueAdjustment.allCases {
                let result = try DimensionComparison(categories: categories,
                                                     settings: ComparisonSettings(adjustment: adjustment, fit: .init(draws: 200)))
                for g in result.groups {
                    if let p = g.pValue, let q = g.pAdjusted {
                        #expect(q >= p - 1e-15 && q <= 1)
                    }
                    if let ratio = g.ratio {
                        #expect(ratio.interval.lower <= ratio.estimate && ratio.estimate <= ratio.interval.upper)
                    }
                }
                if let d = result.dissimilarity { #expect(d >= 0 && d <= 1 + 1e-12) }
            }
        }
    }

    @Test func montecarloIsReproducibleFromItsSeed() throws {
        let a = try FitTest(observed: [1, 2, 7], shares: [0.5, 0.3, 0.2], settings: .init(draws: 2000, seed: 42))
        let b = try FitTest(observed: [1, 2, 7], shares: [0.5, 0.3, 0.2], settings: .init(draws: 2000, seed: 42))
        #expect(a.monteCarlo == b.monteCarlo)
    }
}
