import Foundation
@testable import BereikData

/// Paths into the repository (the tests read `Datasets/` in place) and temporary fixture files.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func dataset(_ name: String) -> String { root.appendingPathComponent("Datasets/cbs/\(name)").path }
}

/// Writes a fixture the test builds itself, as exact bytes.
func fixture(_ name: String, bytes: [UInt8]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func fixture(_ name: String, _ text: String, bom: Bool = false) throws -> String {
    try fixture(name, bytes: (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
}

/// Windows-1252 bytes of a Latin-1 string (what Dutch Excel writes).
func windows1252(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8($0.value) }
}

/// Reads every record of a CSV file as strings.
func records(_ path: String) throws -> (header: [String], rows: [[String]], reader: CSVReader) {
    let reader = try CSVReader(path: path)
    var rows: [[String]] = []
    while try reader.next() { rows.append((0..<reader.fieldCount).map { reader.string($0) }) }
    return (reader.header, rows, reader)
}

/// The DataError a throwing call raises, or nil.
func dataError(_ body: () throws -> Void) -> DataError? {
    do { try body() } catch let error as DataError { return error } catch { return nil }
    return nil
}

let defaultOptions = AttendanceOptions(harmoniser: CategoryHarmoniser(originScheme: .herkomst),
                                       referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
