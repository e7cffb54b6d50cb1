import Foundation
import Testing
@testable import BereikData
@testable import BereikPipeline
@testable import BereikReport

/// Regression tests for the reliability issue: no trap on extreme values, bounded options, no
/// input overwritten, no control characters in the terminal, no misread dates or hidden NUL bytes.
@Suite struct ReliabilityTests {
    @Test(arguments: ["1e20", "99999999999999999999", "1000000000000000000", "1e18"])
    func aCountLargerThanAnyRegionIsADataErrorNotATrap(_ value: String) throws {
        let path = try Repo.write("area;dimension;category;count\nBU03637600;gender;man;\(value)\nBU03637600;gender;vrouw;5\n", "big.csv")
        do {
            _ = try PopulationReader.read(path: path)
            Issue.record("\(value) was accepted")
        } catch let error as DataError {
            #expect(error.location.line == 2 && error.message.contains("larger than any CBS region"), "\(error)")
        }
    }

    @Test func optionBoundsAreUsageErrors() throws {
        let base = ["--attendance", Repo.example, "--population", Repo.amsterdam2019, "--area", "WK036376"]
        for extra in [["--draws", "100000000"], ["--disclosure-threshold", "0"], ["--disclosure-threshold", "1"]] {
            let r = try runBereik(["compare"] + base + extra)
            #expect(r.code == 64 || r.code == 2, "\(extra): \(r.code) \(r.err)")
        }
        let g = try runBereik(["gradient"] + base + ["--ses", Repo.ses2019, "--repetitions", "100000000"])
        #expect(g.code == 64 || g.code == 2, "\(g.err)")
    }

    @Test func theOutputNeverOverwritesAnInput() throws {
        let input = try Repo.write(try String(contentsOfFile: Repo.example, encoding: .utf8), "input.csv")
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let link = Repo.temporary("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        for target in [input, link] {
            let r = try runBereik(english: ["compare", "--attendance", input, "--population", Repo.amsterdam2019, "--area", "WK036376",
                                   "--output", target])
            #expect(r.code == 1 && r.err.contains("overwrite the input"), "\(r.err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func anExistingOutputKeepsItsPermissions() throws {
        let out = try Repo.write("old", "private.csv")
        chmod(out, 0o600)
        try OutputFile.write("new", to: out)
        var s = stat()
        stat(out, &s)
        #expect(s.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "new")
    }

    @Test func labelsCannotDriveTheTerminalOrBreakARow() {
        let text = TextTable.text(["Activiteit", "n"], [["Koken\u{1B}[31mROOD\r\nnieuwe regel", "12"], [String(repeating: "x", count: 100_000), "3"]])
        #expect(!text.contains("\u{1B}") && !text.contains("\r"))
        #expect(text.split(separator: "\n").count == 4)  // header, rule, two rows
        #expect(text.split(separator: "\n").allSatisfy { $0.count < 100 })
    }

    @Test func yearOneIsNotReadAs2001() {
        #expect(CivilDate(parsing: "01-01-0001") == nil && CivilDate(parsing: "0001-01-01") == nil)
        #expect(CivilDate(parsing: "05-03-24") == CivilDate(year: 2024, month: 3, day: 5))
        #expect(CivilDate(parsing: "2024-03-05") == CivilDate(year: 2024, month: 3, day: 5))
    }

    /// Early (in the first buffer, checked on opening) or late (found while reading): an error with its line.
    @Test(arguments: [3_000, 200_000])
    func aNulByteIsAnErrorWithItsLine(rows: Int) throws {
        var text = "deelnemer;buurt\n"
        text.reserveCapacity(rows * 20)
        for i in 0..<rows { text += "p\(i);BU03637600\n" }
        text += "p\u{0}x;BU03637600\n"
        let path = try Repo.write(text, "nul.csv")
        do {
            let reader = try CSVReader(path: path)
            while try reader.next() {}
            Issue.record("the NUL byte was accepted")
        } catch let error as DataError {
            #expect(error.location.line == rows + 2 && (error.message.contains("NUL") || error.message.contains("binary")), "\(error)")
        }
    }

    @Test func aProjectFileThatIsNotUTF8NamesItsLine() throws {
        let path = Repo.temporary("latin1.toml")
        try Data("title = \"ok\"\n# caf\u{E9}\n".utf8.map { $0 } .prefix(14) + [0x23, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ProjectFile.read(path: path, referenceDate: CivilDate(year: 2024, month: 1, day: 1)!)
            Issue.record("accepted")
        } catch let error as DataError {
            #expect(error.location.line == 2 && error.message.contains("UTF-8"), "\(error)")
        }
    }

    @Test func aRelativeProjectPathCannotLeaveTheProjectFolder() throws {
        let path = try Repo.write("[inputs]\nattendance = \"../../../../../../etc/passwd\"\n", "escape.toml")
        do {
            _ = try ProjectFile.read(path: path, referenceDate: CivilDate(year: 2024, month: 1, day: 1)!)
            Issue.record("followed")
        } catch let error as DataError {
            #expect(error.message.contains("leaves the project folder") && !error.message.contains("root:"), "\(error)")
        }
    }

    @Test func aHugeHeaderIsNotEchoed() throws {
        let path = try Repo.write(String(repeating: "kolom,", count: 200_000) + "x\n1,2\n", "wide.csv")
        let r = try runBereik(["validate", "--attendance", path, "--population", Repo.amsterdam2019])
        #expect(r.code != 0 && r.err.utf8.count < 2_000, "\(r.err.utf8.count) bytes")
    }
}

/// Project values are defaults; flags given on the command line override them.
@Suite struct ProjectDefaultsTests {
    @Test func flagsOverrideTheProjectAndTheProjectLanguageHolds() throws {
        let path = Repo.temporary("defaults.toml")
        try """
        language = "en"
        [inputs]
        attendance = "\(Repo.example)"
        population = "\(Repo.amsterdam2019)"
        [area]
        codes = ["WK036376"]
        [analysis]
        confidence = 0.9
        seed = 7
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try runBereik(["compare", "--project", path, "--format", "json"])
        #expect(plain.code == 0 && plain.out.contains("\"confidence\": 0.9,") && plain.out.contains("\"seed\": 7"), "\(plain.err)")
        let flagged = try runBereik(["compare", "--project", path, "--format", "json", "--confidence", "0.8", "--seed", "3"])
        #expect(flagged.out.contains("\"confidence\": 0.8,") && flagged.out.contains("\"seed\": 3") && !flagged.out.contains("\"confidence\": 0.9"))
        #expect(try runBereik(["compare", "--project", path]).out.hasPrefix("Who do we reach"))
        #expect(try runBereik(["compare", "--project", path, "--lang", "nl"]).out.hasPrefix("Wie bereiken we"))
    }
}

/// Counts are bounded where they are read (`CountCell.maximum`, 2·10⁸), which is what keeps every
/// later sum far from `Int.max`: 20,000 buurten at the bound total 4·10¹² (`Int.max` ≈ 9.2·10¹⁸).
/// This runs every analysis on the largest population a file can hold in the example's buurten.
@Suite struct ExtremeCountTests {
    @Test func theLargestCountsRunEveryAnalysisWithoutATrap() throws {
        let amsterdam = try String(contentsOfFile: Repo.amsterdam2019, encoding: .utf8)
        let buurten = Set(amsterdam.split(separator: "\n").compactMap { line -> String? in
            line.split(whereSeparator: { $0 == ";" || $0 == "," }).compactMap { RegionCode(String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))) }
                .first { $0.level == .buurt }?.raw
        })
        #expect(buurten.count > 400)
        var text = "area;dimension;category;count\n"
        for code in buurten.sorted() {
            for (dimension, keys) in [("gender", CategoryKeys.gender), ("age", CategoryKeys.age), ("origin", OriginScheme.migratieachtergrond.keys)] {
                for key in keys { text += "\(code);\(dimension);\(key);\(CountCell.maximum)\n" }
            }
        }
        let population = try Repo.write(text, "largest.csv")
        let base = ["--attendance", Repo.example, "--population", population, "--area", "WK036376"]
        for command in [["compare"], ["heterogeneity"], ["heterogeneity", "--by", "activity"], ["trend"], ["gradient", "--ses", Repo.ses2019]] {
            for format in ["table", "json"] {
                let r = try runBereik(command + base + ["--format", format])
                #expect(r.code == 0 || r.code == 1, "\(command) \(format): exit \(r.code) \(r.err)")
                #expect(!r.err.contains("Fatal error"), "\(r.err)")
                if format == "json", r.code == 0 {
                    #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil, "\(command): invalid JSON")
                }
            }
        }
    }
}

/// A 10 MB activity name once took 114 s in the activity table (work quadratic in a label's
/// length); the table cuts a label to 60 characters and the run stays linear.
@Suite struct LongLabelTests {
    @Test(.timeLimit(.minutes(1))) func aTenMegabyteActivityNameIsCutNotChewed() throws {
        let name = String(repeating: "Wandelgroep ", count: 850_000)  // 10.2 MB
        var text = "id;buurt;geslacht;activiteit\n"
        for i in 0..<30 { text += "p\(i);BU03637600;\(i % 2 == 0 ? "m" : "v");\(i < 15 ? name : "Koken")\n" }
        let path = Repo.temporary("long-activity.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try runBereik(["heterogeneity", "--attendance", path, "--population", Repo.amsterdam2019, "--area", "WK036376",
                               "--by", "activity", "--lang", "en"])
        #expect(r.code == 0, "\(r.err.prefix(300))")
        #expect(r.out.utf8.count < 20_000 && r.out.contains("Wandelgroep Wandelgroep"), "output of \(r.out.utf8.count) bytes")
    }
}
