import Testing
@testable import BereikStats

/// Against base R's `prop.trend.test` (Fixtures/make_trend_references.R → trend_r.csv), to 1e-6.
@Suite struct TrendTestTests {
    static let cases: [([Int], [Int])] = [
        ([15, 10, 12, 6], [1000, 1000, 1000, 1000]), ([83, 90, 129, 70], [86, 93, 136, 82]),
        ([5, 9, 14, 22, 30, 41], [5000, 5000, 5000, 5000, 5000, 5000]), ([0, 2, 1, 4], [300, 310, 290, 305]),
        ([40, 38, 44, 39, 41], [2000, 1900, 2100, 2000, 1950]),
    ]

    @Test func matchesRPropTrendTest() throws {
        let rows = try Fixture.csvRows("trend_r.csv")
        #expect(rows.count == Self.cases.count)
        for row in rows {
            let (x, n) = Self.cases[Int(row["case"]!)! - 1]
            let t = try #require(try TrendTest(successes: x, trials: n))
            #expect(close(t.chiSquared, Double(row["chi2"]!)), "case \(row["case"]!)")
            #expect(close(t.pValue, Double(row["p"]!), rel: 1e-6, abs: 1e-15), "case \(row["case"]!)")
        }
        #expect(try TrendTest(successes: [1, 2, 3], trials: [100, 100, 100])!.slope > 0)
        #expect(try TrendTest(successes: [0, 0], trials: [10, 10]) == nil)  // p̄ = 0
        #expect(try TrendTest(successes: [3], trials: [10]) == nil)          // one period
    }
}

/// The quasi-binomial version against scipy (Fixtures/make_trend_quasi_references.py): dispersion
/// from the departure from trend and the F(1, k − 2) p-value, to 1e-9.
@Suite struct QuasiTrendTests {
    @Test func matchesScipy() throws {
        let cases = try Fixture.json("trend_quasi_references.json") as! [[String: Any]]
        for c in cases {
            let t = try #require(try TrendTest(successes: c["x"] as! [Int], trials: c["n"] as! [Int]))
            #expect(close(t.chiSquared, c["chi2_trend"] as? Double, rel: 1e-9))
            #expect(close(t.dispersion, c["dispersion"] as? Double, rel: 1e-9, abs: 1e-12), "φ")
            #expect(close(t.quasiPValue, c["p_quasi"] as? Double, rel: 1e-9, abs: 1e-15), "quasi p")
            #expect(t.quasiPValue! >= t.pValue - 1e-12 || t.dispersion! < 1, "dispersion never makes a trend more significant")
        }
        #expect(try TrendTest(successes: [3, 5], trials: [100, 100])?.dispersion == nil)  // two periods: no residual df
        // Alternating busy and quiet periods (φ ≈ 32): the reading rests on the quasi-binomial p.
        let swinging = try #require(try TrendTest(successes: [120, 40, 150, 60, 170, 80], trials: [Int](repeating: 9000, count: 6)))
        #expect(swinging.dispersionIsLarge && swinging.readingPValue == swinging.quasiPValue)
    }
}
