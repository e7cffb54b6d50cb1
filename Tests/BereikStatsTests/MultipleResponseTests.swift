import Testing
@testable import BereikStats

/// Issue 11, item 4: the person-level permutation test of activity × category (Bilder & Loughin
/// 2004) against numpy/scipy from person-level data (Fixtures/make_multiple_response_references.py):
/// X²_S to 1e-9; the two Monte Carlo p-values (20,000 numpy shuffles, 20,000 GSL permutations)
/// within four standard errors of their difference.
@Suite struct MultipleResponseTests {
    @Test func matchesNumpyPermutations() throws {
        let root = try Fixture.json("multiple_response_references.json") as! [String: Any]
        for item in root["cases"] as! [[String: Any]] {
            let patterns = (item["patterns"] as! [[String: Any]]).map { (activities: $0["activities"] as! [Int], counts: $0["counts"] as! [Int]) }
            let t = try #require(try MultipleResponseIndependence(patterns: patterns, activities: item["activities"] as! Int, permutations: 20_000))
            let reference = item["p_value"] as! Double, statistic = item["statistic"] as! Double
            #expect(abs(t.statistic - statistic) <= 1e-9 * statistic, "X²_S \(t.statistic) vs \(statistic)")
            let se = (reference * (1 - reference) * (1.0 / 20_000 + 1.0 / 20_000)).squareRoot()
            #expect(abs(t.pValue - reference) <= 4 * se + 1e-4, "p \(t.pValue) vs \(reference)")
            #expect(t.persons == patterns.reduce(0) { $0 + $1.counts.reduce(0, +) })
        }
    }

    @Test func reproducibleAndDefinedOnlyWhenSomethingSeparates() throws {
        let patterns = [(activities: [0], counts: [8, 2]), (activities: [1], counts: [1, 9]), (activities: [0, 1], counts: [3, 3])]
        let a = try #require(try MultipleResponseIndependence(patterns: patterns, activities: 2, permutations: 999, seed: 5))
        let b = try #require(try MultipleResponseIndependence(patterns: patterns, activities: 2, permutations: 999, seed: 5))
        #expect(a == b && a.pValue < 0.05)
        // Everyone in every activity: nothing separates persons.
        #expect(try MultipleResponseIndependence(patterns: [(activities: [0, 1], counts: [4, 6])], activities: 2) == nil)
        // One category only.
        #expect(try MultipleResponseIndependence(patterns: [(activities: [0], counts: [4, 0]), (activities: [1], counts: [3, 0])], activities: 2) == nil)
        #expect(throws: StatsError.self) { try MultipleResponseIndependence(patterns: [(activities: [2], counts: [1, 1])], activities: 2) }
    }
}
