import Testing
@testable import BereikStats

/// Clustering by buurt (Fixtures/make_design_effect_references.py): design effects against numpy,
/// the effective-size Clopper–Pearson ratio interval and central p against scipy's beta
/// distribution, and Rao–Scott's first-order X², all to 1e-9.
@Suite struct DesignEffectTests {
    @Test func matchesNumpyAndScipy() throws {
        let root = try Fixture.json("design_effect_references.json") as! [String: Any]
        for item in root["cases"] as! [[String: Any]] {
            let clusters = item["clusters"] as! [[Int]], residents = item["residents"] as! [Int]
            let deff = DesignEffect.perCategory(clusters: clusters)
            let x = residents.indices.map { g in clusters.reduce(0) { $0 + $1[g] } }
            let result = try DimensionComparison(categories: residents.indices.map { CategoryCount(key: "g\($0)", participants: x[$0], residents: residents[$0]) },
                                                 settings: ComparisonSettings(adjustment: .none), designEffects: deff)
            for (g, ref) in (item["groups"] as! [[String: Any]]).enumerated() {
                #expect(close(deff[g], ref["deff"] as? Double, rel: 1e-9), "deff \(g)")
                let ratio = ref["ratio"] as! [Double], r = try #require(result.groups[g].ratio?.interval)
                #expect(close(r.estimate, ratio[0], rel: 1e-9) && close(r.lower, ratio[1], rel: 1e-9) && close(r.upper, ratio[2], rel: 1e-9), "ratio \(g): \(r) vs \(ratio)")
                #expect(close(result.groups[g].pValue, ref["p"] as? Double, rel: 1e-8, abs: 1e-14), "p \(g)")
                #expect(result.groups[g].flag == .none || (r.lower > 1 || r.upper < 1), "a flag beside an interval containing 1")
            }
            let rs = try #require(result.raoScott), ref = item["rao_scott"] as! [String: Double]
            #expect(close(rs.chiSquared, ref["chi2"], rel: 1e-9) && close(rs.pValue, ref["p"], rel: 1e-8, abs: 1e-15) && close(rs.meanDesignEffect, ref["mean_deff"], rel: 1e-12))
        }
    }

    @Test func independentPersonsHaveNoDesignEffect() {
        // Every buurt the same mix: the between-buurt variance is below the binomial one, deff = 1.
        #expect(DesignEffect.perCategory(clusters: [[5, 5], [10, 10], [3, 3]]) == [1, 1])
        #expect(DesignEffect.perCategory(clusters: [[5, 5]]) == [1, 1])  // one buurt: nothing to estimate
    }
}
