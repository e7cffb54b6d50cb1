import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport
import BereikStats

/// Issue 14 (part): crossed dimensions (`compare --by gender:ses`, `gender:wijk`, …) — residents
/// per cell are hand sums of CBS buurt rows, the example's design (men reached half as often in
/// every buurt) reads as "in every group", a made-up interaction is found, and nothing small leaks.
@Suite struct CrossingTests {
    static func run(_ crossings: [Crossing], attendance: String = Repo.example, dimensions: [BereikData.Dimension]? = []) throws -> CompareResult {
        var request = Repo.exampleRequest(attendance)
        request.dimensions = dimensions
        request.crossings = crossings
        return try ComparePipeline.run(request)
    }

    @Test func residentsPerCellAreHandSumsOfCBSBuurtRows() throws {
        // Tests/BereikPipelineTests/Fixtures/make_crossed_residents.py (Python csv, Mannen_6 and Vrouwen_7 of the buurt rows).
        let hand: [String: [Int]] = ["WK036376": [4860, 4470], "WK036377": [9165, 8790], "WK036378": [8145, 8090],
                                     "WK036386": [6780, 7105], "WK036388": [6855, 7070]]
        let crossed = try #require(try Self.run([Crossing(person: .gender, place: .wijk)]).crossings.first)
        #expect(crossed.groups.count == 5)
        for g in crossed.groups { #expect(g.result.counts.residents == hand[g.key], "\(g.key): \(g.result.counts.residents)") }
        #expect(crossed.groups.first { $0.key == "WK036378" }?.name == "Geuzenveld")
    }

    @Test func theExamplesMenAreMissingInEverySESGroup() throws {
        let r = try Self.run([Crossing(person: .gender, place: .ses)])
        let crossed = try #require(r.crossings.first)
        #expect(crossed.groups.map(\.key) == ["Q1", "Q2", "Q3", "Q4", "Q5"])
        // Every person is in a cell, outside every group, or of unknown gender.
        let inCells = crossed.groups.reduce(0) { $0 + $1.result.counts.participants.reduce(0, +) + $1.result.counts.participantsUnknown }
        #expect(inCells + crossed.unplaced.reduce(0, +) + crossed.unknownUnplaced == r.reconciliation.persons)
        // SES groups hold the same participants as `compare --by ses`.
        let ses = try #require(try Self.run([], dimensions: [.ses]).dimensions.first)
        for (i, g) in crossed.groups.enumerated() {
            #expect(g.result.counts.participants.reduce(0, +) + g.result.counts.participantsUnknown == ses.counts.participants[i])
            #expect(g.result.counts.residents.reduce(0, +) <= ses.counts.residents[i] + 10)  // gender sums vs totals, both rounded to 5 per buurt
        }
        let sentences = CompareSummary.sentences(Publisher.publish(r, control: nil), language: .nl)
        #expect(sentences.contains("mannen: minder bereikt in elke SES-groep"), "\(sentences)")
        let test = try #require(crossed.interaction)
        #expect(test.df == 4 && test.readingPValue > 0.05, "the design has no interaction: \(test)")
    }

    /// A made-up attendance where men in Q1 buurten take part at 0.3 of the women's rate and
    /// elsewhere at the same rate: the interaction is found and the sentence names Q1 only.
    @Test func aMadeUpInteractionIsFound() throws {
        let inputs = try PreparedInputs(Repo.exampleRequest())
        var notes: [RunNote] = []
        let grouping = try #require(try inputs.sesGrouping(notes: &notes))
        var rows = ["deelnemer;buurtcode;geslacht"], id = 0
        for b in inputs.area.buurten {
            guard let g = grouping.groupOf[b], let counts = inputs.population.region(b)?.counts[.gender] else { continue }
            for (sex, n) in zip(["M", "V"], counts) {
                let persons = Int((Double(n) * 0.03 * (sex == "M" && g == 0 ? 0.3 : 1)).rounded())
                for _ in 0..<persons { id += 1; rows.append("P\(id);\(b.raw);\(sex)") }
            }
        }
        let file = try Repo.write(rows.joined(separator: "\n"), "interactie.csv")
        let crossed = try #require(try Self.run([Crossing(person: .gender, place: .ses)], attendance: file).crossings.first)
        let test = try #require(crossed.interaction)
        #expect(test.readingPValue < 0.001, "\(test)")
        let sentences = CrossingRenderer.sentences(Publisher.publish(try Self.run([Crossing(person: .gender, place: .ses)], attendance: file), control: nil).crossings[0], language: .nl)
        #expect(sentences == ["mannen: minder bereikt in Q1 (laagste SES); in de andere SES-groepen geen duidelijk verschil"], "\(sentences)")
    }

    /// Disclosure control on gender × buurt: no sensitive count derivable (the attacker), and
    /// complementary suppressions that protect nothing are shown again (a fresh-eyes test found
    /// the men of 17 buurten withheld, each derivable from its buurt total anyway).
    @Test func genderByBuurtUnderDisclosureControlWithholdsOnlyWhatProtects() throws {
        var request = Repo.exampleRequest()
        request.dimensions = [.gender]
        request.crossings = [Crossing(person: .gender, place: .buurt)]
        let r = try ComparePipeline.run(request)
        let ledger = Publisher.ledger(r, control: DisclosureControl(threshold: 5))
        #expect(ledger.derivableSensitiveCells().isEmpty && ledger.sensitiveRemainders().isEmpty)
        let published = Publisher.publish(r, control: DisclosureControl(threshold: 5))
        let cells = published.crossings[0].groups.flatMap { $0.comparison.groups }
        let withheld = cells.filter { $0.participants.isWithheld }
        let small = r.crossings[0].groups.flatMap { $0.result.counts.participants }.filter { (1...4).contains($0) }.count
        #expect(withheld.count <= 2 * small + 2, "\(withheld.count) withheld for \(small) small counts")
    }

    @Test func twoPersonCharacteristicsAreRefusedWithTheReason() throws {
        #expect(throws: Crossing.ParseProblem.twoPersonCharacteristics("gender:age")) { try Crossing.parse("gender:age") }
        #expect(try Crossing.parse("SES:origin") == Crossing(person: .origin, place: .ses))
        let r = try runBereik(["compare", "--project", Repo.path("bereik.toml"), "--by", "gender:age"])
        #expect(r.code == 2 && r.err.contains("CBS telt geen combinaties van twee persoonskenmerken per buurt"), "\(r.err)")
        let en = try runBereik(["compare", "--project", Repo.path("bereik.toml"), "--by", "gender:planet", "--lang", "en"])
        #expect(en.code == 2 && en.err.contains("is not a crossing"), "\(en.err)")
    }

    @Test func crossingsRenderInEveryFormat() throws {
        let args = ["compare", "--project", Repo.path("bereik.toml"), "--by", "gender,ses,origin:ses"]
        let text = try runBereik(args)
        #expect(text.code == 0 && text.out.contains("Herkomst × SES-WOA van de buurt") && text.out.contains("niet-westers: minder bereikt in elke SES-groep"))
        let json = try runBereik(args + ["--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let crossings = try #require(doc["crossings"] as? [[String: Any]])
        #expect(crossings.count == 1 && crossings[0]["person"] as? String == "origin" && crossings[0]["place"] as? String == "ses")
        #expect((crossings[0]["groups"] as? [[String: Any]])?.count == 5)
        let csv = try runBereik(args + ["--format", "csv"])
        #expect(csv.out.contains("origin:ses|Q1"))
    }
}

/// The report's intersections section, asked in the project file or with --intersections.
@Suite struct IntersectionReportTests {
    @Test func theReportHasAnIntersectionsSectionWhenAsked() throws {
        let plain = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown"])
        #expect(plain.code == 0 && !plain.out.contains("Wie missen we binnen groepen?"))
        let asked = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown", "--intersections", "gender:ses"])
        #expect(asked.code == 0 && asked.out.contains("## Wie missen we binnen groepen?") && asked.out.contains("### Geslacht × SES-WOA van de buurt"))
        #expect(asked.out.contains("mannen: minder bereikt in elke SES-groep"))
        let en = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown", "--intersections", "origin:ses", "--lang", "en"])
        #expect(en.out.contains("## Who do we miss within groups?") && en.out.contains("non-Western: reached less in every SES group"), "\(en.out.suffix(3000))")
        // The project file's analysis.crossings does the same; a bad value names the key and line.
        let project = try String(contentsOfFile: Repo.path("bereik.toml"), encoding: .utf8)
            .replacingOccurrences(of: "\"Datasets/", with: "\"" + Repo.path("Datasets") + "/")
        let withCrossings = project.replacingOccurrences(of: "[analysis]", with: "[analysis]\ncrossings = [\"gender:ses\"]")
        let dir = Repo.temporary("kruising")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try withCrossings.write(toFile: dir + "/bereik.toml", atomically: true, encoding: .utf8)
        let fromProject = try runBereik(["report", dir + "/bereik.toml", "--format", "markdown"])
        #expect(fromProject.code == 0 && fromProject.out.contains("### Geslacht × SES-WOA van de buurt"), "\(fromProject.err)")
        try project.replacingOccurrences(of: "[analysis]", with: "[analysis]\ncrossings = [\"gender:age\"]").write(toFile: dir + "/bereik.toml", atomically: true, encoding: .utf8)
        let bad = try runBereik(["report", dir + "/bereik.toml", "--format", "markdown"])
        #expect(bad.code != 0 && bad.err.contains("analysis.crossings"), "\(bad.err)")
    }
}
