import Testing
@testable import BereikData

@Suite struct PostcodeAndEncodingTests {
    /// The CBS "buurt, wijk en gemeente per postcode" layout: one row per address (PC6 + house
    /// number), buurt as 8 characters without the BU prefix. A PC6 split over buurten goes to the
    /// buurt holding most of its addresses.
    @Test func cbsPostcodeTable() throws {
        let text = """
        PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024
        1011AB;1;03630000;036300;0363
        1011AB;3;03630000;036300;0363
        1011AB;5;03630001;036300;0363
        1011AC;2;0363AA01;0363AA;0363
        """
        let map = try PostcodeMap.read(path: fixture("pc6.csv", text))
        #expect(map.buurt(forPostcode: "1011 ab")?.raw == "BU03630000")
        #expect(map.buurt(forPostcode: "1011AC")?.raw == "BU0363AA01")
        #expect(map.splitPostcodes == 1 && map.buurtByPostcode.count == 2)
        let bad = try fixture("pc6-bad.csv", "PC6;Buurt2024\n10AB;03630000\n")
        let error = dataError { _ = try PostcodeMap.read(path: bad) }
        #expect(error?.location.line == 2 && error?.message.contains("not a PC6 postcode") == true)
    }

    /// An attendance file saved by Dutch Excel: Windows-1252, `;`, CRLF, accented country names.
    @Test func windows1252AttendanceHarmonisesAccentedCountries() throws {
        let text = "Deelnemer;Geslacht;Geboorteland\r\nA;Vrouw;België\r\nB;Man;Curaçao\r\nC;V;Indonesië\r\n"
        let path = try fixture("excel.csv", bytes: windows1252(text))
        let data = try AttendanceReader.read(path: path, options: defaultOptions)
        #expect(data.dialect.encoding == .windows1252)
        #expect(data.participants.origin == [1, 2, 2])  // europa, buiten_europa, buiten_europa
        #expect(data.participants.gender == [1, 0, 1])
        #expect(data.reconciliation.unrecognised.isEmpty)
    }

    /// Many rows stream through both reading threads in order: the result equals what the rows say.
    @Test func largeFileKeepsEveryRowAndTheLatestRule() throws {
        var text = "id;datum;geslacht\n"
        for i in 0..<100_000 { text += "p\(i % 1000);\(1 + i % 28)-02-2024;\(i < 99_000 ? "v" : "m")\n" }
        let data = try AttendanceReader.read(path: fixture("large.csv", text), options: defaultOptions)
        #expect(data.reconciliation.rows == 100_000 && data.reconciliation.rowsUsed == 100_000)
        #expect(data.participants.count == 1000 && data.participants.visits.allSatisfy { $0 == 100 })
        #expect(data.participants.gender.allSatisfy { $0 == 1 })  // 99 × v against 1 × m
        #expect(data.reconciliation.conflicts[.gender] == 1000)
    }
}
