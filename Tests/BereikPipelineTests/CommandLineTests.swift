import Foundation
import Testing

/// The executable's contract: exit 0 on success, 1 on a data problem, 2 on a usage error, errors in
/// one sentence on stderr naming file, line and column.
@Suite(.serialized) struct CommandLineTests {
    @Test func compareOnTheExampleSucceeds() throws {
        let r = try runBereik(["compare", "--attendance", Repo.example, "--population", Repo.amsterdam2019,
                               "--area", Repo.exampleArea.joined(separator: ","), "--by", "gender", "--lang", "en"])
        #expect(r.code == 0)
        #expect(r.out.contains("Reached less than their share of the population: men"))
        #expect(r.err.isEmpty)
    }

    @Test func dataProblemExitsWithOneAndNamesTheLocation() throws {
        let bad = Repo.temporary("bad.csv")
        try "deelnemer;geslacht\n1;\"v\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try runBereik(["compare", "--attendance", bad, "--population", Repo.amsterdam2019, "--area", "GM0363"])
        #expect(r.code == 1)
        #expect(r.err.contains("bad.csv:2:2") && r.err.contains("never closed"))
    }

    @Test func usageErrorExitsWithTwo() throws {
        let r = try runBereik(["compare", "--attendance", Repo.example, "--confidence", "1.5"])
        #expect(r.code == 2)
        #expect(r.err.contains("--confidence"))
        let unknown = try runBereik(["compare", "--attendance", Repo.example, "--by", "height"])
        #expect(unknown.code == 2)
    }

    @Test func validateReportsProblemsAndExitsOne() throws {
        let r = try runBereik(["validate", "--attendance", Repo.example, "--population", Repo.amsterdam2019])
        #expect(r.code == 1)
        #expect(r.err.contains("no_person_id") && r.out.contains("problem(s) found"))
        // Every excluded row is listed with file:line:column (line 152 of the example has no person id).
        #expect(r.err.contains("deelnemers_nieuw_west_2019.csv:152:1 (column 'deelnemer'): row cannot be used: no_person_id"))
        let clean = Repo.temporary("clean.csv")
        try "id;buurt\na;BU03630000\n".write(toFile: clean, atomically: true, encoding: .utf8)
        let ok = try runBereik(["validate", "--attendance", clean, "--population", Repo.amsterdam2019])
        #expect(ok.code == 0 && ok.out.contains("OK"))
    }

    @Test func jsonToAFile() throws {
        let out = Repo.temporary("out.json")
        let r = try runBereik(["compare", "--attendance", Repo.example, "--population", Repo.amsterdam2019,
                               "--area", "WK036376", "--format", "json", "--output", out])
        #expect(r.code == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("\"schema\": \"bereik.compare/1\""))
    }
}
