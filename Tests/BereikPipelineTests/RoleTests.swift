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
            .map { Array($0.split(separator: ";", omittingEmptySubsequences: false).map(String.init).prefix(7)) }  // without the example's own rol column
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
        #expect(sentences.contains { $0.hasPrefix("In de rol kernteam is het aandeel mannen kleiner dan onder wie alleen deelnemer is") }, "\(sentences)")
        #expect(sentences.contains { $0.hasPrefix("In de rol kernteam is het aandeel Nederlands groter") }, "\(sentences)")
        // Volunteers are drawn from everyone: no gender difference between volunteers and participants.
        let text = RoleRenderer.text(published, language: .en)
        #expect(text.contains("Who decides? Composition by role") && text.contains("core team or higher") && text.contains("Share core team"))
    }

    @Test func theLadderCanBeSetAndTheCommandRefusesWithoutAColumn() throws {
        let custom = RoleLadder(levels: ["bezoeker", "kernteam"])
        #expect(custom.level(of: "Kern-team") == 1 && custom.level(of: "vrijwilliger") == nil && custom.level(of: "Bezoeker") == 0)
        let run = try runBereik(["compare", "--by-role", "--attendance", Self.file.path, "--population", Repo.amsterdam2019,
                                 "--area", Repo.exampleArea.joined(separator: ","), "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(doc["schema"] as? String == "bereik.roles/1" && (doc["roles"] as? [[String: Any]])?.count == 3, "\(run.err)")
        let withoutRoles = try Repo.write(try String(contentsOfFile: Repo.example, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).prefix(7).joined(separator: ";") }.joined(separator: "\n"), "geen-rollen.csv")
        let none = try runBereik(["compare", "--by-role", "--project", Repo.path("bereik.toml"), "--attendance", withoutRoles])
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

/// The bundled example's role column (README "Example data": core team women 2×, Dutch background
/// 3×; volunteers women and Dutch background 1.5× each; synonyms and a word on no ladder mixed in).
@Suite struct ExampleRoleTests {
    @Test func theExampleDesignIsRecovered() throws {
        let r = try RolePipeline.run(Repo.exampleRequest())
        let published = Publisher.publish(r, control: nil)
        let sentences = RoleRenderer.sentences(published, language: .nl)
        #expect(sentences.contains { $0.hasPrefix("In de rol kernteam is het aandeel mannen kleiner") }, "\(sentences)")
        #expect(sentences.contains { $0.hasPrefix("In de rol kernteam is het aandeel Nederlands groter") }, "\(sentences)")
        // Nobody under 16 has a role: 0-14 falls along the ladder to 0 (no ratio with a zero share).
        let children = try #require(r.tests.first { $0.dimension == .age && $0.key == "0-14" })
        #expect(children.atLevel.dropFirst().allSatisfy { $0 == 0 } && children.atLevel[0] > 0 && children.topToBottom == nil)
        // The harmonisation is shown: synonyms with their level, and the word on no ladder.
        #expect(r.recognised.contains { $0.text == "co-creator" && $0.level == 2 } && r.recognised.contains { $0.text == "bezoeker" && $0.level == 0 })
        #expect(!r.recognised.contains { $0.text == "Vrijwilliger" || $0.text == "kernteam" }, "a level's own name, in any case, is no synonym")
        #expect(r.unrecognised.map(\.text) == ["gast"])
        // The CSV carries the ladder test beside each level's row.
        let csv = RoleRenderer.csv(published, language: .en).split(whereSeparator: \.isNewline).map(String.init)
        #expect(csv.contains { $0.hasPrefix("\u{FEFF}level,") || $0.hasPrefix("level,") } && csv.contains { $0.contains("ladder_p_adjusted,ladder_method,top_to_bottom") }, "\(csv.prefix(3))")
        #expect(csv.filter { $0.hasPrefix("kernteam,gender,man,") && $0.contains(",cochran-armitage-highest-role,0.54") }.count == 1, "\(csv.filter { $0.hasPrefix("kernteam,gender") })")
        let notes = RoleRenderer.notes(published, language: .en)
        #expect(notes.contains { $0.hasPrefix("Roles read as a level of the ladder: ") && $0.contains("co-creator → core team (") }, "\(notes)")
    }

    /// A core team of eight: the χ² is not trusted (expected counts below five), so the exact
    /// test is used, and its p matches R coin on the same counts.
    @Test func aTinyTopLevelGetsTheExactTest() throws {
        // The made-up file of RoleTests, with only the first eight of its core team kept there.
        var kept = 0
        let lines = try String(contentsOfFile: RoleTests.file.path, encoding: .utf8).split(separator: "\n").map { line -> String in
            var f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if f.last == "kernteam" { kept += 1; if kept > 8 { f[f.count - 1] = "" } }
            return f.joined(separator: ";")
        }
        let path = try Repo.write(lines.joined(separator: "\n"), "kernteam-van-acht.csv")
        let r = try RolePipeline.run(Repo.exampleRequest(path))
        #expect(r.levels[2].persons == 9, "eight plus the Stuurgroep person")
        let men = try #require(r.tests.first { $0.dimension == .gender && $0.key == "man" })
        let exact = try #require(men.exact, "expected counts at the top are below five")
        #expect(men.pValue == exact.pValue)
        // The reference for these counts (checked first, so it is for these numbers) is a brute
        // enumeration with scipy's multivariate hypergeometric (Fixtures/check_exact_trend_scipy.py,
        // which also re-derives the R coin values of ExactTrendTestTests); coin's shift algorithm
        // overflows on 1,500 persons.
        #expect(men.atLevel == [427, 47, 1] && men.totalAtLevel == [1352, 139, 9], "\(men.atLevel) \(men.totalAtLevel)")
        let reference = 0.9322619155327251
        #expect(abs(exact.pValue - reference) <= 1e-9 * reference, "\(exact.pValue) vs \(reference)")
        let json = RoleRenderer.json(Publisher.publish(r, control: nil), version: "test")
        #expect(json.contains("\"method\": \"exact-cochran-armitage-highest-role\""))
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
        #expect(nl.out.contains("In de rol kernteam is het aandeel mannen kleiner"))
        // Disclosure control is on in reports: the core team's small origin groups are withheld.
        #expect(nl.out.contains("| westers | 13,9% | 16,0% | 13,2% | x |"))
        let en = try runBereik(args + ["--lang", "en"])
        #expect(en.out.contains("## Who decides?"))
        let withoutRoles = try Repo.write(try String(contentsOfFile: Repo.example, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).prefix(7).joined(separator: ";") }.joined(separator: "\n"), "zonder-rollen.csv")
        let plain = try runBereik(["report", "--attendance", withoutRoles, "--population", Repo.amsterdam2019, "--area", Repo.exampleArea.joined(separator: ","),
                                   "--format", "markdown"])
        #expect(plain.code == 0 && !plain.out.contains("Wie beslist mee?"), "\(plain.err)")
    }
}
