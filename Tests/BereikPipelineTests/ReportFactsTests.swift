import Foundation
import Testing
@testable import BereikPipeline
@testable import BereikReport
import BereikData

/// Issue 13 (part): names with codes, the period the visits cover, facts only from this run's
/// inputs, signs only when the interval excludes 0, the right number of "person(s)".
@Suite struct ReportFactsTests {
    @Test func theFirstPageNamesTheAreaAndThePeriod() throws {
        let r = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("Geuzenveld (WK036378)") && r.out.contains("bezoeken van 1 januari 2019 tot en met 31 december 2019"))
        // A chosen period in words too, in both languages.
        let chosen = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown", "--from", "2019-03-01", "--to", "2019-06-30"])
        #expect(chosen.out.contains("gekozen periode: 1 maart 2019 – 30 juni 2019"), "\(chosen.out.prefix(600))")
        let chosenEN = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown", "--from", "2019-03-01", "--lang", "en"])
        #expect(chosenEN.out.contains("chosen period: 1 March 2019 – …"), "\(chosenEN.out.prefix(600))")
        // The summary sentence says the area by name.
        #expect(r.out.contains("mensen in Slotermeer-Noordoost (WK036376)"))
        // Explained as it goes: a plain opening per section, and the glossary.
        #expect(r.out.contains("Een verhouding van 0,6 betekent") && r.out.contains("## Wat betekenen de getallen?"))
        #expect(r.out.contains("## Wie missen we, en waar?"))
        let en = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown", "--lang", "en"])
        #expect(en.out.contains("## What do the numbers mean?") && en.out.contains("## Who do we miss, and where?"))
    }

    @Test func noSESNoSESFacts() throws {
        let html = Repo.temporary("rapport.html")
        let r = try runBereik(["report", "--attendance", Repo.example, "--population", Repo.amsterdam2019, "--area", "WK036376",
                               "--output", html])
        #expect(r.code == 0, "\(r.err)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!text.contains("SII:") && !text.contains("<li>SES:"), "a report without an SES file shows no SES settings")
    }

    @Test func aSignOnlyWhenTheIntervalExcludesZero() throws {
        // Equal reach in every buurt: the concentration index's interval contains 0.
        let request = try HeterogeneityGradientTests.area("flat", residents: [1000, 1000, 1000, 1000, 1000], participants: [20, 21, 19, 20, 20],
                                                          scores: [-2, -1, 0, 1, 2])
        let r = try GradientPipeline.run(request, repetitions: 1000)
        let c = try #require(r.concentration)
        #expect(c.index.lower < 0 && c.index.upper > 0)
        let text = GradientRenderer.text(Publisher.publish(r, control: nil), language: .en)
        #expect(text.contains("The interval contains 0") && !text.contains("Positive:") && !text.contains("Negative:"), "\(text)")
    }

    /// "Wie missen we, en waar?" by hand: men 500 and 1,000 residents in two buurten (women the same),
    /// 20 participants, so r̄ = 20/3,000; men's shortfall is 500·r̄ − 2 = 1.3 in the first buurt and
    /// 1,000·r̄ − 1 = 5.7 in the second, which therefore comes first.
    @Test func whereTheMissingLive() throws {
        let pop = Repo.temporary("where-pop.csv"), att = Repo.temporary("where-att.csv")
        try "code;inwoners;mannen;vrouwen\nGM0997;3000;1500;1500\nWK099701;3000;1500;1500\nBU09970101;1000;500;500\nBU09970102;2000;1000;1000\n"
            .write(toFile: pop, atomically: true, encoding: .utf8)
        var rows = "id;buurt;geslacht\n"
        for i in 0..<10 { rows += "a\(i);BU09970101;\(i < 2 ? "m" : "v")\n" }
        for i in 0..<10 { rows += "b\(i);BU09970102;\(i < 1 ? "m" : "v")\n" }
        try rows.write(toFile: att, atomically: true, encoding: .utf8)
        var request = AnalysisRequest(attendance: att, referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
        request.population = pop
        request.area = ["GM0997"]
        let report = try ReportPipeline.run(request, repetitions: 1000)
        let men = try #require(report.whereMissing.first { $0.group == "man" })
        #expect(men.places.map(\.code.raw) == ["BU09970102", "BU09970101"] && men.places.map(\.residents) == [1000, 500])
        #expect(men.extraNeeded == 14)  // ⌈(20·0.5 − 3)/(1 − 0.5)⌉
        #expect(!report.whereMissing.contains { $0.group == "vrouw" })
    }

    /// The title goes into the page footer as a CSS string: it can neither end the string nor the
    /// style element.
    @Test func theFooterTitleIsEscaped() {
        #expect(ReportHTML.cssString("Samen \"</style><script>\\") == "Samen \\\"\\3c /style\\3e \\3c script\\3e \\\\")
    }

    /// `--format pdf` prints with headless Chromium: a PDF with several A4 pages.
    @Test(.enabled(if: ReportTests.chromium != nil)) func aPDFReport() throws {
        let pdf = Repo.temporary("rapport.pdf")
        let r = try runBereik(["report", Repo.path("bereik.toml"), "--format", "pdf", "--output", pdf])
        #expect(r.code == 0, "\(r.err)")
        let data = try #require(FileManager.default.contents(atPath: pdf))
        #expect(data.starts(with: Array("%PDF".utf8)))
        let pages = String(decoding: data, as: UTF8.self).components(separatedBy: "/Type /Page\n").count - 1
            + String(decoding: data, as: UTF8.self).components(separatedBy: "/Type /Page ").count - 1
            + String(decoding: data, as: UTF8.self).components(separatedBy: "/Type/Page\n").count - 1
            + String(decoding: data, as: UTF8.self).components(separatedBy: "/Type/Page/").count - 1
        #expect(data.count > 50_000 && pages >= 3, "\(data.count) bytes, \(pages) pages")
        let refused = try runBereik(["report", Repo.path("bereik.toml"), "--format", "pdf"])
        #expect(refused.code == 2 && refused.err.contains("--output"))
    }

    /// `[area] name` (or `--area-name`) names the area in the sentences; the regions stay in the header.
    @Test func theAreaHasTheInitiativesName() throws {
        let project = Repo.temporary("named.toml")
        try """
        title = "Samen Gezond"
        [inputs]
        attendance = "\(Repo.example)"
        population = "\(Repo.amsterdam2019)"
        [area]
        name = "Nieuw-West"
        codes = ["WK036376", "WK036377"]
        """.write(toFile: project, atomically: true, encoding: .utf8)
        let r = try runBereik(["report", project, "--format", "markdown"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("mensen in Nieuw-West:") && r.out.contains("Gebied: Nieuw-West — "), "\(r.out.prefix(600))")
        let flag = try runBereik(["report", project, "--format", "markdown", "--area-name", "West"])
        #expect(flag.out.contains("mensen in West:"))
    }
}
