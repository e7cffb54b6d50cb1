import Testing
@testable import BereikStats

/// The buurt bootstrap of the concentration index and the SII against numpy's own bootstrap of the
/// same statistics (100,000 replicates; Fixtures/make_bootstrap_references.py): points to 1e-9,
/// percentile limits within 4% of the interval's width (20,000 replicates here).
@Suite struct ClusterBootstrapTests {
    @Test func matchesNumpy() throws {
        let root = try Fixture.json("bootstrap_references.json") as! [String: Any]
        for item in root["cases"] as! [[String: Any]] {
            let scores = item["score"] as! [Double], x = item["x"] as! [Int], n = item["n"] as! [Int]
            let units = scores.indices.map { (score: scores[$0], x: x[$0], n: n[$0]) }
            let b = try #require(try ClusterBootstrap(units: units, groups: item["groups"] as! Int, replicates: 20_000, seed: 9))
            let c = try #require(b.concentration), s = try #require(b.sii)
            #expect(abs(c.estimate - (item["concentration"] as! Double)) < 1e-9 && abs(s.estimate - (item["sii"] as! Double)) < 1e-9)
            for (interval, key) in [(c, "concentration_ci"), (s, "sii_ci")] {
                let ref = item[key] as! [Double], width = ref[1] - ref[0]
                #expect(abs(interval.lower - ref[0]) < 0.04 * width && abs(interval.upper - ref[1]) < 0.04 * width, "\(key): \(interval) vs \(ref)")
            }
            // Between-buurt variation the analytic SE leaves out: the bootstrap interval is wider.
            let analytic = try #require(try ConcentrationIndex(units: units.sorted { $0.score < $1.score }.map { (x: $0.x, n: $0.n) }))
            #expect((c.upper - c.lower) > 2 * 1.96 * analytic.standardError, "bootstrap \(c) vs analytic SE \(analytic.standardError)")
        }
    }

    @Test func reproducibleFromItsSeed() throws {
        let units = (0..<10).map { (score: Double($0), x: 5 + $0, n: 1000) }
        let a = try ClusterBootstrap(units: units, groups: 3, replicates: 500, seed: 4)
        let b = try ClusterBootstrap(units: units, groups: 3, replicates: 500, seed: 4)
        #expect(a != nil && a == b)
        #expect(try ClusterBootstrap(units: [(score: 0, x: 1, n: 10)], groups: 3) == nil)
    }
}
