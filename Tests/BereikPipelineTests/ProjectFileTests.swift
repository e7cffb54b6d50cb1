import Foundation
import Testing
import BereikData
@testable import BereikPipeline

@Suite struct ProjectFileTests {
    static func write(_ text: String, _ name: String = "bereik.toml") throws -> String { try Repo.write(text, name) }

    static let date = CivilDate(year: 2024, month: 12, day: 31)!

    @Test func templateParsesAndResolvesPathsRelativeToTheFile() throws {
        let path = try Self.write(ProjectFile.template, "template.toml")
        let p = try ProjectFile.read(path: path, referenceDate: Self.date)
        #expect(p.request.attendance == URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("deelnemers.csv").path)
        #expect(p.request.area == ["GM0363"] && p.request.settings.fit.seed == 20_261_123 && p.disclosureThreshold == 5)
        #expect(p.language == "nl" && p.repetitions == 100_000 && p.request.population == nil)
    }

    /// The same analysis from a project file and from the equivalent request gives the same numbers.
    @Test func projectReproducesTheAnalysis() throws {
        let text = """
        [inputs]
        attendance = "\(Repo.example)"
        population = "\(Repo.amsterdam2019)"
        [area]
        codes = [
          "WK036376", "WK036377",  # two wijken
        ]
        [analysis]
        seed = 11
        dimensions = ["gender", "origin"]
        [columns]
        person = "deelnemer"
        """
        let p = try ProjectFile.read(path: try Self.write(text, "repro.toml"), referenceDate: Self.date)
        var direct = AnalysisRequest(attendance: Repo.example, referenceDate: Self.date)
        direct.population = Repo.amsterdam2019
        direct.area = ["WK036376", "WK036377"]
        direct.dimensions = [.gender, .origin]
        direct.settings.fit.seed = 11
        let a = try ComparePipeline.run(p.request), b = try ComparePipeline.run(direct)
        #expect(a.dimensions.map { $0.comparison } == b.dimensions.map { $0.comparison })
        #expect(a.dimensions.map(\.counts.dimension) == [.gender, .origin])
    }

    @Test func badProjectFilesNameTheKeyAndLine() throws {
        func error(_ text: String) -> DataError? {
            do { _ = try ProjectFile.read(path: try Self.write(text, "bad.toml"), referenceDate: Self.date) } catch let e as DataError { return e } catch {}
            return nil
        }
        let unknown = error("[inputs]\nattendance = \"a.csv\"\n[analysis]\nconfidance = 0.9\n")
        #expect(unknown?.location.line == 4 && unknown?.message.contains("unknown key 'analysis.confidance'") == true)
        let type = error("[inputs]\nattendance = \"a.csv\"\n[area]\ncodes = \"GM0363\"\n")
        #expect(type?.location.line == 4 && type?.message.contains("key 'area.codes'") == true)
        let range = error("[inputs]\nattendance = \"a.csv\"\n[analysis]\nconfidence = 1.5\n")
        #expect(range?.location.line == 4 && range?.message.contains("analysis.confidence") == true)
        let unquoted = error("[inputs]\nattendance = a.csv\n")
        #expect(unquoted?.location.line == 2 && unquoted?.message.contains("strings need quotes") == true)
        let unclosed = error("[area]\ncodes = [\"GM0363\",\n")
        #expect(unclosed?.location.line == 2 && unclosed?.message.contains("never closed") == true)
        #expect(error("title = \"x\"\n")?.message.contains("inputs.attendance") == true)
        let twice = error("[inputs]\nattendance = \"a\"\nattendance = \"b\"\n")
        #expect(twice?.location.line == 3 && twice?.message.contains("defined twice") == true)
    }

    /// Every error a project file can give exists in Dutch too (`--lang nl`, `language = "nl"`):
    /// 32 broken files, one per sentence of `ProjectMessages`, each with a Dutch sentence that holds
    /// no English word once keys, values and quoted text are taken out.
    @Test func everyProjectFileErrorHasADutchSentence() throws {
        let head = "[inputs]\nattendance = \"a.csv\"\n"
        let broken: [String: String] = [
            "unknown key": head + "[analysis]\nconfidance = 0.9\n",
            "array expected": head + "[area]\ncodes = \"GM0363\"\n",
            "array of strings": head + "[area]\ncodes = [1, 2]\n",
            "confidence range": head + "[analysis]\nconfidence = 1.5\n",
            "number": head + "[analysis]\nconfidence = \"high\"\n",
            "whole number": head + "[analysis]\nseed = 1.5\n",
            "unquoted value": "[inputs]\nattendance = a.csv\n",
            "array never closed": "[area]\ncodes = [\"GM0363\",\n",
            "attendance required": "title = \"x\"\n",
            "defined twice": "[inputs]\nattendance = \"a\"\nattendance = \"b\"\n",
            "empty list": "[inputs]\nattendance = []\n",
            "dimension": head + "[analysis]\ndimensions = [\"income\"]\n",
            "crossing": head + "[analysis]\ncrossings = [\"gender:age\"]\n",
            "adjustment": head + "[analysis]\nadjustment = \"bonferroni\"\n",
            "interval": head + "[analysis]\ninterval = \"exact\"\n",
            "funnel": head + "[analysis]\nfunnel = \"poisson\"\n",
            "seed": head + "[analysis]\nseed = -1\n",
            "draws": head + "[analysis]\ndraws = 20000000\n",
            "ses groups": head + "[analysis]\nses_groups = 1\n",
            "language": "language = \"de\"\n" + head,
            "repetitions": head + "[analysis]\nrepetitions = 5\n",
            "threshold": head + "[disclosure]\nthreshold = 1\n",
            "periods together": head + "[analysis]\nperiod_a = \"2023-01-01..2023-12-31\"\n",
            "not a period": head + "[analysis]\nperiod_a = \"2023\"\nperiod_b = \"2024-01-01..2024-12-31\"\n",
            "date": head + "[area]\nfrom = \"soon\"\n",
            "ladder": head + "[roles]\nladder = [\"deelnemer\"]\n",
            "role": head + "[columns]\nshoe_size = \"Maat\"\n",
            "path leaves folder": "[inputs]\nattendance = \"../../elsewhere.csv\"\n",
            "quoted string": "title = 3\n" + head,
            "key = value": head + "just words\n",
            "table header": "[inputs\nattendance = \"a.csv\"\n",
            "escape": "[inputs]\nattendance = \"a\\qb.csv\"\n",
        ]
        let english = OneLanguageTests.englishWords.union(["expected", "must", "key", "string", "array", "value", "file", "give",
                                                            "or", "lie", "period", "periods", "choose", "missing", "closed", "defined"])
        for (name, text) in broken.sorted(by: { $0.key < $1.key }) {
            var caught: DataError?
            do { _ = try ProjectFile.read(path: try Self.write(text, "broken.toml"), referenceDate: Self.date) } catch let e as DataError { caught = e }
            guard let e = caught else { Issue.record("\(name): no error"); continue }
            guard let dutch = e.dutch else { Issue.record("\(name): no Dutch sentence for '\(e.message)'"); continue }
            // Keys (a.b, period_a), quoted values and the file's own text are no words of the sentence.
            let words = dutch.replacingOccurrences(of: #"'[^']*'|"[^"]*"|\[[^\]]*\]|[A-Za-z<>]+([._][A-Za-z_<>]+)+"#, with: " ", options: .regularExpression)
            let found = OneLanguageTests.words(words).intersection(english)
            #expect(found.isEmpty, "\(name): English in '\(dutch)': \(found.sorted())")
            #expect(e.text(dutch: true).contains(dutch) && e.text(dutch: false).contains(e.message))
        }
    }
}
