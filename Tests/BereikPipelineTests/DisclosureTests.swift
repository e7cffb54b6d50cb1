import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikReport

/// With disclosure control no participant identifier, no typed-in text and no participant count
/// between 1 and the threshold reaches any output.
@Suite struct DisclosureTests {
    static func request() throws -> CompareRequest {
        // 3 men (below 5), 40 women; one buurt with 2 participants; person ids that must never leak;
        // a name typed into the gender field (unrecognised value) that must never leak either.
        var att = "deelnemer;buurt;geslacht;activiteit;leeftijd\n"
        for i in 0..<3 { att += "GEHEIM-MAN-\(i);BU03637600;m;Koken;30\n" }
        for i in 0..<40 { att += "GEHEIM-VROUW-\(i);\(i < 2 ? "BU03637601" : "BU03637600");v;\(i % 2 == 0 ? "Koken" : "Taal");40\n" }
        att += "GEHEIM-X;BU03637600;Jan Jansen;Koken;50\n"
        let path = Repo.temporary("disclosure.csv")
        try att.write(toFile: path, atomically: true, encoding: .utf8)
        var r = CompareRequest(attendance: path, referenceDate: CivilDate(year: 2019, month: 12, day: 31)!)
        r.population = Repo.amsterdam2019
        r.ses = Repo.ses2019
        r.area = ["WK036376"]
        return r
    }

    /// Every "participants" number in a JSON document is null, 0 or at least the threshold.
    static func participantCounts(_ value: Any, into counts: inout [Int]) {
        if let object = value as? [String: Any] {
            for (key, v) in object {
                if ["participants", "persons_outside_area"].contains(key), let n = v as? Int { counts.append(n) }
                participantCounts(v, into: &counts)
            }
        } else if let array = value as? [Any] {
            for v in array { participantCounts(v, into: &counts) }
        }
    }

    @Test func noIdentifierNoTypedTextNoSmallCountInAnyOutput() throws {
        let request = try Self.request()
        let p = Publication.safe()
        let compare = try ComparePipeline.run(request)
        let buurt = try HeterogeneityPipeline.run(request, by: .buurt)
        let activity = try HeterogeneityPipeline.run(request, by: .activity)
        let gradient = try GradientPipeline.run(request, repetitions: 1000)
        var outputs: [String] = []
        for language in Language.allCases {
            outputs += [CompareTable.render(compare, language: language, publication: p),
                        CompareMarkdown.render(compare, language: language, publication: p),
                        CompareCSV.render(compare, language: language, publication: p),
                        HeterogeneityRenderer.text(buurt, language: language, publication: p),
                        HeterogeneityRenderer.csv(buurt, language: language, publication: p),
                        HeterogeneityRenderer.text(activity, language: language, publication: p),
                        HeterogeneityRenderer.csv(activity, language: language, publication: p),
                        GradientRenderer.text(gradient, language: language, publication: p),
                        GradientRenderer.csv(gradient, language: language, publication: p)]
        }
        let trend = try TrendPipeline.run(request, period: .month)
        for language in Language.allCases {
            outputs += [TrendRenderer.text(trend, language: language, publication: p), TrendRenderer.csv(trend, language: language, publication: p)]
        }
        let report = try ReportPipeline.run(request, repetitions: 1000, title: "Test")
        for language in Language.allCases {
            outputs += [ReportHTML.render(report, language: language, publication: p, version: "t"),
                        ReportMarkdown.render(report, language: language, publication: p, version: "t")]
        }
        // The report's tables never show a small participant count: the 3 men appear as "<5".
        let html = ReportHTML.render(report, language: .en, publication: p, version: "t")
        #expect(html.contains("&lt;5") && !html.contains("<td>3</td>"))
        let jsons = [CompareJSON.render(compare, version: "t", publication: p), HeterogeneityRenderer.json(buurt, version: "t", publication: p),
                     HeterogeneityRenderer.json(activity, version: "t", publication: p), GradientRenderer.json(gradient, version: "t", publication: p),
                     TrendRenderer.json(trend, version: "t", publication: p)]
        for text in outputs + jsons {
            #expect(!text.contains("GEHEIM"), "a person identifier leaked")
            #expect(!text.contains("Jan Jansen"), "typed-in text leaked")
        }
        for json in jsons {
            var counts: [Int] = []
            Self.participantCounts(try JSONSerialization.jsonObject(with: Data(json.utf8)), into: &counts)
            #expect(!counts.isEmpty)
            #expect(counts.allSatisfy { $0 == 0 || $0 >= 5 }, "\(counts)")
        }
        // The 3 men are withheld in the table, and with them (complementary) the women.
        let table = CompareTable.render(compare, language: .en, publication: p)
        #expect(table.contains("men") && table.contains("<5"))
        let gender = try #require(compare.dimensions.first { $0.counts.dimension == .gender })
        #expect(p.plan(gender).cells == [0, 1])
        // Without control the same outputs do show the small count (the test can fail).
        #expect(CompareCSV.render(compare, language: .en).contains("gender,man,3,"))
    }

    @Test func complementarySuppression() {
        let control = DisclosureControl(threshold: 5)
        #expect(control.plan([3, 40, 12]).cells == [0, 2])         // next-smallest non-zero goes too
        #expect(control.plan([3, 2, 40]).cells == [0, 1])          // two primaries protect each other
        #expect(control.plan([3, 0]) == (cells: [0], total: true)) // nothing to pair with: the total goes
        #expect(control.plan([0, 7, 9]).cells.isEmpty)             // zeros are shown
    }
}
