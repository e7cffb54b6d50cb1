import Testing
@testable import BereikStats

/// Exact funnel limits (Spiegelhalter 2005, appendix: interpolated binomial quantiles) and
/// overdispersion on the arcsine scale, against scipy/numpy (Fixtures/make_funnel_references.py).
@Suite struct FunnelReferenceTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test func exactLimitsMatchScipy() throws {
        let root = try Fixture.json("funnel_references.json") as! [String: Any]
        for item in root["limits"] as! [[String: Any]] {
            let target = item["target"] as! Double, n = item["n"] as! Int
            let f = try FunnelLimits(target: target, size: n, method: .exact)
            for (value, key) in [(f.lower95, "lower95"), (f.upper95, "upper95"), (f.lower998, "lower998"), (f.upper998, "upper998")] {
                #expect(Self.close(value, item[key] as! Double), "\(key) θ = \(target), n = \(n): \(value) vs \(item[key]!)")
            }
        }
    }

    @Test func arcsineOverdispersionAndWidenedLimitsMatchNumpy() throws {
        let root = try Fixture.json("funnel_references.json") as! [String: Any]
        for item in root["overdispersion"] as! [[String: Any]] {
            let counts = zip(item["x"] as! [Int], item["n"] as! [Int]).map { (x: $0, n: $1) }
            let target = item["target"] as! Double
            let od = try #require(Overdispersion(counts: counts, target: target, scale: .exact))
            #expect(Self.close(od.phi, item["phi"] as! Double) && Self.close(od.tau2, item["tau2"] as! Double, 1e-7), "φ \(od.phi), τ² \(od.tau2)")
            for (c, limits) in zip(counts, item["limits998"] as! [[Double]]) {
                let f = try FunnelLimits(target: target, size: c.n, method: .exact, tau2: od.tau2)
                #expect(Self.close(f.lower998, limits[0], 1e-7) && Self.close(f.upper998, limits[1], 1e-7), "n = \(c.n)")
            }
        }
    }

    @Test func theNormalMethodIsPHEs() throws {
        let a = try FunnelLimits(target: 0.1, size: 400, method: .normal), b = FunnelLimits(target: 0.1, size: 400)
        #expect(a == b)
        #expect(throws: StatsError.self) { try FunnelLimits(target: 0, size: 10, method: .exact) }
    }
}
