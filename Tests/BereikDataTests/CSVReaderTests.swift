import Testing
@testable import BereikData

/// The CSV dialects Dutch teams produce, each written by the test itself.
@Suite struct CSVReaderTests {
    @Test func semicolonWithBOMAndCRLFAsDutchExcelWrites() throws {
        let path = try fixture("excel-nl.csv", "deelnemer;datum;geslacht\r\nA1;5-3-2024;V\r\nA2;06-03-2024;m\r\n", bom: true)
        let (header, rows, reader) = try records(path)
        #expect(header == ["deelnemer", "datum", "geslacht"])
        #expect(rows == [["A1", "5-3-2024", "V"], ["A2", "06-03-2024", "m"]])
        #expect(reader.dialect.separator == UInt8(ascii: ";") && reader.dialect.byteOrderMark)
    }

    @Test func commaAndTabAreDetected() throws {
        let comma = try records(fixture("comma.csv", "id,age\nx,4\n"))
        #expect(comma.reader.dialect.separatorName == "comma" && comma.rows == [["x", "4"]])
        let tab = try records(fixture("tab.tsv", "id\tage\tcity\nx\t4\tDen Haag\n"))
        #expect(tab.reader.dialect.separatorName == "tab" && tab.rows == [["x", "4", "Den Haag"]])
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let text = "id;activiteit;opmerking\n1;\"Koken; samen\";\"zei \"\"hoi\"\"\"\n2;\"Wandelen\r\nin het park\";\n3;x;\"\"\n"
        let (_, rows, reader) = try records(fixture("quoted.csv", text))
        #expect(rows == [["1", "Koken; samen", "zei \"hoi\""], ["2", "Wandelen\r\nin het park", ""], ["3", "x", ""]])
        #expect(reader.recordLine == 5)  // the third record starts on line 5: the quoted line break counts
    }

    @Test func windows1252IsDetectedAndAccentsSurvive() throws {
        let path = try fixture("cp1252.csv", bytes: windows1252("naam;herkomst\nRené;België\nZoë;Curaçao\n") + [0x80, 0x3B, 0x78, 0x0A])
        let (_, rows, reader) = try records(path)
        #expect(reader.dialect.encoding == .windows1252)
        #expect(rows == [["René", "België"], ["Zoë", "Curaçao"], ["€", "x"]])
    }

    @Test func utf8WithoutBOMAndDecimalCommaFields() throws {
        let (_, rows, reader) = try records(fixture("utf8.csv", "naam;score\nRené;\"-0,110\"\nZoë;1,5\n"))
        #expect(reader.dialect.encoding == .utf8)
        #expect(rows == [["René", "-0,110"], ["Zoë", "1,5"]])
    }

    @Test func oldMacLineEndsAndMissingFinalNewlineAndBlankLines() throws {
        let (_, rows, reader) = try records(fixture("cr.csv", "a,b\r1,2\r\r3,4"))
        #expect(rows == [["1", "2"], ["3", "4"]])
        #expect(reader.blankLines == 1)
    }

    @Test func recordsLongerThanTheReadBufferStream() throws {
        let long = String(repeating: "x", count: 3_000_000)
        let (_, rows, _) = try records(fixture("long.csv", "a;b\n\"\(long)\";2\n3;4\n"))
        #expect(rows.count == 2 && rows[0][0].count == 3_000_000 && rows[1] == ["3", "4"])
    }

    @Test func unbalancedQuoteNamesFileLineAndColumn() throws {
        let path = try fixture("unbalanced.csv", "id;naam\n1;ok\n2;\"never closed\n3;x\n")
        let error = dataError { _ = try records(path) }
        #expect(error?.location.line == 3 && error?.location.column == 2 && error?.location.columnName == "naam")
        #expect(error?.message.contains("never closed") == true)
        #expect(error?.description.hasPrefix(path + ":3:2") == true)
    }

    @Test func textAfterClosingQuoteIsAnError() throws {
        let path = try fixture("afterquote.csv", "id;naam\n1;\"a\"b\n")
        let error = dataError { _ = try records(path) }
        #expect(error?.location.line == 2 && error?.message.contains("after a closing quote") == true)
    }

    @Test func wrongColumnCountNamesTheLine() throws {
        let reader = try CSVReader(path: fixture("width.csv", "a;b;c\n1;2;3\n1;2\n"))
        _ = try reader.next()
        try reader.requireHeaderWidth()
        _ = try reader.next()
        let error = dataError { try reader.requireHeaderWidth() }
        #expect(error?.location.line == 3 && error?.message.contains("has 2 fields; expected 3") == true)
    }

    @Test func emptyBinaryAndWorkbookFilesAreRefused() throws {
        #expect(dataError { _ = try CSVReader(path: fixture("empty.csv", "")) }?.message.contains("empty") == true)
        #expect(dataError { _ = try CSVReader(path: fixture("bin.csv", bytes: [1, 2, 0, 3])) }?.message.contains("not a text CSV") == true)
        #expect(dataError { _ = try CSVReader(path: fixture("book.csv", bytes: [0x50, 0x4B, 3, 4, 20, 0])) }?.message.contains("Excel workbook") == true)
        #expect(dataError { _ = try CSVReader(path: "/nonexistent/file.csv") }?.message.contains("does not exist") == true)
    }
}
