import Foundation
import Testing
@testable import BereikData

/// Excel workbooks written by openpyxl and LibreOffice (Fixtures/make_workbooks.py) give the counts
/// of the equivalent CSV; dates follow Excel's published serials; what cannot be read says what to do.
@Suite struct WorkbookTests {
    static let fixtures = Repo.root.appendingPathComponent("Tests/BereikPipelineTests/Fixtures").path

    static func summary(_ file: String, _ extra: [String] = []) throws -> [String: String] {
        let r = try runBereik(english: ["compare", "--attendance", "\(fixtures)/\(file)", "--area", "Rotterdam", "--format", "json"] + extra)
        #expect(r.code == 0, "\(file): \(r.err)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let input = doc["input"] as! [String: Any]
        var excluded = input["excluded"] as! [String: Int]
        excluded["empty_row"] = nil  // an empty sheet row is a blank line, an empty CSV row (;;;;;;) a row
        let groups = (doc["dimensions"] as! [[String: Any]]).map { d in
            "\(d["dimension"]!): " + (d["groups"] as! [[String: Any]]).map { "\($0["group"]!)=\($0["participants"]!)" }.joined(separator: ",")
        }
        return ["rows_used": "\(input["rows_used"]!)", "persons": "\(input["persons"]!)", "excluded": "\(excluded.sorted { $0.key < $1.key })",
                "conflicts": "\((input["conflicts"] as! [String: Int]).sorted { $0.key < $1.key })", "groups": groups.joined(separator: "; ")]
    }

    @Test(arguments: ["rotterdam_openpyxl.xlsx", "rotterdam_openpyxl_1904.xlsx", "rotterdam_libreoffice.xlsx", "rotterdam_notes_first.xlsx"])
    func aWorkbookGivesTheCountsOfItsCSV(_ workbook: String) throws {
        let csv = try Self.summary("rotterdam.csv")
        // 120 visits; the 6 of the 3 persons who live outside Rotterdam are left out (a Rotterdammer's
        // visit with an Amsterdam postcode counts: where a person lives follows from all their rows).
        #expect(csv["rows_used"] == "114" && csv["persons"] == "27")
        #expect(try Self.summary(workbook) == csv)
    }

    @Test func theSheetIsChosenByNameOrAsTheFirstWithData() throws {
        let csv = try Self.summary("rotterdam.csv")
        #expect(try Self.summary("rotterdam_openpyxl.xlsx", ["--sheet", "aanwezig"]) == csv)
        let missing = try runBereik(english: ["compare", "--attendance", "\(Self.fixtures)/rotterdam_openpyxl.xlsx", "--sheet", "Blad9"])
        #expect(missing.code == 1 && missing.err.contains("no sheet \"Blad9\"") && missing.err.contains("'Aanwezig'"), "\(missing.err)")
    }

    @Test func errorsNameTheSheetAndCell() throws {
        let r = try runBereik(english: ["compare", "--attendance", "\(Self.fixtures)/rotterdam_openpyxl.xlsx", "--area", "Rotterdam", "--strict"])
        #expect(r.code == 1 && r.err.contains("rotterdam_openpyxl.xlsx, sheet \"Aanwezig\", cell A123"), "\(r.err)")
        #expect(SourceLocation(file: "deelnemers.xlsx", line: 17, column: 3, sheet: "Aanwezig").description == "deelnemers.xlsx, sheet \"Aanwezig\", cell C17")
        #expect(SourceLocation(file: "deelnemers.xlsx", line: 17, column: 3, columnName: "Geslacht", sheet: "Aanwezig").text(dutch: true)
                == "deelnemers.xlsx, blad \"Aanwezig\", cel C17 (kolom 'Geslacht')")
        let nl = try runBereik(["compare", "--attendance", "\(Self.fixtures)/rotterdam_openpyxl.xlsx", "--area", "Rotterdam", "--strict", "--lang", "nl"])
        #expect(nl.code == 1 && nl.err.contains("rotterdam_openpyxl.xlsx, blad \"Aanwezig\", cel A123"), "\(nl.err)")
        #expect(SourceLocation.columnLetters(28) == "AB" && SourceLocation.columnLetters(16384) == "XFD")
    }

    @Test(arguments: [("nl", "OpenDocument-bestand", "wachtwoord", "opnieuw op"), ("en", "OpenDocument", "password", "save it again")])
    func whatCannotBeReadSaysWhatToDo(_ lang: String, _ ods: String, _ password: String, _ again: String) throws {
        let odsRun = try runBereik(["compare", "--attendance", "\(Self.fixtures)/rotterdam_libreoffice.ods", "--lang", lang])
        #expect(odsRun.code == 1 && odsRun.err.contains(ods) && odsRun.err.contains(".xlsx"), "\(odsRun.err)")
        let xls = Repo.temporary("old.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: xls))
        let old = try runBereik(["compare", "--attendance", xls, "--lang", lang])
        #expect(old.code == 1 && old.err.contains(".xls") && old.err.contains(password), "\(old.err)")
        let zip = Repo.temporary("broken.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).write(to: URL(fileURLWithPath: zip))
        let broken = try runBereik(["compare", "--attendance", zip, "--lang", lang])
        #expect(broken.code == 1 && broken.err.contains(again), "\(broken.err)")
    }

    /// Found by libFuzzer (FuzzWorkbook): a damaged xl/workbook.xml on which Foundation's XMLParser
    /// trapped. Now an error with advice.
    @Test func aDamagedWorkbookFoundByTheFuzzerIsAnError() throws {
        let r = try runBereik(english: ["compare", "--attendance", "\(Self.fixtures)/fuzz_damaged_workbook_xml.xlsx"])
        #expect(r.code == 1 && r.err.contains("XML is damaged") && r.err.contains("save it again"), "\(r.code) \(r.err)")
    }

    /// Found by libFuzzer (FuzzWorkbook): a part whose deflate stream runs on to the end of the file,
    /// on which ZIPFoundation's inflate loop asks for more input forever. Now an error within
    /// seconds (`ZipPart`'s watchdog), in either language.
    @Test func aPartThatNeverEndsIsAnErrorNotAHang() throws {
        for (lang, sentence) in [("en", "its compressed data does not end"), ("nl", "de gecomprimeerde gegevens houden niet op")] {
            let start = Date()
            let r = try runBereik(["compare", "--attendance", "\(Self.fixtures)/fuzz_endless_deflate.xlsx", "--lang", lang], killAfter: 60)
            #expect(r.code == 1 && r.err.contains(sentence), "\(r.code) \(r.err)")
            #expect(Date().timeIntervalSince(start) < 30)
        }
    }

    /// Microsoft's published serials: 1 January 2008 is 39448 ("DATEVALUE function"); the 1904
    /// system counts 1,462 days fewer ("Date systems in Excel"); serial 60 is the non-existent
    /// 29 February 1900 that Excel keeps for Lotus 1-2-3 compatibility.
    @Test func excelSerialsMatchMicrosoftsTables() {
        func iso(_ serial: Double, _ mac: Bool = false) -> String? { ExcelDate.day(serial: serial, date1904: mac)?.description }
        #expect(iso(39448) == "2008-01-01" && iso(39448 - 1462, true) == "2008-01-01")
        #expect(iso(1) == "1900-01-01" && iso(59) == "1900-02-28" && iso(60) == nil && iso(61) == "1900-03-01")
        #expect(iso(0, true) == "1904-01-01" && iso(45292.75) == "2024-01-01" && iso(-1) == nil)
        #expect(ExcelDate.isDateFormat("dd-mm-yyyy") && ExcelDate.isDateFormat("mmm-yy") && ExcelDate.isDateFormat("[$-413]d mmmm yyyy"))
        #expect(!ExcelDate.isDateFormat("0.00") && !ExcelDate.isDateFormat("h:mm:ss") && !ExcelDate.isDateFormat("\"dag\" 0") && !ExcelDate.isDateFormat("[Red]#,##0"))
    }
}
