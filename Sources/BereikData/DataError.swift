/// Where in an input a problem sits: file, line (1-based, physical line where the record starts
/// or where the problem was found) and column (1-based field number, with the header name when known).
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var columnName: String?
    /// The worksheet, for a workbook: then `line` is the sheet row and `column` the sheet column.
    public var sheet: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.sheet = sheet
    }

    /// A 1-based column number as Excel writes it: 1 → A, 27 → AA.
    public static func columnLetters(_ number: Int) -> String {
        var n = number, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    public var description: String { text(dutch: false) }

    /// "deelnemers.xlsx, blad "Aanwezig", cel C17 (kolom 'Postcode')" or, in English, "sheet", "cell".
    public func text(dutch: Bool) -> String {
        let (sheetWord, cellWord, rowWord, columnWord) = dutch ? ("blad", "cel", "rij", "kolom") : ("sheet", "cell", "row", "column")
        if let sheet {
            var text = "\(file), \(sheetWord) \"\(sheet)\""
            if let line, let column { text += ", \(cellWord) \(Self.columnLetters(column))\(line)" } else if let line { text += ", \(rowWord) \(line)" }
            if let columnName { text += " (\(columnWord) '\(columnName)')" }
            return text
        }
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let columnName { text += " (\(columnWord) '\(columnName)')" }
        return text
    }
}

/// A problem with input data: one clear sentence, with where it is and what was expected.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    /// The English sentence (tests and logs read this).
    public var message: String
    /// The Dutch sentence, from `DataMessages`; nil for the few messages only in English.
    public var dutch: String?

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(_ location: SourceLocation, _ message: Bilingual) {
        self.location = location
        self.message = message.en
        self.dutch = message.nl
    }

    public var description: String { "\(location): \(message)" }

    /// Location and sentence in the output language.
    public func text(dutch wanted: Bool) -> String {
        wanted ? "\(location.text(dutch: true)): \(dutch ?? message)" : description
    }
}
