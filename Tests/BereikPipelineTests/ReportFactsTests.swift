import Foundation
import Testing
@testable import BereikPipeline
@testable import BereikReport

/// Issue 13 (part): names with codes, the period the visits cover, facts only from this run's
/// inputs, signs only when the interval excludes 0, the right number of "person(s)".
@Suite struct ReportFactsTests {
    @Test func theFirstPageNamesTheAreaAndThePeriod() throws {
        let r = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("Geuzenveld (WK036378)") && r.out.contains("bezoeken van 2019-01-01 tot en met 2019-12-31"))
        // The summary sentence says the area by name.
        #expect(r.out.contains("mensen in Slotermeer-Noordoost (WK036376)"))
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
}
