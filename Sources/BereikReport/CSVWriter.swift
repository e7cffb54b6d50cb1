/// CSV output shared by every command. Dutch (`--lang nl`) writes `;` and decimal commas so Excel NL
/// opens it as is; English writes `,` and points. Lines end in CRLF (RFC 4180).
struct CSVWriter {
    let language: Language
    private(set) var lines: [String] = []

    /// Warnings (`Language.warnings`) come first, one cell per line, so Excel shows them above the
    /// table; programs skip them as comment lines (`#`; pandas `comment="#"`, R `comment.char="#"`).
    init(language: Language, warnings: [String] = [], header: [String]) {
        self.language = language
        // Unquoted (a quote before `#` would hide it from comment skipping); the separator becomes
        // the other list mark so the line stays one cell.
        let other = language.csvSeparator == ";" ? "," : ";"
        for w in warnings {
            lines.append("# " + w.replacingOccurrences(of: language.csvSeparator, with: other).replacingOccurrences(of: "\"", with: "'")
                .filter { !$0.isNewline })
        }
        lines.append(header.map { Self.cell($0, separator: language.csvSeparator) }.joined(separator: language.csvSeparator))
    }

    mutating func row(_ cells: [String]) {
        lines.append(cells.map { Self.cell($0, separator: language.csvSeparator) }.joined(separator: language.csvSeparator))
    }

    var text: String { lines.joined(separator: "\r\n") + "\r\n" }

    /// A count cell: the number, or the withheld label.
    func count(_ c: PublishedCount, _ control: DisclosureControl?) -> String {
        c.value.map(String.init) ?? control?.label ?? ""
    }

    /// One CSV cell: quoted when needed, and neutralised (leading `'`) when Excel would read it as a
    /// formula (a cell starting with `=`, `+`, `-`, `@`, tab or CR that is not a number).
    static func cell(_ text: String, separator: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
           Double(value.replacingOccurrences(of: ",", with: ".")) == nil {
            value = "'" + value
        }
        if value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r") {
            value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
