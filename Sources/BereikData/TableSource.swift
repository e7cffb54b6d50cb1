/// Opens an input table, CSV or Excel workbook, as a `CSVReader`: every reader takes both.
import Foundation
import ZIPFoundation

public enum TableSource {
    /// A ZIP that holds a CSV rather than a workbook (CBS delivers its postcode–huisnummer table
    /// zipped): the first `.csv`/`.txt` entry, unpacked to a temporary file and streamed from there
    /// (the file is unlinked once open, so nothing is left behind). Nil for a workbook.
    static func zippedCSV(path: String, displayName: String) throws -> CSVReader? {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read),
              archive["xl/workbook.xml"] == nil, archive["mimetype"] == nil else { return nil }
        guard let entry = archive.first(where: { $0.type == .file && [".csv", ".txt"].contains(where: $0.path.lowercased().hasSuffix) }) else {
            return nil
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let out = FileHandle(forWritingAtPath: temporary.path) else {
            throw DataError(SourceLocation(file: displayName), DataMessages.damagedPart(entry.path, "no temporary file"))
        }
        do {
            defer { try? out.close() }
            try ZipPart.extract(archive, entry, SourceLocation(file: displayName)) { chunk in try out.write(contentsOf: chunk) }
        }
        return try CSVReader(path: temporary.path, displayName: "\(displayName) (\(entry.path))")
    }

    /// A workbook's sheet (named, else the first with data) or the CSV file itself. A legacy
    /// `.xls` or an encrypted workbook, which Bereik cannot read, is an error that says what to do.
    public static func open(path: String, displayName: String? = nil, sheet: String? = nil) throws -> CSVReader {
        let name = displayName ?? path
        if Workbook.isZIP(path: path), let csv = try zippedCSV(path: path, displayName: name) {
            return csv
        }
        if Workbook.isZIP(path: path) {
            let workbook = try Workbook(path: path, displayName: name)
            let table = try workbook.table(sheet: sheet)
            return try CSVReader(bytes: table.csv, displayName: name, separator: UInt8(ascii: ","), sheet: table.sheet, firstLine: table.firstRow)
        }
        if Workbook.isCompoundFile(path: path) {
            throw DataError(SourceLocation(file: name), DataMessages.legacyOrEncrypted)
        }
        if sheet != nil {
            throw DataError(SourceLocation(file: name), DataMessages.sheetForCSV)
        }
        return try CSVReader(path: path, displayName: displayName)
    }
}
