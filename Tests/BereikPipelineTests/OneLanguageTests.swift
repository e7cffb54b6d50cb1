import Foundation
import Testing

/// Issue 13 (part): every output in Dutch has no English words, and every output in English no
/// Dutch ones — tables, sentences, validate and the report. File names, CBS table names, region
/// names, citations and the domain word "buurt(en)" (used in English too) are allowed.
@Suite struct OneLanguageTests {
    static let commands: [[String]] = [["compare"], ["heterogeneity", "--by", "wijk"], ["heterogeneity", "--by", "activity"],
                                       ["gradient"], ["trend", "--period", "quarter"], ["validate"],
                                       ["model", "--by", "origin", "--adjust", "ses"], ["model", "--by", "age", "--adjust", "ses", "--ses-as", "score"],
                                       ["compare", "--by", "gender:ses,origin:wijk"],
                                       ["compare", "--by", "gender,origin", "--period-a", "2019-01-01..2019-06-30", "--period-b", "2019-07-01..2019-12-31"]]

    static func outputs(_ lang: String) throws -> String {
        var all = ""
        for c in commands {
            let r = try runBereik(c + ["--project", Repo.path("bereik.toml"), "--lang", lang])
            all += r.out + r.err
        }
        all += try runBereik(["compare", "--by-role", "--attendance", RoleTests.file.path, "--population", Repo.amsterdam2019,
                              "--area", Repo.exampleArea.joined(separator: ","), "--lang", lang]).out
        all += try runBereik(["report", Repo.path("bereik.toml"), "--format", "markdown", "--lang", lang, "--intersections", "gender:ses"]).out
        // What may stand in either language: paths, citations, CBS's own names.
        return all.split(separator: "\n").filter { !$0.contains("Kakwani") && !$0.contains("Kerncijfers Wijken en Buurten") }
            .map { $0.replacingOccurrences(of: #"[^ ]*\.csv"#, with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    @Test func dutchOutputsHaveNoEnglishWords() throws {
        let found = Self.words(try Self.outputs("nl")).intersection(Self.englishWords)
        #expect(found.isEmpty, "English in the Dutch outputs: \(found.sorted())")
    }

    static let englishWords: Set<String> = ["the", "and", "participants", "residents", "bundled", "normalised", "attendance", "population",
                                    "reach", "warning", "persons", "funnel", "ratio", "flag", "with", "not", "used", "between", "test",
                                    "rows", "group", "groups", "area", "needed", "under", "unknown"]  // not "of", "over": Dutch words too

    @Test func englishOutputsHaveNoDutchWords() throws {
        let found = Self.words(try Self.outputs("en")).intersection(Self.dutchWords)
        #expect(found.isEmpty, "Dutch in the English outputs: \(found.sorted())")
    }

    static let dutchWords: Set<String> = ["deelnemers", "inwoners", "bereik", "gebied", "niet", "vlag", "verhouding", "en", "van", "het", "de",
                                  "jaar", "onbekend", "rijen", "gebruikt", "personen", "groep", "nodig", "onder", "boven", "toets"]
}
