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
        let r = try runBereik(english: ["compare", "--attendance", bad, "--population", Repo.amsterdam2019, "--area", "GM0363"])
        #expect(r.code == 1)
        #expect(r.err.contains("bad.csv:2:2") && r.err.contains("never closed"))
        let nl = try runBereik(["compare", "--attendance", bad, "--population", Repo.amsterdam2019, "--area", "GM0363", "--lang", "nl"])
        #expect(nl.code == 1 && nl.err.contains("bad.csv:2:2 (kolom 'geslacht')") && nl.err.contains("wordt nooit gesloten"), "\(nl.err)")
    }

    @Test func usageErrorExitsWithTwo() throws {
        let r = try runBereik(["compare", "--attendance", Repo.example, "--confidence", "1.5"])
        #expect(r.code == 2)
        #expect(r.err.contains("--confidence"))
        let unknown = try runBereik(["compare", "--attendance", Repo.example, "--by", "height"])
        #expect(unknown.code == 2)
    }

    /// `bereik serve` is the program bereik-serve (its own options, help and exit codes), so that
    /// `bereik` itself does not load FoundationNetworking and its thirty libraries (issue 15).
    @Test func serveRunsItsOwnProgram() throws {
        let help = try runBereik(["serve", "--help"])
        #expect(help.code == 0)
        #expect(help.out.contains("USAGE: bereik serve") && help.out.contains("--allowed-host"), "\(help.out)")
        let usage = try runBereik(["serve", "--max-upload-mb", "0"])
        #expect(usage.code == 2)
        #expect(usage.err.contains("--max-upload-mb"))
        let listed = try runBereik(["--help"])
        #expect(listed.out.contains("serve"))
        // The names of the shared libraries a program needs are in its dynamic string table.
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var dir = testBinary.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("bereik").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        let bereik = try Data(contentsOf: dir.appendingPathComponent("bereik"))
        let serve = try Data(contentsOf: dir.appendingPathComponent("bereik-serve"))
        let networking = Data("libFoundationNetworking.so".utf8)
        #expect(bereik.range(of: networking) == nil)
        #expect(serve.range(of: networking) != nil)
    }

    /// A population, SES or postcode file given to `bereik serve` that cannot be read is said at the
    /// start, with exit 1 and in the output language — not at the first analysis of whoever uses the
    /// page. (A server that starts anyway is stopped after 20 s, and the test fails.)
    @Test func serveRefusesUnreadableInputsAtTheStart() throws {
        for (lang, sentence) in [("en", "the file does not exist"), ("nl", "het bestand bestaat niet")] {
            for option in ["--population", "--ses", "--postcodes"] {
                let r = try runBereik(["serve", option, "/nonexistent/table.csv", "--port", "18731", "--lang", lang], killAfter: 20)
                #expect(r.code == 1, "\(option) \(lang): \(r.err)")
                #expect(r.err.contains("/nonexistent/table.csv") && r.err.contains(sentence), "\(option) \(lang): \(r.err)")
            }
        }
    }

    /// `validate` reads through the same path as the analyses and groups identical problems:
    /// one line per kind with its count, lines and fix, at most 20 examples, in either language.
    @Test(arguments: [("nl", "21 rijen: geen deelnemer ingevuld — regels 152–5964; oplossing:", "voorbeelden: 152,", "probleem/problemen gevonden", "In orde"),
                      ("en", "21 rows: no participant id — lines 152–5964; fix:", "examples: 152,", "problem(s) found", "OK")])
    func validateGroupsProblemsAndExitsOne(_ lang: String, _ grouped: String, _ examples: String, _ found: String, _ ok: String) throws {
        let r = try runBereik(["validate", "--attendance", Repo.example, "--population", Repo.amsterdam2019, "--lang", lang])
        #expect(r.code == 1)
        #expect(r.err.contains(grouped) && r.err.contains(examples) && r.out.contains(found), "\(r.err)\n\(r.out)")
        #expect(r.err.split(separator: "\n").count < 10, "grouped, not one line per row")
        let clean = Repo.temporary("clean.csv")
        try "id;buurt\na;BU03637600\n".write(toFile: clean, atomically: true, encoding: .utf8)
        let good = try runBereik(["validate", "--attendance", clean, "--population", Repo.amsterdam2019, "--lang", lang])
        #expect(good.code == 0 && good.out.contains(ok), "\(good.err)")
    }

    /// The same inputs as compare: project file, period, area by name; at most 20 examples a kind.
    @Test func validateTakesTheProjectAndThePeriod() throws {
        let r = try runBereik(["validate", "--project", Repo.root.appendingPathComponent("bereik.toml").path, "--from", "2019-06-01", "--lang", "en"])
        #expect(r.out.contains("outside the period"), "\(r.out)\n\(r.err)")
        let examples = r.err.split(separator: "\n").filter { $0.contains("examples:") }
        #expect(examples.allSatisfy { $0.split(separator: ",").count <= 21 })
    }

    @Test func jsonToAFile() throws {
        let out = Repo.temporary("out.json")
        let r = try runBereik(["compare", "--attendance", Repo.example, "--population", Repo.amsterdam2019,
                               "--area", "WK036376", "--format", "json", "--output", out])
        #expect(r.code == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("\"schema\": \"bereik.compare/2\""))
    }
}
