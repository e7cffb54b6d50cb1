import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport

/// Issue 14 (part): `compare --period-a/--period-b`. The example has no change over time by design;
/// a made-up second half-year with half of the women left out shows a change for men and women.
@Suite struct PeriodChangeTests {
    static let a = Period(from: CivilDate(year: 2019, month: 1, day: 1)!, to: CivilDate(year: 2019, month: 6, day: 30)!)
    static let b = Period(from: CivilDate(year: 2019, month: 7, day: 1)!, to: CivilDate(year: 2019, month: 12, day: 31)!)

    @Test func theExampleDoesNotChangeAndTheCountsAreThePeriods() throws {
        var request = Repo.exampleRequest()
        request.dimensions = [.gender, .origin]
        let r = try PeriodChangePipeline.run(request, a: Self.a, b: Self.b)
        let change = try #require(r.periodChange)
        #expect(change.dimensions.map(\.dimension) == [.gender, .origin])
        for d in change.dimensions { #expect(d.change.pValue > 0.05, "\(d.dimension): \(d.change.pValue)") }
        // Period A's counts are those of a plain run on period A; period B is the main result.
        var plainA = request
        (plainA.from, plainA.to) = (Self.a.from, Self.a.to)
        let onlyA = try ComparePipeline.run(plainA)
        #expect(change.dimensions[0].participantsA == onlyA.dimensions[0].counts.participants)
        #expect(change.dimensions[0].participantsB == r.dimensions[0].counts.participants && r.request.from == Self.b.from)
    }

    @Test func aMadeUpChangeIsFound() throws {
        // In the second half-year, every other woman's visits are left out.
        let lines = try String(contentsOfFile: Repo.example, encoding: .utf8).split(separator: "\n").map(String.init)
        let kept = [lines[0]] + lines.dropFirst().filter { line in
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let month = Int(f[1].split(separator: "-")[1]) ?? 1
            let id = Int(f[0].dropFirst()) ?? 0
            return !(month >= 7 && f[4] == "V" && id % 2 == 0)
        }
        let file = try Repo.write(kept.joined(separator: "\n"), "minder-vrouwen.csv")
        var request = Repo.exampleRequest(file)
        request.dimensions = [.gender]
        let change = try #require(try PeriodChangePipeline.run(request, a: Self.a, b: Self.b).periodChange?.dimensions.first)
        #expect(change.change.pValue < 0.001)
        let men = try #require(change.change.categories[0].ratio), women = try #require(change.change.categories[1].ratio)
        #expect(men.lower > 1 && women.upper < 1, "\(men) \(women)")
        let text = try runBereik(["compare", "--attendance", file, "--population", Repo.amsterdam2019, "--ses", Repo.ses2019,
                                  "--area", "WK036376,WK036377,WK036378,WK036386,WK036388", "--by", "gender",
                                  "--period-a", "2019-01-01..2019-06-30", "--period-b", "2019-07-01..2019-12-31"])
        #expect(text.code == 0 && text.out.contains("Naar verhouding meer dan in periode A: mannen.") && text.out.contains("de samenstelling is veranderd"), "\(text.out)")
    }

    /// Under disclosure control a small period A is protected as a table of its own: its small
    /// counts withheld, the test reduced to its verdict, and nothing derivable (the ledger's attacker).
    @Test func aSmallPeriodIsProtected() throws {
        var request = Repo.exampleRequest()
        request.dimensions = [.gender, .origin]
        let a = Period(from: CivilDate(year: 2019, month: 1, day: 1)!, to: CivilDate(year: 2019, month: 1, day: 4)!)
        let r = try PeriodChangePipeline.run(request, a: a, b: Self.b)
        let (published, ledger) = Publisher.publishedWithLedger(r, control: DisclosureControl(threshold: 10))
        #expect(ledger.derivableSensitiveCells().isEmpty && ledger.sensitiveRemainders().isEmpty)
        let change = try #require(published.periodChange)
        let raw = try #require(r.periodChange)
        for (d, rd) in zip(change.dimensions, raw.dimensions) {
            for (g, x) in zip(d.groups, rd.participantsA) where x > 0 && x < 10 { #expect(g.participantsA.isWithheld, "\(d.dimension) \(g.key): \(x)") }
            if d.groups.contains(where: { $0.participantsA.isWithheld }) { #expect(d.test == nil && d.groups.allSatisfy { $0.ratio == nil && $0.shareA == nil }) }
        }
        let run = try runBereik(["compare", "--project", Repo.path("bereik.toml"), "--by", "gender,origin", "--period-a", "2019-01-01..2019-01-04",
                                 "--period-b", "2019-07-01..2019-12-31", "--disclosure-safe", "--disclosure-threshold", "10"])
        #expect(run.code == 0 && run.out.contains("Verandering van periode A"), "\(run.err)")
    }

    /// A project that names two periods: compare uses them by default, and the report adds the section.
    @Test func aProjectAsksForTwoPeriods() throws {
        let project = try Repo.write("""
        title = "Perioden"
        [inputs]
        attendance = "\(Repo.example)"
        population = "\(Repo.amsterdam2019)"
        [area]
        codes = ["WK036376", "WK036377", "WK036378", "WK036386", "WK036388"]
        [analysis]
        period_a = "2019-01-01..2019-06-30"
        period_b = "2019-07-01..2019-12-31"
        dimensions = ["gender"]
        """, "perioden.toml")
        let report = try runBereik(["report", project, "--format", "markdown", "--no-disclosure-control"])
        #expect(report.code == 0 && report.out.contains("## Verandering van periode A (1 januari 2019 – 30 juni 2019) naar B (1 juli 2019 – 31 december 2019)"), "\(report.err)")
        #expect(report.out.contains("| mannen | 417 | 31,7% | 444 | 32,7% | 1,03 (0,92–1,15) |"))
        // With disclosure control (the report's default) the section is left out, with why: the whole
        // year less period A would show who came only in B (a fresh-eyes test found one person).
        let safe = try runBereik(["report", project, "--format", "markdown"])
        #expect(safe.code == 0 && !safe.out.contains("## Verandering van periode A") && safe.out.contains("De vergelijking van periode A en B staat niet in dit rapport"))
        let compare = try runBereik(["compare", "--project", project, "--lang", "en"])
        #expect(compare.code == 0 && compare.out.contains("Change from period A"), "\(compare.err)")
        let half = try Repo.write("[inputs]\nattendance = \"\(Repo.example)\"\n[analysis]\nperiod_a = \"2019-01-01..2019-06-30\"\n", "half.toml")
        let refused = try runBereik(["compare", "--project", half, "--lang", "en"])
        #expect(refused.code == 1 && refused.err.contains("period_a and period_b go together"), "\(refused.err)")
        let refusedNL = try runBereik(["compare", "--project", half])
        #expect(refusedNL.code == 1 && refusedNL.err.contains("period_a en period_b horen bij elkaar"), "\(refusedNL.err)")
    }

    @Test func refusals() throws {
        let project = ["compare", "--project", Repo.path("bereik.toml")]
        let one = try runBereik(project + ["--period-a", "2019-01-01..2019-06-30"])
        #expect(one.code == 2 && one.err.contains("--period-a en --period-b horen bij elkaar"))
        let bad = try runBereik(project + ["--period-a", "2019-06-30..2019-01-01", "--period-b", "2019-07-01..2019-12-31", "--lang", "en"])
        #expect(bad.code == 2 && bad.err.contains("is not a period"))
        let reversed = try runBereik(project + ["--period-a", "2019-07-01..2019-12-31", "--period-b", "2019-01-01..2019-06-30"])
        #expect(reversed.code == 2 && reversed.err.contains("A is de eerdere periode"), "\(reversed.err)")
        let overlap = try runBereik(project + ["--period-a", "2019-01-01..2019-08-31", "--period-b", "2019-07-01..2019-12-31"])
        #expect(overlap.code == 2 && overlap.err.contains("overlappen"))
        let withFrom = try runBereik(project + ["--period-a", "2019-01-01..2019-06-30", "--period-b", "2019-07-01..2019-12-31", "--from", "2019-02-01"])
        #expect(withFrom.code == 2 && withFrom.err.contains("--from/--to gaan niet samen"))
        let empty = try runBereik(project + ["--period-a", "2018-01-01..2018-12-31", "--period-b", "2019-01-01..2019-12-31"])
        #expect(empty.code == 1 && empty.err.contains("--period-a (1 januari 2018 – 31 december 2018) heeft geen enkel bruikbaar bezoek"), "\(empty.err)")
    }
}
