#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a CSV file is written: its separator and text encoding, detected from the first 64 KiB.
public struct CSVDialect: Sendable, Equatable {
    public var separator: UInt8
    public var encoding: TextEncoding
    public var byteOrderMark: Bool

    public var separatorName: String {
        switch separator {
        case UInt8(ascii: ";"): return "semicolon"
        case UInt8(ascii: ","): return "comma"
        case UInt8(ascii: "\t"): return "tab"
        default: return "'\(Character(Unicode.Scalar(separator)))'"
        }
    }
}

/// A streaming reader for CSV as Dutch teams have it (RFC 4180 plus what Excel writes):
/// `;`, `,` or tab separated (detected from the header line, outside quotes), UTF-8 with or without
/// BOM or Windows-1252 (detected), quoted fields with separators, doubled quotes and line breaks
/// inside, CRLF, LF or CR line ends.
///
/// Memory is one 1 MiB read buffer plus the current record; files of any length stream through.
/// Written for Bereik rather than taken from a package because the Swift CSV packages available
/// here either load the whole file into a `String` (SwiftCSV) or decode every field to `String`
/// (CSV.swift), and none detects Windows-1252 or reports line and column; see the README for the
/// measured difference.
public final class CSVReader {
    public let path: String
    public let displayName: String
    @exclusivity(unchecked) public private(set) var dialect: CSVDialect
    /// Header names, decoded and trimmed (BOM removed).
    @exclusivity(unchecked) public private(set) var header: [String] = []
    /// `header.count`, read on every record.
    @exclusivity(unchecked) private var headerWidth = 0
    /// The physical line on which the current record starts (1-based).
    @exclusivity(unchecked) public private(set) var recordLine = 0
    /// Blank lines skipped so far (not records).
    @exclusivity(unchecked) public private(set) var blankLines = 0
    /// The size of the whole source in bytes (the file's, or the text's in memory).
    public private(set) var sourceSize = 0

    /// The worksheet this text came from (`Workbook`), so locations name sheet and cell.
    public private(set) var sheet: String?
    /// nil for a chunk of another reader's text (`init(chunk:count:of:)`).
    private let file: UnsafeMutablePointer<FILE>?
    /// The bytes of an in-memory source (kept alive while `file` reads them).
    private var memory: UnsafeMutableRawPointer?
    private let capacity = 1 << 20
    private let buffer: UnsafeMutablePointer<UInt8>
    /// False when `buffer` is a chunk owned by the caller.
    private let ownsBuffer: Bool
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var end = 0
    @exclusivity(unchecked) private var atEOF = false
    @exclusivity(unchecked) private var record: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var recordCapacity = 4096
    @exclusivity(unchecked) private var recordLength = 0
    /// Where each field of the current record ends, from `recordBase`; `fieldTotal` of them.
    @exclusivity(unchecked) private var fieldEnds: UnsafeMutablePointer<Int> = .allocate(capacity: 64)
    @exclusivity(unchecked) private var fieldEndsCapacity = 64
    @exclusivity(unchecked) private var fieldTotal = 0
    /// The current record's bytes: in the read buffer when it had no quoted field, else `record`.
    @exclusivity(unchecked) private var recordBase: UnsafePointer<UInt8>
    /// Bytes between one field's end and the next one's start: 1 (the separator) in the read
    /// buffer, 0 in `record`, where quotes are removed and fields follow each other.
    @exclusivity(unchecked) private var fieldGap = 0
    @exclusivity(unchecked) private var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Opens `path`, detects the dialect (unless `separator` is given) and reads the header.
    public convenience init(path: String, displayName: String? = nil, separator: UInt8? = nil) throws {
        guard let file = fopen(path, "rb") else {
            throw DataError(SourceLocation(file: displayName ?? path), DataMessages.cannotOpen(errno: errno))
        }
        try self.init(file: file, memory: nil, path: path, displayName: displayName, separator: separator, sheet: nil, firstLine: 1)
    }

    /// Reads CSV text held in memory (a worksheet converted by `Workbook`, or a test's table)
    /// through the same code as a file.
    /// `firstLine`: the line number of the first line (a worksheet's first row with data).
    public convenience init(bytes: [UInt8], displayName: String, separator: UInt8? = nil, sheet: String? = nil, firstLine: Int = 1) throws {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        bytes.withUnsafeBytes { if let base = $0.baseAddress { memory.copyMemory(from: base, byteCount: bytes.count) } }
        guard let file = bytes.isEmpty ? fopen("/dev/null", "rb") : fmemopen(memory, bytes.count, "rb") else {
            memory.deallocate()
            throw DataError(SourceLocation(file: displayName), "cannot read the table in memory (\(String(cString: strerror(errno))))")
        }
        try self.init(file: file, memory: memory, path: displayName, displayName: displayName, separator: separator, sheet: sheet,
                      firstLine: firstLine)
        sourceSize = bytes.count
    }

    private init(file: UnsafeMutablePointer<FILE>, memory: UnsafeMutableRawPointer?, path: String, displayName: String?,
                 separator: UInt8?, sheet: String?, firstLine: Int) throws {
        self.path = path
        line = max(1, firstLine)
        self.displayName = displayName ?? path
        self.sheet = sheet
        self.memory = memory
        self.file = file
        var info = stat()
        sourceSize = fstat(fileno(file), &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 0
        buffer = .allocate(capacity: capacity)
        ownsBuffer = true
        record = .allocate(capacity: recordCapacity)
        recordBase = UnsafePointer(record)
        dialect = CSVDialect(separator: UInt8(ascii: ","), encoding: .utf8, byteOrderMark: false)
        _ = refill()
        let location = SourceLocation(file: self.displayName)
        if end == 0 { throw DataError(location, DataMessages.emptyFile) }
        let head = UnsafeBufferPointer(start: buffer, count: end)
        if end >= 4, head[0] == 0x50, head[1] == 0x4B, head[2] == 3, head[3] == 4 {
            throw DataError(location, DataMessages.zipNotCSV)
        }
        if let hit = memchr(buffer, 0, end) {
            let nul = buffer.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let line = head[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw DataError(SourceLocation(file: self.displayName, line: line),
                            DataMessages.binary)
        }
        var bom = false
        if end >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { bom = true; position = 3 }
        let encoding: TextEncoding = bom || TextEncoding.isValidUTF8Prefix(head) ? .utf8 : .windows1252
        dialect = CSVDialect(separator: separator ?? Self.detectSeparator(UnsafeBufferPointer(rebasing: head[position...])),
                             encoding: encoding, byteOrderMark: bom)
        guard try next() else { throw DataError(location, DataMessages.noHeader) }
        header = (0..<fieldCount).map { string($0).trimmingSpaces() }
        headerWidth = header.count
    }

    /// Reads the records of a chunk of `other`'s text (`ParallelAttendance`): whole records only,
    /// starting at a record's first byte, with `other`'s dialect and header; lines count from 1.
    /// The chunk stays owned by the caller and must outlive the reader.
    init(chunk: UnsafeMutablePointer<UInt8>, count: Int, of other: CSVReader) {
        path = other.path
        displayName = other.displayName
        sheet = other.sheet
        dialect = other.dialect
        header = other.header
        headerWidth = other.headerWidth
        file = nil
        buffer = chunk
        ownsBuffer = false
        end = count
        atEOF = true
        record = .allocate(capacity: recordCapacity)
        recordBase = UnsafePointer(record)
    }

    deinit {
        if let file { fclose(file) }
        memory?.deallocate()
        if ownsBuffer { buffer.deallocate() }
        record.deallocate()
        fieldEnds.deallocate()
    }

    /// The text not read yet: what is left of the read buffer, then the rest of the file. For
    /// `ParallelAttendance`, which reads on from here in chunks; this reader reads no more.
    func detachRemainder() -> (buffered: [UInt8], file: UnsafeMutablePointer<FILE>?) {
        let rest = Array(UnsafeBufferPointer(start: buffer + position, count: end - position))
        position = end
        atEOF = true
        return (rest, file)
    }

    /// Counts `;`, `,` and tab on the first line outside quotes; the most frequent wins (`;` on a tie,
    /// the Dutch Excel default). A one-column file gets `,`.
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for b in bytes {
            if b == quote { quoted.toggle(); continue }
            if !quoted && (b == lf || b == cr) { break }
            if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        let order: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]
        let best = order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }!
        return counts[best]! > 0 ? best : UInt8(ascii: ",")
    }

    /// Reads the next chunk; false at the end of the file.
    private func refill() -> Bool {
        guard let file, !atEOF else { return false }
        position = 0
        end = fread(buffer, 1, capacity, file)
        if end == 0 { atEOF = true }
        return end > 0
    }

    @inline(__always) private func nextByte() -> Int {
        if position == end, !refill() { return -1 }
        let b = buffer[position]
        position += 1
        return Int(b)
    }

    /// The first separator, line feed or carriage return in `buffer[from..<to]`, else `to`. Eight
    /// bytes at a time: a byte equal to x is a zero byte of w ^ x·0x0101…01, found with the
    /// has-zero-byte test (Mycroft 1987; Anderson, "Bit Twiddling Hacks"); its lowest flag is always
    /// a real zero, so the first delimiter is exact.
    @inline(__always) private func delimiter(from: Int, to e: Int, separator sep: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let s = UInt64(sep) &* ones, l = 0x0A &* ones, c = 0x0D &* ones
        var p = from
        let raw = UnsafeRawPointer(buffer)
        while p + 8 <= e {
            let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let a = w ^ s, b = w ^ l, d = w ^ c
            let m = ((a &- ones) & ~a | (b &- ones) & ~b | (d &- ones) & ~d) & highs
            if m != 0 { return p + m.trailingZeroBitCount >> 3 }
            p += 8
        }
        while p < e {
            let b = buffer[p]
            if b == sep || b == Self.lf || b == Self.cr { return p }
            p += 1
        }
        return e
    }

    /// Appends bytes up to the next separator or line end (not consumed), across buffer refills.
    @inline(__always) private func scanUnquoted(_ sep: UInt8) {
        while true {
            let e = end
            let p = delimiter(from: position, to: e, separator: sep)
            appendRun(buffer + position, p - position)
            position = p
            if p < e || !refill() { return }
        }
    }

    /// Inside quotes: appends bytes up to the next quote (not consumed) in bulk, across buffer
    /// refills, counting the line feeds in them.
    @inline(__always) private func scanQuoted() {
        while true {
            let e = end
            var p = position
            if let hit = memchr(buffer + p, Int32(Self.quote), e - p) {
                p = buffer.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else {
                p = e
            }
            var k = position
            while k < p, let lf = memchr(buffer + k, Int32(Self.lf), p - k) {
                line += 1
                k = buffer.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1
            }
            appendRun(buffer + position, p - position)
            position = p
            if p < e || !refill() { return }
        }
    }

    @inline(__always) private func appendRun(_ start: UnsafePointer<UInt8>, _ n: Int) {
        if n == 0 { return }
        if recordLength + n > recordCapacity { growBuffer(&record, count: recordLength, capacity: &recordCapacity, toHold: recordLength + n) }
        (record + recordLength).update(from: start, count: n)
        recordLength += n
    }

    @inline(__always) private func append(_ byte: Int) {
        if recordLength == recordCapacity { growBuffer(&record, count: recordLength, capacity: &recordCapacity, toHold: recordLength + 1) }
        record[recordLength] = UInt8(truncatingIfNeeded: byte)
        recordLength += 1
    }

    /// Number of fields in the current record.
    public var fieldCount: Int { fieldTotal }

    @inline(__always) private func endField(_ at: Int) {
        if fieldTotal == fieldEndsCapacity { growBuffer(&fieldEnds, count: fieldTotal, capacity: &fieldEndsCapacity, toHold: fieldTotal + 1) }
        fieldEnds[fieldTotal] = at
        fieldTotal += 1
    }

    /// The common record — whole in the read buffer, no field starting with a quote, not blank, no
    /// NUL — read in place without copying; false (and nothing consumed) for every other record,
    /// which `next` then reads byte by byte.
    ///
    /// One pass over the record, eight bytes at a time: each word gives a mask with a flag on every
    /// separator and on every byte below 14 (NUL, tab, LF and CR among them) — the has-zero-byte and
    /// has-less-than tests of Mycroft 1987 and Anderson's "Bit Twiddling Hacks", two tests instead of
    /// one per character — and the flags are visited lowest first. Both tests can also flag a byte
    /// above a real hit, and a control byte is no delimiter, so each flagged byte is looked at before
    /// it counts. Scanning from each field's start instead read most words twice and cost 640
    /// instructions a row (cachegrind, issue 15).
    @inline(__always) private func nextInBuffer() -> Bool {
        let start = position, e = end
        guard start < e, buffer[start] != Self.quote else { return false }
        let sep = dialect.separator
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let sv = UInt64(sep) &* ones, below14 = 0x0E &* ones
        let raw = UnsafeRawPointer(buffer)
        fieldTotal = 0
        var p = start
        while true {
            let base = p
            var m: UInt64
            if p + 8 <= e {
                let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                let a = w ^ sv
                m = ((a &- ones) & ~a | (w &- below14) & ~w) & highs
                p += 8
            } else {
                guard p < e else { return false }
                let b = buffer[p]
                m = b == sep || b == Self.lf || b == Self.cr || b == 0 ? 0x80 : 0
                p += 1
            }
            while m != 0 {
                let k = base + m.trailingZeroBitCount >> 3
                m &= m - 1
                let b = buffer[k]
                if b == sep {
                    endField(k - start)
                    guard k + 1 < e, buffer[k + 1] != Self.quote else { return false }
                } else if b == Self.lf || b == Self.cr {
                    if k == start { return false }
                    endField(k - start)
                    var after = k + 1
                    if b == Self.cr {
                        guard after < e else { return false }
                        if buffer[after] == Self.lf { after += 1 }
                    }
                    recordLine = line
                    line += 1
                    recordBase = UnsafePointer(buffer + start)
                    fieldGap = 1
                    position = after
                    return true
                } else if b == 0 {
                    return false
                }
            }
        }
    }

    /// Advances to the next non-blank record; false at the end of the file.
    /// Throws on an unbalanced quote or text after a closing quote.
    public func next() throws -> Bool {
        if nextInBuffer() { return true }
        while true {
            recordLength = 0
            fieldTotal = 0
            var c = nextByte()
            if c < 0 { return false }
            recordLine = line
            let sep = Int(dialect.separator), q = Int(Self.quote), lf = Int(Self.lf), cr = Int(Self.cr)
            while true {
                if c == q {
                    let openedOn = line
                    while true {
                        // Up to the next quote in bulk; then that quote, or the end of the text.
                        scanQuoted()
                        c = nextByte()
                        if c < 0 {
                            throw DataError(SourceLocation(file: displayName, line: openedOn, column: fieldTotal + 1,
                                                           columnName: columnName(fieldTotal)),
                                            DataMessages.unclosedQuote)
                        }
                        c = nextByte()
                        if c == q { append(q); continue }
                        break
                    }
                    while c == 0x20 { c = nextByte() }
                    if c >= 0, c != sep, c != lf, c != cr {
                        throw DataError(SourceLocation(file: displayName, line: line, column: fieldTotal + 1,
                                                       columnName: columnName(fieldTotal)),
                                        DataMessages.textAfterQuote)
                    }
                } else if c >= 0, c != sep, c != lf, c != cr {
                    position -= 1  // un-read c (it came from the current buffer) and copy the run in bulk
                    scanUnquoted(UInt8(sep))
                    c = nextByte()
                }
                endField(recordLength)
                if c == sep { c = nextByte(); continue }
                if c == cr {
                    if position < end || refill(), Int(buffer[position]) == lf { position += 1 }
                }
                if c >= 0 { line += 1 }
                break
            }
            if fieldTotal == 1 && recordLength == 0 {
                blankLines += 1
                continue
            }
            if recordLength > 0, memchr(record, 0, recordLength) != nil {
                throw DataError(SourceLocation(file: displayName, line: recordLine),
                                DataMessages.nulByte)
            }
            recordBase = UnsafePointer(record)
            fieldGap = 0
            return true
        }
    }

    private func columnName(_ index: Int) -> String? {
        index < header.count ? header[index] : nil
    }

    /// The raw bytes of field `index` of the current record (quotes removed, `""` unescaped).
    @inline(__always) public func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : fieldEnds[index - 1] + fieldGap
        return try body(UnsafeBufferPointer(start: recordBase + start, count: fieldEnds[index] - start))
    }

    /// Field `index` decoded with the file's encoding; "" when the record is shorter.
    public func string(_ index: Int) -> String {
        guard index < fieldTotal else { return "" }
        return withBytes(index) { dialect.encoding.decode($0) }
    }

    /// The location of field `index` in the current record, for error messages.
    public func location(column index: Int? = nil) -> SourceLocation {
        SourceLocation(file: displayName, line: recordLine, column: index.map { $0 + 1 },
                       columnName: index.flatMap { columnName($0) }, sheet: sheet)
    }

    /// Throws unless the current record has as many fields as the header.
    @inline(__always) public func requireHeaderWidth() throws {
        if fieldTotal != headerWidth { try fieldCountError() }
    }

    @inline(never) private func fieldCountError() throws {
        throw DataError(location(), DataMessages.fieldCount(fieldCount, header.count, dialect.separatorName))
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and non-breaking spaces (CBS pads fixed-width values).
    public func trimmingSpaces() -> String {
        // Most values have nothing to trim: ASCII other than space and tab at both ends.
        if let f = utf8.first, let l = utf8.last, f < 0x80, l < 0x80, f != 0x20, f != 0x09, l != 0x20, l != 0x09 { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
