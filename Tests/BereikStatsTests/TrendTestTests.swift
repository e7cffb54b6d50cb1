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

/// The exact conditional trend test against R `coin::independence_test(distribution = "exact")`
/// (Fixtures/make_exact_trend_references.R → exact_trend_r.csv; a scipy enumeration agreed to
/// 1e-12), to 1e-9; the asymptotic column is `prop.trend.test` on the same counts.
@Suite struct ExactTrendTestTests {
    @Test func matchesRCoin() throws {
        let rows = try Fixture.csvRows("exact_trend_r.csv")
        #expect(rows.count == 7)
        for row in rows {
            let x = row["x"]!.split(separator: " ").map { Int($0)! }, n = row["n"]!.split(separator: " ").map { Int($0)! }
            let exact = try #require(try ExactTrendTest(successes: x, trials: n))
            #expect(close(exact.pValue, Double(row["p_exact"]!), rel: 1e-9, abs: 1e-15), "case \(row["case"]!)")
            let asymptotic = try #require(try TrendTest(successes: x, trials: n))
            #expect(close(asymptotic.pValue, Double(row["p_asymptotic"]!), rel: 1e-6), "case \(row["case"]!)")
        }
    }

    @Test func refusesWhatItCannotTest() throws {
        #expect(try ExactTrendTest(successes: [0, 0], trials: [10, 10]) == nil)       // nobody in the group
        #expect(try ExactTrendTest(successes: [10, 5], trials: [10, 5]) == nil)       // everyone
        #expect(try ExactTrendTest(successes: [3], trials: [10]) == nil)              // one level
        #expect(try ExactTrendTest(successes: [3, 4], trials: [2, 10]) == nil)        // x > n
        // Too many tables: nil, so the caller keeps the χ² (here 6001 × 6001 tables > 1e6).
        #expect(try ExactTrendTest(successes: [3000, 3000, 3000], trials: [6000, 6000, 6000], maxTables: 1_000_000) == nil)
        // The complement gives the same p and fewer tables.
        let a = try #require(try ExactTrendTest(successes: [8, 2, 1], trials: [20, 10, 5]))
        let b = try #require(try ExactTrendTest(successes: [12, 8, 4], trials: [20, 10, 5]))
        #expect(close(a.pValue, b.pValue, rel: 1e-12))
        #expect(a.tables == b.tables)
    }
}
