import BereikData

/// A small TOML reader for Bereik's project file: `[table]` headers, `key = value` with basic and
/// literal strings, integers, floats, booleans and (multi-line) arrays of those, and comments.
/// Bereik does not use TOMLKit because its package requires swift-checkit, which is not available
/// to this project's builds; the subset here is all `bereik.toml` needs, and every error names the
/// file, line and key.
public struct TOMLSubset: Sendable {
    public enum Value: Sendable, Equatable {
        case string(String), integer(Int), float(Double), bool(Bool), array([Value])
    }

    /// Values by "table.key" (top-level keys without a table), with the line each came from.
    public let values: [String: (value: Value, line: Int)]
    public let source: String

    public init(text: String, source: String) throws {
        var values: [String: (value: Value, line: Int)] = [:]
        var table = ""
        var pending: (key: String, text: String, line: Int)?
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = Self.stripComment(String(raw)).trimmingSpaces()
            if var p = pending {
                p.text += " " + line
                if Self.balanced(p.text) {
                    values[p.key] = (try Self.parseValue(p.text, key: p.key, line: p.line, source: source), p.line)
                    pending = nil
                } else {
                    pending = p
                }
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[["), line.count > 2 else {
                    throw DataError(SourceLocation(file: source, line: number), ProjectMessages.tableHeader(line))
                }
                table = String(line.dropFirst().dropLast()).trimmingSpaces()
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw DataError(SourceLocation(file: source, line: number), ProjectMessages.keyValue(line))
            }
            let name = String(line[..<eq]).trimmingSpaces().trimmingCharacters(in: "\"")
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw DataError(SourceLocation(file: source, line: number), ProjectMessages.invalidKey(name))
            }
            let key = table.isEmpty ? name : "\(table).\(name)"
            guard values[key] == nil else {
                throw DataError(SourceLocation(file: source, line: number), ProjectMessages.definedTwice(key))
            }
            let valueText = String(line[line.index(after: eq)...]).trimmingSpaces()
            if valueText.hasPrefix("[") && !Self.balanced(valueText) {
                pending = (key, valueText, number)
                continue
            }
            values[key] = (try Self.parseValue(valueText, key: key, line: number, source: source), number)
        }
        if let p = pending {
            throw DataError(SourceLocation(file: source, line: p.line), ProjectMessages.arrayNeverClosed(p.key))
        }
        self.values = values
        self.source = source
    }

    static func stripComment(_ line: String) -> String {
        var inString: Character?
        var out = ""
        var previous: Character = " "
        for ch in line {
            if let q = inString {
                if ch == q && !(q == "\"" && previous == "\\") { inString = nil }
            } else if ch == "\"" || ch == "'" {
                inString = ch
            } else if ch == "#" {
                break
            }
            out.append(ch)
            previous = ch
        }
        return out
    }

    static func balanced(_ text: String) -> Bool {
        var depth = 0
        var inString: Character?
        for ch in text {
            if let q = inString { if ch == q { inString = nil }; continue }
            if ch == "\"" || ch == "'" { inString = ch } else if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
        }
        return depth == 0
    }

    static func parseValue(_ text: String, key: String, line: Int, source: String) throws -> Value {
        let fail = { (what: Bilingual) in DataError(SourceLocation(file: source, line: line), ProjectMessages.key(key, what)) }
        let t = text.trimmingSpaces()
        if t.isEmpty { throw fail(ProjectMessages.valueMissing) }
        if t.hasPrefix("\"") {
            guard t.count >= 2, t.hasSuffix("\"") else { throw fail(ProjectMessages.doubleQuoteOpen) }
            var out = "", escape = false
            for ch in t.dropFirst().dropLast() {
                if escape {
                    switch ch {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\\": out.append("\\")
                    case "\"": out.append("\"")
                    default: throw fail(ProjectMessages.unknownEscape(ch))
                    }
                    escape = false
                } else if ch == "\\" {
                    escape = true
                } else {
                    out.append(ch)
                }
            }
            return .string(out)
        }
        if t.hasPrefix("'") {
            guard t.count >= 2, t.hasSuffix("'") else { throw fail(ProjectMessages.singleQuoteOpen) }
            return .string(String(t.dropFirst().dropLast()))
        }
        if t == "true" { return .bool(true) }
        if t == "false" { return .bool(false) }
        if t.hasPrefix("[") {
            guard t.hasSuffix("]") else { throw fail(ProjectMessages.arrayOpen) }
            var items: [Value] = []
            var current = "", depth = 0
            var inString: Character?
            for ch in t.dropFirst().dropLast() {
                if let q = inString { current.append(ch); if ch == q { inString = nil }; continue }
                if ch == "\"" || ch == "'" { inString = ch }
                if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
                if ch == "," && depth == 0 {
                    if !current.trimmingSpaces().isEmpty { items.append(try parseValue(current, key: key, line: line, source: source)) }
                    current = ""
                } else {
                    current.append(ch)
                }
            }
            if !current.trimmingSpaces().isEmpty { items.append(try parseValue(current, key: key, line: line, source: source)) }
            return .array(items)
        }
        let number = t.replacingOccurrences(of: "_", with: "")
        if let i = Int(number) { return .integer(i) }
        if let d = Double(number) { return .float(d) }
        throw fail(ProjectMessages.notAValue(t))
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
