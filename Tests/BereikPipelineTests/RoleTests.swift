import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport

/// Issue 18 (first slice): a role column, the ladder, counts per level against a hand count on a
/// file where persons hold several roles, and a known design recovered: volunteers drawn from
/// everyone, the core team mostly from Dutch-background women.
@Suite struct RoleTests {
    static func number(_ id: String) -> Int { Int(id.dropFirst()) ?? 0 }

    /// The example with a "rol" column on each person's first row (their other rows blank):
    /// every 10th person a volunteer; the core team every 7th Dutch-background woman plus every
    /// 97th person; one person "Stuurgroep" (a core-team synonym), one "gast" (not on the ladder).
    static let file: (path: String, roleOf: [String: Int], gender: [String: String]) = {
        let lines = try! String(contentsOfFile: Repo.example, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        var seen = Set<String>(), roleOf: [String: Int] = [:], gender: [String: String] = [:]
        var rows = [lines[0] + ["rol"]]
        for row in lines.dropFirst() where !row[0].isEmpty && !row[3].hasPrefix("BU9999") {
            let id = row[0], n = number(id)
            gender[id] = ["M": "man", "V": "vrouw"][row[4]] ?? row[4]
            var role = ""
            if !seen.contains(id) {
                seen.insert(id)
                if n == 5 { role = "Stuurgroep" } else if n == 6 { role = "gast" }
                else if (n % 7 == 0 && gender[id] == "vrouw" && row[6] == "Nederland") || n % 97 == 0 { role = "kernteam" }
                else if n % 10 == 0 { role = "Vrijwilliger" }
            }
            let level = ["Stuurgroep": 2, "kernteam": 2, "Vrijwilliger": 1][role] ?? 0
            roleOf[id] = max(roleOf[id] ?? 0, level)
            rows.append(row + [role])
        }
        return (try! Repo.write(rows.map { $0.joined(separator: ";") }.joined(separator: "\n"), "rollen.csv"), roleOf, gender)
    }()

    @Test func countsPerLevelEqualAHandCount() throws {
        let r = try RolePipeline.run(Repo.exampleRequest(Self.file.path))
        #expect(r.ladder.levels == ["deelnemer", "vrijwilliger", "kernteam"])
        for level in 0..<3 {
            let ids = Self.file.roleOf.filter { $0.value >= level }.map(\.key)
            #expect(r.levels[level].persons == ids.count, "level \(level)")
            let g = try #require(r.levels[level].dimensions.first { $0.counts.dimension == .gender })
            #expect(g.counts.participants == [ids.filter { Self.file.gender[$0] == "man" }.count, ids.filter { Self.file.gender[$0] == "vrouw" }.count])
        }
        #expect(r.unrecognised.map(\.text) == ["gast"] && r.unrecognised[0].persons == 1)
    }

    @Test func theDesignIsRecovered() throws {
        let published = Publisher.publish(try RolePipeline.run(Repo.exampleRequest(Self.file.path)), control: nil)
        let sentences = RoleRenderer.sentences(published, language: .nl)
        #expect(sentences.contains { $0.hasPrefix("In de rol kernteam zitten naar verhouding minder mannen dan onder wie alleen deelnemer is") }, "\(sentences)")
        #expect(sentences.contains { $0.hasPrefix("In de rol kernteam zitten naar verhouding meer Nederlands") }, "\(sentences)")
        // Volunteers are drawn from everyone: no gender difference between volunteers and participants.
        let text = RoleRenderer.text(published, language: .en)
        #expect(text.contains("Who decides? Composition by role") && text.contains("kernteam or higher"))
    }

    @Test func theLadderCanBeSetAndTheCommandRefusesWithoutAColumn() throws {
        let custom = RoleLadder(levels: ["bezoeker", "kernteam"])
        #expect(custom.level(of: "Kern-team") == 1 && custom.level(of: "vrijwilliger") == nil && custom.level(of: "Bezoeker") == 0)
        let run = try runBereik(["compare", "--by-role", "--attendance", Self.file.path, "--population", Repo.amsterdam2019,
                                 "--area", Repo.exampleArea.joined(separator: ","), "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(doc["schema"] as? String == "bereik.roles/1" && (doc["roles"] as? [[String: Any]])?.count == 3, "\(run.err)")
        let none = try runBereik(["compare", "--by-role", "--project", Repo.path("bereik.toml")])
        #expect(none.code == 1 && none.err.contains("er is geen kolom met rollen"), "\(none.err)")
        let bad = try runBereik(["compare", "--by-role", "--role-ladder", "kernteam", "--project", Repo.path("bereik.toml")])
        #expect(bad.code == 2)
    }

    /// Under disclosure control the top level's small counts are withheld and cannot be recovered
    /// from the levels below (the attacker on the ledger).
    @Test func smallCountsAtTheTopStayWithheld() throws {
        let r = try RolePipeline.run(Repo.exampleRequest(Self.file.path))
        let ledger = Publisher.ledgerOfRoles(r, control: DisclosureControl(threshold: 5))
        #expect(ledger.derivableSensitiveCells().isEmpty && ledger.sensitiveRemainders().isEmpty)
        let published = Publisher.publish(r, control: DisclosureControl(threshold: 5))
        let top = try #require(published.levels.last?.dimensions.first { $0.dimension == .origin })
        #expect(top.groups.contains { $0.participants.isWithheld }, "the core team has few western members")
    }
}

/// The ladder test against R: `prop.trend.test` on the made-up file's counts of men per highest level.
@Suite struct RoleLadderReferenceTests {
    @Test func theLadderTestMatchesRPropTrendTest() throws {
        let r = try RolePipeline.run(Repo.exampleRequest(RoleTests.file.path))
        let men = try #require(r.tests.first { $0.dimension == .gender && $0.key == "man" })
        // R 4.2.2: prop.trend.test(c(423, 47, 5), c(1280, 139, 81)) → X-squared = 16.8526202, p-value = 4.039751958e-05
        // (the counts are checked here first, so the reference is for these numbers).
        #expect(men.atLevel == [423, 47, 5] && men.totalAtLevel == [1280, 139, 81], "\(men.atLevel) \(men.totalAtLevel)")
        let trend = try #require(men.trend)
        #expect(abs(trend.chiSquared - 16.8526202) < 1e-6 && abs(trend.pValue - 4.039751958e-05) / 4.039751958e-05 < 1e-6, "\(trend.chiSquared) \(trend.pValue)")
    }
}

/// The report's "Wie beslist mee?" section, when the attendance has a role column.
@Suite struct RoleReportTests {
    @Test func theReportShowsWhoDecides() throws {
        let args = ["report", "--attendance", RoleTests.file.path, "--population", Repo.amsterdam2019, "--area", Repo.exampleArea.joined(separator: ","),
                    "--format", "markdown"]
        let nl = try runBereik(args)
        #expect(nl.code == 0 && nl.out.contains("## Wie beslist mee?") && nl.out.contains("kernteam of hoger"), "\(nl.err)")
        #expect(nl.out.contains("In de rol kernteam zitten naar verhouding minder mannen"))
        // Disclosure control is on in reports: the core team's small origin groups are withheld.
        #expect(nl.out.contains("| westers | 13,9% | 16,0% | 13,2% | x |"))
        let en = try runBereik(args + ["--lang", "en"])
        #expect(en.out.contains("## Who decides?"))
        let plain = try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown"])
        #expect(!plain.out.contains("Wie beslist mee?"))
    }
}
