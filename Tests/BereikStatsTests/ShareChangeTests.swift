import Foundation
import Testing
@testable import BereikStats

/// ShareChange against statsmodels 0.15 (log/Katz interval of a ratio of proportions) and scipy
/// 1.17 (`chi2_contingency`), Fixtures/make_share_change_references.py. Tolerance 1e-9.
@Suite struct ShareChangeTests {
    @Test func matchesStatsmodelsAndScipy() throws {
        let cases = try #require(try Fixture.json("share_change_references.json") as? [[String: Any]])
        #expect(cases.count == 5)
        for c in cases {
            let a = c["a"] as! [Int], b = c["b"] as! [Int]
            let change = try ShareChange(periodA: a, periodB: b)
            for (mine, ref) in zip(change.categories, c["ratios"] as! [[String: Double]]) {
                let r = try #require(mine.ratio)
                #expect(close(r.estimate, ref["estimate"], rel: 1e-12) && close(r.lower, ref["lower"], rel: 1e-9) && close(r.upper, ref["upper"], rel: 1e-9),
                        "\(a) \(b): \(r) vs \(ref)")
            }
            #expect(close(change.chiSquared, c["chi2"] as? Double, rel: 1e-9) && change.degreesOfFreedom == c["df"] as! Int)
            #expect(close(change.pValue, c["p_value"] as? Double, rel: 1e-8))
        }
    }

    @Test func zeroSharesHaveNoIntervalAndBadInputIsRefused() throws {
        let change = try ShareChange(periodA: [0, 10, 5], periodB: [3, 10, 5])
        #expect(change.categories[0].ratio == nil && change.categories[1].ratio != nil && change.smallExpected)
        #expect(throws: StatsError.self) { try ShareChange(periodA: [1, 2], periodB: [1, 2, 3]) }
        #expect(throws: StatsError.self) { try ShareChange(periodA: [0, 0], periodB: [1, 2]) }
    }
}
