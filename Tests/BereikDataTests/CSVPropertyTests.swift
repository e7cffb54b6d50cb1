import Foundation
import Testing
import BereikTestSupport
@testable import BereikData

/// Random CSV files: what is written with RFC 4180 quoting reads back exactly, and arbitrary bytes
/// either read or raise a `DataError` — never a crash. Both read from memory (no temporary files).
@Suite struct CSVPropertyTests {
    typealias Rng = SplitMix64

    @Test func quotedRecordsRoundTrip() throws {
        var rng = Rng(state: 42)
        let alphabet = Array("ab;,\"\n\r \tëé€1")
        for round in 0..<300 {
            let separator: Character = [";", ",", "\t"][round % 3]
            let columns = Int.random(in: 1...5, using: &rng)
            let header = (0..<columns).map { "k\($0)" }
            var rows: [[String]] = []
            for _ in 0..<Int.random(in: 1...20, using: &rng) {
                rows.append((0..<columns).map { _ in
                    String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                })
            }
            // A row that is one empty field is a blank line by design; keep at least one non-empty field.
            rows = rows.map { $0.allSatisfy(\.isEmpty) ? ["x"] + $0.dropFirst() : $0 }
            func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let text = ([header] + rows).map { $0.map(quote).joined(separator: String(separator)) }.joined(separator: "\r\n") + "\r\n"
            let reader = try CSVReader(bytes: Array(text.utf8), displayName: "roundtrip.csv", separator: UInt8(ascii: separator.unicodeScalars.first!))
            var read: [[String]] = []
            while try reader.next() { read.append((0..<reader.fieldCount).map { reader.string($0) }) }
            #expect(reader.header == header)
            #expect(read == rows, "round \(round)")
        }
    }

    @Test func arbitraryBytesNeverCrash() throws {
        var rng = Rng(state: 7)
        let bytes: [UInt8] = Array("a;,\"\n\r x".utf8) + [0xC3, 0xA9, 0xFF, 0x80]
        var parsed = 0, refused = 0
        for _ in 0..<1500 {
            let data = (0..<Int.random(in: 0...200, using: &rng)).map { _ in bytes.randomElement(using: &rng)! }
            do {
                let reader = try CSVReader(bytes: data, displayName: "fuzz.csv")
                while try reader.next() { _ = (0..<reader.fieldCount).map { reader.string($0) } }
                parsed += 1
            } catch is DataError {
                refused += 1
            }
        }
        #expect(parsed > 0 && refused > 0)
    }
}

/// Random attendance files through the two-thread reader: every row is accounted for, and persons
/// equal the distinct ids of the used rows, computed here independently.
@Suite struct AttendancePropertyTests {
    @Test func reconciliationBalancesAndPersonsAreDistinctIDs() throws {
        var rng = CSVPropertyTests.Rng(state: 99)
        let ids = ["", " ", "a", "b", "c", "A", "é", "x y", "1", "01"]
        let dates = ["", "2024-01-05", "5-1-2024", "31-02-2024", "gisteren", "2024-13-01"]
        let genders = ["v", "m", "x", "", "Q", "vrouw"]
        for round in 0..<40 {
            var text = "id;datum;geslacht\n"
            var used = Set<String>()
            var rows = 0
            for _ in 0..<Int.random(in: 1...40_000, using: &rng) {
                let id = ids.randomElement(using: &rng)!, date = dates.randomElement(using: &rng)!
                text += "\(id);\(date);\(genders.randomElement(using: &rng)!)\n"
                rows += 1
                let trimmed = id.trimmingCharacters(in: .whitespaces)
                let validDate = date.isEmpty || CivilDate(parsing: date) != nil
                if !trimmed.isEmpty && validDate { used.insert(trimmed) }
            }
            let data = try AttendanceReader.read(path: fixture("random-attendance.csv", text), options: defaultOptions)
            let r = data.reconciliation
            #expect(r.rows == rows && r.balances, "round \(round)")
            #expect(r.persons == used.count, "round \(round)")
            #expect(data.participants.visits.reduce(0) { $0 + Int($1) } == r.rowsUsed)
        }
    }
}

/// UTF-8 detection reads eight ASCII bytes at a time (issue 15); it must still accept every prefix
/// of valid text (a chunk may end inside a character) and refuse a stray byte anywhere.
@Suite struct UTF8DetectionTests {
    @Test func prefixesOfValidTextPassAndStrayBytesFail() {
        var rng = SplitMix64(state: 8)
        let pieces = ["a", "b;c", "1234567", "é", "ë", "€", "😀", "\n", "Sjaak en Ömer", "ÿ"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            let cut = Int.random(in: 0...bytes.count, using: &rng)
            #expect(bytes[..<cut].withUnsafeBufferPointer { TextEncoding.isValidUTF8Prefix($0) }, "\(text.debugDescription) cut at \(cut)")
            var broken = bytes
            let at = Int.random(in: 0..<broken.count, using: &rng)
            broken.insert([0xFF, 0xC0, 0x80][Int.random(in: 0..<3, using: &rng)], at: at)
            // A continuation byte right after a lead byte can still be valid; 0xFF and 0xC0 never are.
            if broken[at] != 0x80 {
                #expect(!broken.withUnsafeBufferPointer { TextEncoding.isValidUTF8Prefix($0) }, "\(broken)")
            }
        }
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" en meer tekst daarna".utf8)
        #expect(!latin1.withUnsafeBufferPointer { TextEncoding.isValidUTF8Prefix($0) })
    }
}

/// Unquoted records are read in place, eight bytes at a time (issue 15): random long fields and
/// every line end read back exactly, wherever a delimiter falls in a word. The alphabet holds the
/// bytes the word tests can flag falsely — control bytes below 14 that are no delimiter, and the
/// neighbours of each separator (`:` of `;`, `-` of `,`, backspace of tab) — and quotes inside a field.
@Suite struct UnquotedScanTests {
    @Test func longUnquotedFieldsReadBack() throws {
        var rng = SplitMix64(state: 31)
        let alphabet = Array("abcdefgh0123 éx€:-\u{01}\u{08}\u{0B}\u{0C}\u{0E}")
        let inside = alphabet + ["\""]
        for round in 0..<200 {
            let separator: Character = [";", ",", "\t"][round % 3]
            let end = ["\n", "\r\n", "\r"][round % 3 == 0 ? 0 : Int.random(in: 0..<3, using: &rng)]
            let columns = Int.random(in: 1...6, using: &rng)
            let rows: [[String]] = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
                (0..<columns).map { c in
                    // The first field is never empty: a row of one empty field is a blank line by design.
                    let n = Int.random(in: (c == 0 ? 1 : 0)...30, using: &rng)
                    // A quote may stand inside a field, not first (that would open a quoted field).
                    return String((0..<n).map { k in (k == 0 ? alphabet : inside).randomElement(using: &rng)! })
                }
            }
            let header = (0..<columns).map { "k\($0)" }
            let text = ([header] + rows).map { $0.joined(separator: String(separator)) }.joined(separator: end) + (round % 2 == 0 ? end : "")
            let reader = try CSVReader(bytes: Array(text.utf8), displayName: "scan.csv", separator: UInt8(ascii: separator.unicodeScalars.first!))
            var read: [[String]] = []
            while try reader.next() { read.append((0..<reader.fieldCount).map { reader.string($0) }) }
            #expect(read == rows, "round \(round)")
        }
    }
}
