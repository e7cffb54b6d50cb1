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
}
