import Foundation
import ZIPFoundation

/// An Excel workbook (`.xlsx`, Office Open XML, ECMA-376) read as the tables Bereik reads: one
/// worksheet becomes CSV text with one line per sheet row, so every reader and every error location
/// works unchanged (`CSVReader(bytes:sheet:)` names sheet and cell). Shared and inline strings,
/// numbers, booleans, cached formula results and error values are read; a number whose cell style
/// is a date format becomes an ISO date (1900 and 1904 date systems, `ExcelDate`). Empty rows stay
/// empty lines so line numbers are sheet rows; empty columns stay empty fields.
///
/// The ZIP container is read with ZIPFoundation and each part with `XMLScanner` (events, no
/// document tree), so memory is the sheet's XML plus the CSV made from it.
public struct Workbook {
    public let displayName: String
    /// Visible worksheets in workbook order: name and part path inside the ZIP.
    public let sheets: [(name: String, part: String)]
    let archive: Archive
    let date1904: Bool
    let sharedStrings: [String]
    /// Cell style indices (`s`) whose number format shows a date.
    let dateStyles: Set<Int>

    /// Whether the file starts like a ZIP (`PK\3\4`): an `.xlsx`, `.ods` or other ZIP.
    public static func isZIP(path: String) -> Bool { magic(path).starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    static func magic(_ path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
    }

    /// The OLE2 compound file signature: a legacy `.xls`, or an encrypted `.xlsx`.
    public static func isCompoundFile(path: String) -> Bool { magic(path) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] }

    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        self.displayName = name
        let location = SourceLocation(file: name)
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw DataError(location, DataMessages.damagedZIP)
        }
        self.archive = archive
        if let mimetype = archive["mimetype"], let text = try? Self.bytes(archive, mimetype, location),
           String(decoding: text, as: UTF8.self).contains("opendocument") {
            throw DataError(location, DataMessages.openDocument)
        }
        guard let workbookEntry = archive["xl/workbook.xml"] else {
            throw DataError(location, DataMessages.zipNotWorkbook)
        }
        let book = WorkbookPart()
        try Self.parse(try Self.bytes(archive, workbookEntry, location), book, location)
        let rels = RelationshipsPart()
        if let entry = archive["xl/_rels/workbook.xml.rels"] { try Self.parse(try Self.bytes(archive, entry, location), rels, location) }
        sheets = book.sheets.filter { !$0.hidden }.compactMap { sheet in
            guard let target = rels.targets[sheet.relationship] else { return nil }
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return (sheet.name, part)
        }
        date1904 = book.date1904
        var strings: [String] = []
        if let entry = archive["xl/sharedStrings.xml"] {
            let part = SharedStringsPart()
            try Self.parse(try Self.bytes(archive, entry, location), part, location)
            strings = part.strings
        }
        sharedStrings = strings
        var dates = Set<Int>()
        if let entry = archive["xl/styles.xml"] {
            let part = StylesPart()
            try Self.parse(try Self.bytes(archive, entry, location), part, location)
            for (index, format) in part.cellFormats.enumerated()
            where ExcelDate.builtInDateFormats.contains(format) || part.customFormats[format].map(ExcelDate.isDateFormat) == true {
                dates.insert(index)
            }
        }
        dateStyles = dates
    }

    /// The largest part read (1 GiB of XML is some 10 million rows).
    static let largestPart: UInt64 = 1 << 30

    static func bytes(_ archive: Archive, _ entry: Entry, _ location: SourceLocation) throws -> Data {
        // A damaged header can claim more bytes than the file holds (ZIPFoundation then keeps
        // reading at the end of the file) or a part far larger than any sheet: refuse both first.
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: archive.url.path)[.size] as? UInt64) ?? 0
        guard entry.compressedSize <= fileSize, entry.uncompressedSize <= largestPart,
              entry.type == .file else {
            throw DataError(location, DataMessages.damagedPart(entry.path, "size"))
        }
        final class Collected: @unchecked Sendable { var data = Data() }
        let collected = Collected()
        let limit = Int(entry.uncompressedSize)
        try ZipPart.extract(archive, entry, location) { chunk in
            collected.data.append(chunk)
            if collected.data.count > limit { throw Archive.ArchiveError.invalidEntrySize }
        }
        let data = collected.data
        return data
    }

    static func parse(_ data: Data, _ handler: XMLEventHandler, _ location: SourceLocation, part: String = "") throws {
        let bytes = [UInt8](data)
        do { try XMLScanner.scan(bytes, handler) } catch let e as XMLScanError {
            throw DataError(location, DataMessages.damagedXML("\(part.isEmpty ? "" : part + ", ")line \(XMLScanner.line(of: e.offset, in: bytes)): \(e.reason)"))
        }
    }

    /// A worksheet as CSV bytes (`,`, UTF-8, one line per row from the first non-empty row) and
    /// the sheet row of its first line. `name` nil: the first visible sheet with a cell.
    public func table(sheet name: String?) throws -> (csv: [UInt8], sheet: String, firstRow: Int) {
        let location = SourceLocation(file: displayName)
        let candidates: [(name: String, part: String)]
        if let name {
            guard let found = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw DataError(location, DataMessages.noSheet(Excerpt.text(name), sheets: Excerpt.list(sheets.map(\.name))))
            }
            candidates = [found]
        } else {
            candidates = sheets
        }
        for (sheetName, part) in candidates {
            guard let entry = archive[part] else { continue }
            let sheet = SheetPart(strings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
            try Self.parse(try Self.bytes(archive, entry, location), sheet, SourceLocation(file: displayName, sheet: sheetName))
            if let error = sheet.error { throw DataError(SourceLocation(file: displayName, line: error.row, sheet: sheetName), error.message) }
            if sheet.firstRow != nil || name != nil { return (sheet.csv, sheetName, sheet.firstRow ?? 1) }
        }
        throw DataError(location, DataMessages.noSheetWithData(sheets.isEmpty ? "" : Excerpt.list(sheets.map(\.name))))
    }
}

/// `xl/workbook.xml`: sheet names and relationship ids, and the date system.
final class WorkbookPart: XMLEventHandler {
    var wantsText: Bool { false }
    func end(_ name: String) {}
    func text(_ text: String) {}

    var sheets: [(name: String, relationship: String, hidden: Bool)] = []
    var date1904 = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            let id = attributes["id"] ?? ""
            sheets.append((attributes["name"] ?? "", id, (attributes["state"] ?? "visible") != "visible"))
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "0")
        default: break
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part.
final class RelationshipsPart: XMLEventHandler {
    var wantsText: Bool { false }
    func end(_ name: String) {}
    func text(_ text: String) {}

    var targets: [String: String] = [:]

    func start(_ name: String, _ attributes: [String: String]) {
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

/// `xl/sharedStrings.xml`: each `si` is one string, the text of its `t` elements (rich-text runs
/// joined), without phonetic runs (`rPh`).
final class SharedStringsPart: XMLEventHandler {
    var strings: [String] = []
    private var current = "", inText = false, phonetic = 0

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    var wantsText: Bool { inText }
    func text(_ string: String) { if inText { current += string } }
}

/// `xl/styles.xml`: the number format of each cell format (`cellXfs/xf`) and the custom format codes.
final class StylesPart: XMLEventHandler {
    var wantsText: Bool { false }
    func text(_ text: String) {}

    var cellFormats: [Int] = []
    var customFormats: [Int: String] = [:]
    private var inCellXfs = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func end(_ name: String) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// A worksheet's `sheetData`, written out as CSV while it is parsed.
final class SheetPart: XMLEventHandler {
    let strings: [String], dateStyles: Set<Int>, date1904: Bool
    private(set) var csv: [UInt8] = []
    /// The sheet row of the first line written (nil: no cell with a value).
    private(set) var firstRow: Int?
    private(set) var error: (row: Int, message: String)?

    private var row = 0, lastWrittenRow = 0, column = 0
    private var cells: [(column: Int, text: String)] = []
    private var type = "n", style = 0, value = "", inValue = false, inInline = false

    init(strings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    /// "C17" → 3 (1-based column), ignoring the row digits.
    static func columnNumber(_ reference: String) -> Int? {
        var n = 0
        for b in reference.utf8 {
            if b >= 65 && b <= 90 { n = n * 26 + Int(b - 64) } else if b >= 97 && b <= 122 { n = n * 26 + Int(b - 96) } else { break }
            if n > 16_384 { return nil }
        }
        return n > 0 ? n : nil
    }

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            row = attributes["r"].flatMap(Int.init) ?? row + 1
            column = 0
            cells.removeAll(keepingCapacity: true)
        case "c":
            column = attributes["r"].flatMap(Self.columnNumber) ?? column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t": if inInline { inValue = true }
        default: break
        }
    }

    var wantsText: Bool { inValue }
    func text(_ string: String) { if inValue { value += string } }

    func end(_ name: String) {
        switch name {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "c":
            let text = cellText()
            if !text.isEmpty { cells.append((column, text)) }
        case "row": writeRow()
        default: break
        }
    }

    private func cellText() -> String {
        switch type {
        case "s":
            guard let i = Int(value.trimmingSpaces()), strings.indices.contains(i) else {
                if error == nil { error = (row, "cell \(SourceLocation.columnLetters(column))\(row) points to shared string \(Excerpt.text(value)), which the workbook lacks") }
                return ""
            }
            return strings[i]
        case "inlineStr", "str", "e": return value
        case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "d": return String(value.prefix(10))  // ISO 8601 date-time (strict OOXML): the date
        default:
            let trimmed = value.trimmingSpaces()
            guard !trimmed.isEmpty, let number = Double(trimmed) else { return trimmed }
            if dateStyles.contains(style) {
                return ExcelDate.day(serial: number, date1904: date1904)?.description ?? trimmed
            }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return "\(number)"
        }
    }

    /// One CSV field: line breaks inside a cell become spaces (so a line stays a sheet row), and a
    /// field with a comma or quote is quoted with doubled quotes (RFC 4180).
    static func appendField(_ text: String, to csv: inout [UInt8]) {
        let utf8 = text.utf8
        let quoted = utf8.contains(0x2C) || utf8.contains(0x22)
        if quoted { csv.append(0x22) }
        var previous: UInt8 = 0
        for b in utf8 {
            switch b {
            case 0x0A where previous == 0x0D: break
            case 0x0A, 0x0D: csv.append(0x20)
            case 0x22: csv.append(0x22); csv.append(0x22)
            default: csv.append(b)
            }
            previous = b
        }
        if quoted { csv.append(0x22) }
    }

    /// The header's width: later rows are padded to it (Excel leaves trailing empty cells out), and
    /// cells right of it (notes beside the table, without a column name) are left out.
    private var width = 0

    private func writeRow() {
        guard !cells.isEmpty else { return }
        if firstRow == nil {
            firstRow = row
            lastWrittenRow = row - 1
            width = cells.last!.column
        }
        // Empty sheet rows stay empty lines, so a line's number is its sheet row.
        if row > lastWrittenRow + 1 { csv.append(contentsOf: repeatElement(0x0A, count: row - lastWrittenRow - 1)) }
        var field = 1
        for cell in cells where cell.column <= width {
            while field < cell.column { csv.append(0x2C); field += 1 }
            Self.appendField(cell.text, to: &csv)
        }
        while field < width { csv.append(0x2C); field += 1 }
        csv.append(0x0A)
        lastWrittenRow = row
    }
}
