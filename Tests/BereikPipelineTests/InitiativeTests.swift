import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport

/// Issue 14, part 3: several attendance files read as one (`--attendance "Naam=file"` repeated),
/// and `compare --by-initiative` side by side.
@Suite struct SeveralFilesTests {
    /// The example split in two by activity — "Taalcafé" and "Samen koken" in one file, the rest in
    /// another with its columns in another order and in Windows-1252 — so that 157 persons are in both.
    static let split: (taal: String, rest: String, ids: (taal: Set<String>, rest: Set<String>), gender: [String: String]) = {
        let lines = try! String(contentsOfFile: Repo.example, encoding: .utf8).split(separator: "\n").map(String.init)
        let isTaal = { (line: String) in line.contains(";Taalcafé;") || line.contains(";Samen koken;") }
        let taal = lines.dropFirst().filter(isTaal), rest = lines.dropFirst().filter { !isTaal($0) }
        let order = [6, 0, 1, 2, 3, 4, 5, 7]
        func reorder(_ line: String) -> String {
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            return order.map { f[$0] }.joined(separator: ";")
        }
        let restText = ([reorder(lines[0])] + rest.map(reorder)).joined(separator: "\n") + "\n"
        let restPath = Repo.temporary("rest.csv")
        FileManager.default.createFile(atPath: restPath, contents: restText.data(using: .windowsCP1252)!)
        var gender: [String: String] = [:]
        func ids(_ rows: [String]) -> Set<String> {
            Set(rows.compactMap { line -> String? in
                let f = line.split(separator: ";", omittingEmptySubsequences: false)
                guard !f[0].isEmpty, !f[3].hasPrefix("BU9999") else { return nil }
                gender[String(f[0])] = ["M": "man", "man": "man", "V": "vrouw", "vrouw": "vrouw"][String(f[4])]
                return String(f[0])
            })
        }
        let taalIDs = ids(taal), restIDs = ids(rest)
        return (try! Repo.write(([lines[0]] + taal).joined(separator: "\n"), "taal.csv"), restPath, (taalIDs, restIDs), gender)
    }()

    static func request() -> AnalysisRequest {
        var r = Repo.exampleRequest()
        r.attendanceFiles = [AttendanceFile(path: split.taal, initiative: "Taal en koken"), AttendanceFile(path: split.rest, initiative: "Rest")]
        return r
    }

    @Test func twoFilesReadAsOneGiveTheSameCompare() throws {
        let one = try ComparePipeline.run(Repo.exampleRequest())
        let two = try ComparePipeline.run(Self.request())
        #expect(two.reconciliation.rows == one.reconciliation.rows && two.reconciliation.persons == one.reconciliation.persons)
        #expect(two.reconciliation.excluded == one.reconciliation.excluded)
        for (a, b) in zip(one.dimensions, two.dimensions) {
            #expect(a.counts.participants == b.counts.participants, "\(a.counts.dimension)")
        }
        // Both files' origins (the second in Windows-1252, "Oekraïne" and "België" included) are read alike.
        #expect(two.reconciliation.unrecognised == one.reconciliation.unrecognised)
    }

    @Test func initiativesSideBySideEqualAHandCount() throws {
        let r = try InitiativePipeline.run(Self.request())
        let (taal, rest) = Self.split.ids
        #expect(r.names == ["Taal en koken", "Rest"])
        #expect(r.persons == [taal.count, rest.count])
        #expect(r.personsByCount == [taal.symmetricDifference(rest).count, taal.intersection(rest).count])
        let gender = try #require(r.dimensions.first { $0.all.counts.dimension == .gender })
        for (i, ids) in [taal, rest].enumerated() {
            #expect(gender.perInitiative[i].counts.participants == ["man", "vrouw"].map { g in ids.filter { Self.split.gender[$0] == g }.count })
        }
        // Together is `compare`: a person in both counts once.
        let compare = try ComparePipeline.run(Repo.exampleRequest())
        #expect(gender.all.counts.participants == compare.dimensions.first { $0.counts.dimension == .gender }!.counts.participants)
        let text = InitiativeRenderer.text(Publisher.publish(r, control: nil), language: .nl)
        #expect(text.contains("Taal en koken: \(Language.nl.integer(taal.count)) personen"), "\(text)")
        #expect(text.contains("Alle initiatieven missen: mannen"), "\(text)")
    }

    @Test func theCommandLineAndTheProjectFileTakeSeveralFiles() throws {
        let args = ["compare", "--by-initiative", "--attendance", "Taal en koken=\(Self.split.taal)", "--attendance", "Rest=\(Self.split.rest)",
                    "--population", Repo.amsterdam2019, "--area", Repo.exampleArea.joined(separator: ","), "--format", "json"]
        let run = try runBereik(args)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any], "\(run.err)")
        #expect(doc["schema"] as? String == "bereik.initiatives/1")
        let initiatives = try #require(doc["initiatives"] as? [[String: Any]])
        #expect(initiatives.map { $0["initiative"] as? String } == ["Taal en koken", "Rest"])
        #expect(initiatives.map { $0["persons"] as? Int } == [Self.split.ids.taal.count, Self.split.ids.rest.count])
        // The project file: attendance as a list of "Naam=file".
        let dir = URL(fileURLWithPath: Self.split.taal).deletingLastPathComponent()
        let project = dir.appendingPathComponent("\(UUID().uuidString.prefix(8))-initiatieven.toml").path
        try """
        [inputs]
        attendance = ["Taal en koken=\(URL(fileURLWithPath: Self.split.taal).lastPathComponent)", "Rest=\(URL(fileURLWithPath: Self.split.rest).lastPathComponent)"]
        population = "\(Repo.amsterdam2019)"
        [area]
        codes = ["WK036376", "WK036377", "WK036378", "WK036386", "WK036388"]
        """.write(toFile: project, atomically: false, encoding: .utf8)
        let viaProject = try runBereik(["compare", "--by-initiative", "--project", project, "--format", "json"])
        #expect(viaProject.code == 0, "\(viaProject.err)")
        #expect(viaProject.out.replacingOccurrences(of: project, with: "") .contains("\"initiative\": \"Rest\""))
        // The heterogeneity test between the initiatives runs on the same files.
        let het = try runBereik(["heterogeneity", "--by", "initiative", "--project", project])
        #expect(het.code == 0 && het.out.contains("Samenstelling per initiatief"), "\(het.err)")
    }

    /// The report puts the initiatives side by side when the attendance holds two or more (disclosure control on).
    @Test func theReportShowsTheInitiativesSideBySide() throws {
        let run = try runBereik(["report", "--attendance", "Taal en koken=\(Self.split.taal)", "--attendance", "Rest=\(Self.split.rest)",
                                 "--population", Repo.amsterdam2019, "--area", Repo.exampleArea.joined(separator: ","), "--format", "markdown", "--lang", "en"])
        #expect(run.code == 0 && run.out.contains("## Initiatives side by side"), "\(run.err)")
        #expect(run.out.contains("- Taal en koken: \(Language.en.integer(Self.split.ids.taal.count)) persons"))
        #expect(run.out.contains("Every initiative misses: men"))
        // Both files are fingerprinted.
        #expect(run.out.contains("taal.csv") && run.out.contains("rest.csv"))
    }

    /// `validate` with several files names each problem's own file and lines.
    @Test func validateNamesTheFileOfEachProblem() throws {
        let good = try Repo.write("deelnemer;buurtcode;geslacht\nA1;BU03637600;V\nA2;BU03637600;M\n", "goed.csv")
        let flawed = try Repo.write("deelnemer;buurtcode;geslacht\nB1;BU03637600;V\n;BU03637600;M\nB3;BU03637600;M\n", "fout.csv")
        let run = try runBereik(["validate", "--attendance", "Goed=\(good)", "--attendance", "Fout=\(flawed)", "--population", Repo.amsterdam2019, "--area", "WK036376"])
        let line = try #require((run.out + run.err).split(separator: "\n").first { $0.contains("geen deelnemer ingevuld") }, "\(run.out) \(run.err)")
        #expect(line.contains("fout.csv") && !line.contains("goed.csv") && line.contains("regel 3"), "\(line)")
    }

    @Test func unclearFilesAreRefused() throws {
        // A second file without a name, and a named file that has its own initiative column.
        let unnamed = try runBereik(["compare", "--attendance", "Taal=\(Self.split.taal)", "--attendance", Self.split.rest,
                                     "--population", Repo.amsterdam2019, "--area", "WK036376"])
        #expect(unnamed.code == 1 && unnamed.err.contains("heeft elk de naam van zijn initiatief nodig") && unnamed.err.contains("rest.csv"), "\(unnamed.err)")
        let withColumn = try Repo.write("deelnemer;buurtcode;initiatief\nA1;BU03637600;Wandelen\n", "met-kolom.csv")
        let twice = try runBereik(["compare", "--attendance", "Taal=\(withColumn)", "--population", Repo.amsterdam2019, "--area", "WK036376"])
        #expect(twice.code == 1 && twice.err.contains("heeft ook een kolom met initiatieven 'initiatief'"), "\(twice.err)")
        // One initiative only: nothing to put side by side.
        let single = try runBereik(["compare", "--by-initiative", "--attendance", "Taal=\(Self.split.taal)", "--population", Repo.amsterdam2019,
                                    "--area", Repo.exampleArea.joined(separator: ",")])
        #expect(single.code == 1, "\(single.err)")
        // "Naam=pad" parsing: a path that exists is a path, even with "=" in it.
        #expect(AttendanceFile(argument: "Wandelgroep Noord=noord.csv", exists: { _ in false }) == AttendanceFile(path: "noord.csv", initiative: "Wandelgroep Noord"))
        #expect(AttendanceFile(argument: "a=b.csv", exists: { $0 == "a=b.csv" }) == AttendanceFile(path: "a=b.csv"))
        #expect(AttendanceFile(argument: "=b.csv", exists: { _ in false }) == AttendanceFile(path: "=b.csv"))
    }

    /// A small initiative beside a large one, under disclosure control: no count 1–4 can be
    /// derived from what is published (the ledger's attacker: sums and Gaussian elimination),
    /// also not by adding the initiatives' counts of a group and subtracting the whole.
    @Test func aSmallInitiativeStaysProtected() throws {
        let lines = try String(contentsOfFile: Self.split.taal, encoding: .utf8).split(separator: "\n").map(String.init)
        // Eight persons of the first file form a small initiative; three of them also in the large one.
        let ids = Array(Set(lines.dropFirst().map { String($0.split(separator: ";", omittingEmptySubsequences: false)[0]) }.filter { !$0.isEmpty }).sorted().prefix(8))
        let small = [lines[0]] + lines.dropFirst().filter { ids.contains(String($0.split(separator: ";")[0])) }
        let large = [lines[0]] + lines.dropFirst().filter { !ids.dropFirst(3).contains(String($0.split(separator: ";")[0])) }
        var r = Repo.exampleRequest()
        r.attendanceFiles = [AttendanceFile(path: try Repo.write(small.joined(separator: "\n"), "klein.csv"), initiative: "Klein"),
                             AttendanceFile(path: try Repo.write(large.joined(separator: "\n"), "groot.csv"), initiative: "Groot")]
        let result = try InitiativePipeline.run(r)
        #expect(result.persons[0] == 8 && result.personsByCount == [result.persons[1] - 3 + 5, 3])
        let ledger = Publisher.ledgerOfInitiatives(result, control: DisclosureControl(threshold: 5))
        #expect(ledger.derivableSensitiveCells().isEmpty && ledger.sensitiveRemainders().isEmpty)
        let published = Publisher.publish(result, control: DisclosureControl(threshold: 5))
        #expect(published.personsByCount[1].isWithheld, "3 persons in both")
        #expect(published.dimensions.contains { $0.perInitiative[0].groups.contains { $0.participants.isWithheld } })
    }
}
