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
