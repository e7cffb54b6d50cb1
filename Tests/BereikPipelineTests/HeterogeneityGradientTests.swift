import Foundation
import Testing
import BereikData
import BereikStats
@testable import BereikPipeline
@testable import BereikReport

/// End-to-end checks of `heterogeneity` and `gradient` on small areas built so the answer is known.
@Suite struct HeterogeneityGradientTests {
    /// Writes a population table (one gemeente, one wijk per buurt), an SES file and an attendance
    /// file with `participants[i]` persons in buurt i.
    static func area(_ name: String, residents: [Int], participants: [Int], scores: [Double]) throws -> AnalysisRequest {
        var pop = "code;inwoners;mannen;vrouwen\nGM0999;\(residents.reduce(0, +));0;0\n"
        var ses = "code;score\n"
        var att = "id;buurt;geslacht;activiteit\n"
        var person = 0
        for i in residents.indices {
            let code = "BU09990\(i)01"
            pop += "\(code);\(residents[i]);\(residents[i] / 2);\(residents[i] - residents[i] / 2)\n"
            ses += "\(code);\(scores[i])\n"
            for k in 0..<participants[i] {
                person += 1
                att += "p\(person);\(code);\(k % 2 == 0 ? "v" : "m");\(i % 2 == 0 ? "Koken" : "Wandelen")\n"
            }
        }
        let popPath = Repo.temporary("\(name)-pop.csv"), sesPath = Repo.temporary("\(name)-ses.csv"), attPath = Repo.temporary("\(name)-att.csv")
        try pop.write(toFile: popPath, atomically: true, encoding: .utf8)
        try ses.write(toFile: sesPath, atomically: true, encoding: .utf8)
        try att.write(toFile: attPath, atomically: true, encoding: .utf8)
        var r = AnalysisRequest(attendance: attPath, referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
        r.population = popPath
        r.ses = sesPath
        r.area = ["GM0999"]
        return r
    }

    /// Buurten with metafor case 1's counts give metafor's Q, I², τ² (Fixtures of BereikStatsTests:
    /// R metafor 3.8.1, escalc("PLO") + rma(method = "DL")).
    @Test func heterogeneityByBuurtMatchesMetafor() throws {
        let request = try Self.area("meta", residents: [800, 1500, 600, 1800, 1100], participants: [12, 30, 5, 44, 19],
                                    scores: [0, 0, 0, 0, 0])
        let r = try HeterogeneityPipeline.run(request, by: .buurt)
        #expect(r.units.count == 5 && r.units.map(\.participants) == [12, 30, 5, 44, 19])
        let h = try #require(r.homogeneity)
        #expect(abs(h.q - 7.109818572077816) < 1e-9 && abs(h.i2 - 43.739773955567813) < 1e-7)
        #expect(abs(h.tau2 - 0.039921028094601164) < 1e-10)
        #expect(abs(h.prediction.lower - 0.011520975205871094) < 1e-10 && abs(h.prediction.upper - 0.029333465633240057) < 1e-10)
        #expect(abs(r.target! - 110.0 / 5800.0) < 1e-15)
        // Units are flagged against the 99.8% funnel around the area's reach.
        for u in r.units { #expect((u.flag == .none) == (u.funnel!.lower998...u.funnel!.upper998).contains(u.reach.estimate!)) }
        let json = HeterogeneityRenderer.json(Publisher.publish(r, control: nil), version: "test")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "bereik.heterogeneity/1")
        let unit = try #require((root["units"] as? [[String: Any]])?.first)
        for key in ["unit", "participants", "residents", "reach", "shrunk", "funnel", "flag"] { #expect(unit[key] != nil, "\(key)") }
        let funnel = try #require(unit["funnel"] as? [String: Any])
        for key in ["lower95", "upper95", "lower998", "upper998"] { #expect(funnel[key] != nil) }
        let hom = try #require(root["homogeneity"] as? [String: Any])
        for key in ["q", "df", "p_value", "i2", "tau2", "tau2_method", "prediction"] { #expect(hom[key] != nil, "\(key)") }
        let od = try #require(root["overdispersion"] as? [String: Any])
        #expect(od["phi"] != nil && od["tau2"] != nil)
    }

    @Test func heterogeneityByActivityHasSegregationAndIndependence() throws {
        let request = try Self.area("act", residents: [1000, 1000, 1000, 1000], participants: [20, 20, 20, 20], scores: [0, 0, 0, 0])
        let r = try HeterogeneityPipeline.activities(request)
        let gender = try #require(r.dimensions.first { $0.dimension == .gender })
        #expect(Set(gender.activities) == ["Koken", "Wandelen"])
        #expect(gender.table.map { $0.reduce(0, +) } == [40, 40])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(HeterogeneityRenderer.json(Publisher.publish(r, control: nil), version: "t").utf8)) as? [String: Any])
        let dim = try #require((root["dimensions"] as? [[String: Any]])?.first)
        let seg = try #require(dim["segregation"] as? [String: Any]), ind = try #require(dim["independence"] as? [String: Any])
        for key in ["dissimilarity", "theil_h", "mutual_information"] { #expect(seg[key] != nil) }
        for key in ["chi2", "df", "p_value", "cramers_v"] { #expect(ind[key] != nil) }
        // Both activities have exactly the same gender mix (alternating v/m): no segregation.
        #expect((seg["dissimilarity"] as? Double) == 0)
    }

    /// Five equal buurten, reach 1%…5% rising with SES: reach = 0.005 + 0.05·rank exactly, so
    /// SII = 0.05 and RII = 0.055/0.005 = 11; C = (2/0.03)·0.2·(0.01·0.1 + … + 0.05·0.9) − 1 = 4/15.
    /// (10,000 residents a buurt: with 1,000 the simulated reach at rank 0 can reach zero, and RII
    /// has no finite interval.)
    @Test func gradientOnAnExactLinearGradient() throws {
        let request = try Self.area("grad", residents: [10000, 10000, 10000, 10000, 10000], participants: [100, 200, 300, 400, 500],
                                    scores: [-2, -1, 0, 1, 2])
        let r = try GradientPipeline.run(request, repetitions: 2000)
        let sii = try #require(r.sii)
        #expect(abs(sii.sii.estimate - 0.05) < 1e-12 && abs((sii.rii?.estimate ?? 0) - 11) < 1e-9)
        #expect(sii.sii.lower < 0.05 && sii.sii.upper > 0.05)
        let c = try #require(r.concentration)
        #expect(abs(c.index.estimate - 4.0 / 15.0) < 1e-12 && c.standardError > 0)
        #expect(r.groups?.comparison.groups.map(\.participants) == [100, 200, 300, 400, 500])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(GradientRenderer.json(Publisher.publish(r, control: nil), version: "t").utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "bereik.gradient/1")
        for key in ["sii", "rii", "concentration_index"] {
            let v = try #require(root[key] as? [String: Any])
            #expect(v["estimate"] != nil && v["lower"] != nil && v["upper"] != nil, "\(key)")
        }
        #expect((root["concentration_index"] as? [String: Any])?["se"] != nil)
        #expect((root["groups"] as? [[String: Any]])?.count == 5)
        #expect(GradientRenderer.text(Publisher.publish(r, control: nil), language: .nl).contains("hogere SES"))
    }

    @Test func edgeCasesGiveDefinedResults() throws {
        // One unit: no heterogeneity statistics, the unit is still listed.
        let one = try HeterogeneityPipeline.run(try Self.area("one", residents: [500], participants: [5], scores: [0]), by: .buurt)
        #expect(one.units.count == 1 && one.homogeneity == nil && one.overdispersion == nil)
        // A buurt without residents is listed and left out of the statistics.
        let empty = try HeterogeneityPipeline.run(try Self.area("empty", residents: [500, 0, 700], participants: [5, 0, 9], scores: [0, 0, 0]), by: .buurt)
        #expect(empty.unitsLeftOut == ["BU09990101"] && empty.homogeneity?.units == 2)
        // Zero participants in a group: an SII all the same (Jeffreys simulation), said in the text;
        // RII not defined (the fitted reach at the bottom is below zero), said too.
        let zero = try GradientPipeline.run(try Self.area("zero", residents: [1000, 1000, 1000, 1000, 1000], participants: [0, 2, 3, 4, 5],
                                                          scores: [-2, -1, 0, 1, 2]), repetitions: 1000)
        let sii = try #require(zero.sii)
        #expect(sii.simulation == .jeffreysBeta && sii.sii.estimate > 0 && zero.concentration != nil && zero.siiOmission == nil)
        let text = GradientRenderer.text(Publisher.publish(zero, control: nil), language: .en)
        #expect(text.contains("Jeffreys") && text.contains("RII: not defined"), "\(text)")
        // More participants than (rounded) residents in a group: not computed, with the reason, in words.
        let over = try GradientPipeline.run(try Self.area("over", residents: [100, 100, 100, 100, 100], participants: [120, 2, 3, 4, 5],
                                                          scores: [-2, -1, 0, 1, 2]), repetitions: 1000)
        #expect(over.sii == nil && over.siiOmission == .participantsExceedResidents)
        #expect(GradientRenderer.text(Publisher.publish(over, control: nil), language: .nl).contains("SII/RII niet berekend: een SES-groep heeft meer deelnemers"))
    }
}

/// A wijk only partly in the area counts only its buurten in the area.
@Suite struct WijkAggregationTests {
    @Test func partialWijkUsesItsBuurtenInTheArea() throws {
        let pop = Repo.temporary("wijk-pop.csv"), att = Repo.temporary("wijk-att.csv")
        try """
        code;inwoners;mannen;vrouwen
        GM0997;3000;1500;1500
        WK099701;3000;1500;1500
        BU09970101;1000;500;500
        BU09970102;2000;1000;1000
        """.write(toFile: pop, atomically: true, encoding: .utf8)
        try "id;buurt\na;BU09970101\nb;BU09970101\nc;BU09970102\n".write(toFile: att, atomically: true, encoding: .utf8)
        var r = AnalysisRequest(attendance: att, referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
        r.population = pop
        r.area = ["BU09970101"]
        let part = try HeterogeneityPipeline.run(r, by: .wijk)
        #expect(part.units.map(\.residents) == [1000] && part.units.map(\.participants) == [2])
        r.area = ["GM0997"]
        let whole = try HeterogeneityPipeline.run(r, by: .wijk)
        #expect(whole.units.map(\.residents) == [3000] && whole.units.map(\.participants) == [3])
    }
}
