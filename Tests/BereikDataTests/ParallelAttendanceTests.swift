import Foundation
import Testing
import BereikTestSupport
@testable import BereikData

/// Reading on all cores gives exactly what one thread gives (issue 15): generated attendance files
/// with quoted line breaks, separators and doubled quotes in fields, CRLF, blank lines, total rows,
/// unreadable values and a period, cut into chunks of 64 bytes to 4 KiB so that many chunk borders
/// fall inside quoted fields and records, read with 1 to 3 workers.
@Suite struct ParallelAttendanceTests {
    typealias Rng = SplitMix64

    /// An attendance file of `rows` rows; `literalQuote` puts a `"` inside an unquoted field, which
    /// fools the quote count that places chunk borders.
    static func attendance(rows: Int, seed: UInt64, crlf: Bool, literalQuote: Bool = false, extraFieldAt: Int? = nil) -> String {
        var rng = Rng(state: seed)
        let activities = ["Wandelgroep", "\"Samen\nkoken\"", "\"Taal; café\"", "\"Zeg \"\"hallo\"\"\"", "Sport", ""]
        let genders = ["M", "V", "man", "vrouw", "x", "?", ""]
        let origins = ["Nederland", "Turkije", "Marokko", "Suriname", "Duitsland", "Narnia", ""]
        let roles = ["deelnemer", "vrijwilliger", "kernteam", "gast", ""]
        let end = crlf ? "\r\n" : "\n"
        var lines = ["deelnemer;datum;activiteit;buurtcode;geslacht;geboortejaar;herkomst;initiatief;rol"]
        for r in 0..<rows {
            if Int.random(in: 0..<40, using: &rng) == 0 { lines.append("") }
            if Int.random(in: 0..<150, using: &rng) == 0 { lines.append("Totaal;;;;;;;;"); continue }
            let person = Int.random(in: 0..<60, using: &rng)
            let id = Int.random(in: 0..<10, using: &rng) == 0 ? " P\(person) " : (Int.random(in: 0..<50, using: &rng) == 0 ? "" : "P\(person)")
            let day = Int.random(in: 1...31, using: &rng), month = Int.random(in: 1...12, using: &rng)
            let date = Int.random(in: 0..<30, using: &rng) == 0 ? ["", "gisteren", "31-02-2024"][Int.random(in: 0..<3, using: &rng)] : "\(day)-\(month)-2024"
            let buurt = Int.random(in: 0..<25, using: &rng) == 0 ? ["", "BU999", "onbekend"][Int.random(in: 0..<3, using: &rng)]
                : "BU0363\(String(format: "%04d", 100 + (person * 7 + Int.random(in: 0..<2, using: &rng)) % 12))"
            let born = Int.random(in: 0..<20, using: &rng) == 0 ? "onbekend" : "\(1930 + person % 80)"
            var activity = activities.randomElement(using: &rng)!
            if literalQuote, r == rows / 2 { activity = "5\" scherm" }
            lines.append([id, date, activity, buurt, genders[(person + Int.random(in: 0..<2, using: &rng)) % genders.count], born,
                          origins[person % origins.count], ["Noord", "Zuid", "\"Oost\nWest\""][Int.random(in: 0..<3, using: &rng)],
                          roles.randomElement(using: &rng)!].joined(separator: ";") + (r == extraFieldAt ? ";extra" : ""))
        }
        return lines.joined(separator: end) + (seed % 2 == 0 ? end : "")
    }

    /// Everything a read gives, as text: the participant table and the reconciliation.
    static func summary(_ data: AttendanceData) -> String {
        var out = ""
        dump(data.participants, to: &out)
        dump(data.reconciliation.rows, to: &out)
        dump(data.reconciliation.rowsUsed, to: &out)
        dump(data.reconciliation.excluded.sorted { $0.key.rawValue < $1.key.rawValue }, to: &out)
        dump(data.reconciliation.blankLines, to: &out)
        dump(data.reconciliation.persons, to: &out)
        dump(data.reconciliation.conflicts.sorted { $0.key.rawValue < $1.key.rawValue }, to: &out)
        dump(data.reconciliation.unknown.sorted { $0.key.rawValue < $1.key.rawValue }, to: &out)
        for (role, examples) in data.reconciliation.unrecognised.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            dump((role, examples.sorted { $0.key < $1.key }), to: &out)
        }
        return out
    }

    static func read(_ path: String, _ reading: AttendanceReading, period: Bool = false, months: Bool = false) throws -> AttendanceData {
        var options = defaultOptions
        options.reading = reading
        options.collectMonths = months
        if period {
            options.from = CivilDate(year: 2024, month: 3, day: 1)
            options.to = CivilDate(year: 2024, month: 10, day: 31)
        }
        return try AttendanceReader.read(path: path, options: options)
    }

    @Test(arguments: [(UInt64(1), false), (2, true), (3, false), (4, true)])
    func chunksGiveTheSerialResult(seed: UInt64, crlf: Bool) throws {
        let path = try fixture("parallel-\(seed).csv", Self.attendance(rows: 400, seed: seed, crlf: crlf))
        for (period, months) in [(false, false), (true, true)] {
            let serial = try Self.read(path, .serial, period: period, months: months)
            #expect(serial.reconciliation.balances)
            #expect(serial.participants.activityNames.contains("Samen\nkoken"))
            let expected = Self.summary(serial)
            for bytes in [64, 97, 256, 1000, 4096] {
                for workers in 1...3 {
                    let chunked = try Self.read(path, .chunks(bytes: bytes, workers: workers), period: period, months: months)
                    #expect(Self.summary(chunked) == expected, "seed \(seed), \(bytes)-byte chunks, \(workers) workers, period \(period)")
                    // Read in chunks indeed (not after a fall-back to one thread).
                    #expect(chunked.chunks > 2, "\(bytes)-byte chunks")
                }
            }
        }
    }

    /// A quote inside an unquoted field makes the quote count wrong from there on: a border falls
    /// inside a quoted line break, the chunk's parse ends inside quotes, and the file is read again
    /// on one thread. The result is the serial one either way.
    @Test func aLiteralQuoteStillGivesTheSerialResult() throws {
        let path = try fixture("parallel-literal.csv", Self.attendance(rows: 300, seed: 11, crlf: false, literalQuote: true))
        let serial = try Self.read(path, .serial)
        #expect(serial.participants.activityNames.contains("5\" scherm"))
        for workers in 1...2 {
            let chunked = try Self.read(path, .chunks(bytes: 80, workers: workers))
            #expect(Self.summary(chunked) == Self.summary(serial))
            #expect(chunked.chunks == 0, "read again on one thread")
        }
    }

    /// An error in the text is reported as one thread reports it: same file, line and message.
    @Test func anErrorIsTheSerialError() throws {
        let text = Self.attendance(rows: 300, seed: 5, crlf: false, extraFieldAt: 250)
        let path = try fixture("parallel-error.csv", text)
        let serial = dataError { _ = try Self.read(path, .serial) }
        let chunked = dataError { _ = try Self.read(path, .chunks(bytes: 100, workers: 2)) }
        #expect(serial != nil)
        #expect(chunked?.description == serial?.description)
        #expect((serial?.location.line ?? 0) > 200)
    }

    /// The chunk border: after the last line feed with an even number of quotes before it.
    @Test func chunkBorders() {
        func border(_ text: String) -> Int? {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { ParallelAttendance.lastRecordEnd($0.baseAddress!, $0.count) }
        }
        #expect(border("a;b\nc;d\ne") == 8)
        #expect(border("a;\"b\nc\";d\ne") == 10)
        #expect(border("a;\"b\nc;d\ne") == nil)
        #expect(border("\"x\ny") == nil)
        #expect(border("abc") == nil)
    }
}
