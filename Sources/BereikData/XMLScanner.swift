/// A small XML scanner for the parts of a workbook: elements, attributes, text, the five named
/// entities and character references, CDATA; comments, processing instructions and DOCTYPE are
/// skipped (no entity is ever defined or expanded). Names lose their namespace prefix.
///
/// Written for Bereik because Foundation's `XMLParser` on Linux traps (a Swift runtime crash, not
/// an error) on some malformed workbooks: libFuzzer found a damaged `xl/workbook.xml` that stops
/// the process inside `_NSXMLParserStartElementNs` (swift-corelibs-foundation, Swift 6.3). A
/// damaged file must be an error with advice, never a crash. XMLCoder and SWXMLHash sit on the same
/// parser. This scanner is bounds-checked Swift over the bytes; see README ("Excel workbooks") for
/// its speed beside `XMLParser`.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String])
    func end(_ name: String)
    /// Text of the current element (decoded); called only when `wantsText` is true.
    func text(_ text: String)
    var wantsText: Bool { get }
}

struct XMLScanError: Error {
    let offset: Int
    let reason: String
}

enum XMLScanner {
    static func scan(_ bytes: [UInt8], _ handler: XMLEventHandler) throws {
        try bytes.withUnsafeBufferPointer { try scan($0, handler) }
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>, _ handler: XMLEventHandler) throws {
        let n = b.count
        var i = 0
        var depth = 0
        func fail(_ reason: String) -> XMLScanError { XMLScanError(offset: i, reason: reason) }
        func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        func isNameByte(_ c: UInt8) -> Bool { !isSpace(c) && c != 0x3E && c != 0x2F && c != 0x3D && c != 0x3C && c != 0x22 && c != 0x27 }
        /// Skips to just past `terminator`; fails when it never comes.
        func skip(past terminator: [UInt8], what: String) throws {
            while i + terminator.count <= n {
                if b[i] == terminator[0], (0..<terminator.count).allSatisfy({ b[i + $0] == terminator[$0] }) { i += terminator.count; return }
                i += 1
            }
            throw fail("unterminated \(what)")
        }
        func name() throws -> String {
            let start = i
            while i < n, isNameByte(b[i]) { i += 1 }
            guard i > start else { throw fail("expected a name") }
            var from = start
            for k in start..<i where b[k] == 0x3A { from = k + 1 }  // "x:c" → "c"
            guard from < i else { throw fail("empty local name") }
            return String(decoding: UnsafeBufferPointer(rebasing: b[from..<i]), as: UTF8.self)
        }

        while i < n {
            if b[i] != 0x3C {  // text up to the next '<'
                let start = i
                while i < n, b[i] != 0x3C { i += 1 }
                if handler.wantsText { handler.text(try decode(UnsafeBufferPointer(rebasing: b[start..<i]), at: start)) }
                continue
            }
            guard i + 1 < n else { throw fail("a lone '<' at the end") }
            switch b[i + 1] {
            case 0x3F:  // <? ... ?>
                i += 2
                try skip(past: [0x3F, 0x3E], what: "processing instruction")
            case 0x21:  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >
                if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    i += 4
                    try skip(past: [0x2D, 0x2D, 0x3E], what: "comment")
                } else if i + 8 < n, Array(b[i + 2..<i + 9]) == Array("[CDATA[".utf8) {
                    i += 9
                    let start = i
                    try skip(past: [0x5D, 0x5D, 0x3E], what: "CDATA section")
                    if handler.wantsText { handler.text(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i - 3]), as: UTF8.self)) }
                } else {
                    i += 2
                    try skip(past: [0x3E], what: "declaration")
                }
            case 0x2F:  // </name>
                i += 2
                let element = try name()
                while i < n, isSpace(b[i]) { i += 1 }
                guard i < n, b[i] == 0x3E else { throw fail("expected '>' after </\(element)") }
                i += 1
                depth -= 1
                guard depth >= 0 else { throw fail("</\(element)> closes nothing") }
                handler.end(element)
            default:  // <name attr="value" ...> or />
                i += 1
                let element = try name()
                var attributes: [String: String] = [:]
                var selfClosing = false
                while true {
                    while i < n, isSpace(b[i]) { i += 1 }
                    guard i < n else { throw fail("unterminated <\(element)") }
                    if b[i] == 0x3E { i += 1; break }
                    if b[i] == 0x2F {
                        guard i + 1 < n, b[i + 1] == 0x3E else { throw fail("expected '/>' in <\(element)") }
                        i += 2
                        selfClosing = true
                        break
                    }
                    let attribute = try name()
                    while i < n, isSpace(b[i]) { i += 1 }
                    guard i < n, b[i] == 0x3D else { throw fail("expected '=' after \(attribute)") }
                    i += 1
                    while i < n, isSpace(b[i]) { i += 1 }
                    guard i < n, b[i] == 0x22 || b[i] == 0x27 else { throw fail("expected a quoted value for \(attribute)") }
                    let quote = b[i]
                    i += 1
                    let start = i
                    while i < n, b[i] != quote { i += 1 }
                    guard i < n else { throw fail("unterminated value of \(attribute)") }
                    attributes[attribute] = try decode(UnsafeBufferPointer(rebasing: b[start..<i]), at: start)
                    i += 1
                }
                handler.start(element, attributes)
                if selfClosing { handler.end(element) } else { depth += 1 }
            }
        }
        guard depth == 0 else { throw XMLScanError(offset: n, reason: "\(depth) element(s) not closed") }
    }

    /// Text with entities decoded; invalid UTF-8 becomes U+FFFD, an unknown entity stays as written.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x26, let semicolon = bytes[i...].prefix(12).firstIndex(of: 0x3B) else {
                out.append(bytes[i]); i += 1; continue
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: bytes[i + 1..<semicolon]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = semicolon + 1
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 1-based line of a byte offset, for error messages.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
