import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikReport

/// "Never a confident wrong answer": nothing usable is exit 1 with the cause and the fix, in the
/// output language; many lost rows or unknown values are said at the top of every output; "no
/// difference" always comes with what could have been detected.
@Suite struct NeverSilentTests {
    @Test(arguments: [("nl", "geen enkele rij bruikbaar", "Oplossing"), ("en", "no row can be used", "Fix")])
    func zeroUsableRowsIsExitOneWithTheFix(_ lang: String, _ cause: String, _ fix: String) throws {
        let path = try Repo.write("Naam deelnemer;Geslacht;Postcode;Datum\nJan;M;99999;01-02-2024\nPiet;M;99 ZZ;02-02-2024\n", "postcodes-only.csv")
        let r = try runBereik(["compare", "--attendance", path, "--column", "person=Naam deelnemer", "--lang", lang])
        #expect(r.code == 1, "\(r.code): \(r.out)")
        #expect(r.out.isEmpty)
        #expect(r.err.contains(cause) && r.err.contains(fix) && r.err.contains("--postcodes"), "\(r.err)")
    }

    @Test func everyCommandStopsOnZeroUsableRows() throws {
        let path = try Repo.write("id;buurt;geslacht;datum\na;BU99999999;v;1-1-2024\n", "unknown-buurt.csv")
        for command in [["compare"], ["heterogeneity"], ["heterogeneity", "--by", "activity"], ["trend"], ["report"]] {
            let r = try runBereik(command + ["--attendance", path, "--lang", "en"])
            #expect(r.code == 1 && r.err.contains("no row can be used") && r.err.contains("unknown buurt"), "\(command): \(r.code) \(r.err)")
        }
    }

    @Test func aHeaderWithoutRowsSaysSo() throws {
        let path = try Repo.write("id;buurt;geslacht\n", "header-only.csv")
        let r = try runBereik(["compare", "--attendance", path, "--lang", "nl"])
        #expect(r.code == 1 && r.err.contains("geen rijen"), "\(r.err)")
    }

    @Test(arguments: [("nl", "niemand heeft een bekende waarde voor geslacht"), ("en", "nobody has a known value for gender")])
    func aDimensionWithoutKnownValuesIsExitOne(_ lang: String, _ text: String) throws {
        let path = try Repo.write("id;buurt;geslacht\na;BU0363AA01;blauw\nb;BU0363AA01;groen\n", "no-gender.csv")
        let r = try runBereik(["compare", "--attendance", path, "--lang", lang])
        #expect(r.code == 1 && r.err.contains(text) && r.err.contains("'blauw'"), "\(r.err)")
    }

    @Test func manyExcludedRowsAndUnknownValuesAreSaidAtTheTopOfEveryFormat() throws {
        var text = "id;buurt;geslacht\n"
        for i in 0..<40 { text += "p\(i);BU0363AA0\(1 + i % 2);\(i % 3 == 0 ? "?" : i % 2 == 0 ? "m" : "v")\n" }
        for i in 0..<8 { text += "q\(i);BU99999999;m\n" }  // 8 of 48 rows: unknown buurt (> 10%)
        let path = try Repo.write(text, "warnings.csv")
        for (lang, word) in [("nl", "Let op"), ("en", "Warning")] {
            for format in ["table", "markdown", "csv"] {
                let r = try runBereik(["compare", "--attendance", path, "--area", "GM0363", "--format", format, "--lang", lang])
                #expect(r.code == 0, "\(r.err)")
                let top = r.out.split(separator: "\n").prefix(6).joined(separator: "\n")
                #expect(top.contains(word), "\(format) \(lang): \(top)")
                #expect(r.out.components(separatedBy: word).count - 1 == 2, "\(format) \(lang): two warnings once each")
            }
            let json = try runBereik(["compare", "--attendance", path, "--area", "GM0363", "--format", "json", "--lang", lang])
            let doc = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
            let warnings = doc["warnings"] as! [[String: Any]]
            #expect(warnings.map { $0["warning"] as! String } == ["many_rows_excluded", "many_unknown"])
            #expect(warnings.first?["main_reason"] as? String == "unknown_buurt")
        }
        let report = try runBereik(["report", "--attendance", path, "--area", "GM0363", "--format", "markdown", "--lang", "nl"])
        #expect(report.out.components(separatedBy: "Let op").count - 1 == 2, "\(report.out.prefix(600))")
    }

    @Test func noDifferenceComesWithWhatCouldHaveBeenDetected() throws {
        // 12 participants split like the population: nothing flagged.
        var text = "id;buurt;geslacht\n"
        for i in 0..<12 { text += "p\(i);BU0363AA02;\(i % 2 == 0 ? "m" : "v")\n" }
        let path = try Repo.write(text, "balanced.csv")
        for (lang, words) in [("nl", ["Geen groep wijkt", "ratio onder", "80% onderscheidend vermogen"]),
                              ("en", ["No group differs", "ratio below", "80% power"])] {
            let r = try runBereik(["compare", "--attendance", path, "--area", "BU0363AA02", "--lang", lang])
            #expect(r.code == 0, "\(r.err)")
            for w in words { #expect(r.out.contains(w), "\(lang): \(w) in \(r.out)") }
        }
    }
}
