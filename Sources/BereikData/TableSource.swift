/// Opens an input table, CSV or Excel workbook, as a `CSVReader`: every reader takes both.
public enum TableSource {
    /// A workbook's sheet (named, else the first with data) or the CSV file itself. A legacy
    /// `.xls` or an encrypted workbook, which Bereik cannot read, is an error that says what to do.
    public static func open(path: String, displayName: String? = nil, sheet: String? = nil) throws -> CSVReader {
        let name = displayName ?? path
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
