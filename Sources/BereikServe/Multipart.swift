import Foundation

/// A streaming `multipart/form-data` parser: the body arrives in chunks; text fields are kept in
/// memory (small, capped), the one file part goes straight to a file in the request's private
/// directory, so a 200 MB upload never sits in memory whole.
struct MultipartParser {
    enum Problem: Error, Equatable {
        /// The body does not follow multipart/form-data (no boundary, a part without headers, no end).
        case malformed
        /// The file part is larger than the limit.
        case tooLarge
    }

    struct FilePart {
        let field: String
        /// The name the browser gave (only the last path component; never logged).
        let filename: String
        let url: URL
        var size: Int
    }

    private let delimiter: [UInt8]
    private let maxFileBytes: Int
    private let maxFieldBytes = 64 * 1024
    private let maxFields = 64
    private let openFile: (String) throws -> URL
    private var buffer: [UInt8] = []
    private enum State { case preamble, afterBoundary, headers, field(String, [UInt8]), file(FileHandle), skip, done }
    private var state: State = .preamble

    private(set) var fields: [String: String] = [:]
    private(set) var file: FilePart?

    /// `openFile(filename)` makes the file an upload is written to and returns its URL.
    init(boundary: String, maxFileBytes: Int, openFile: @escaping (String) throws -> URL) {
        self.delimiter = Array("\r\n--\(boundary)".utf8)
        self.maxFileBytes = maxFileBytes
        self.openFile = openFile
        // The first boundary has no line break before it: pretend it has.
        buffer = [13, 10]
    }

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return (1...70).contains(value.utf8.count) ? value : nil
            }
        }
        return nil
    }

    mutating func feed(_ chunk: Data) throws {
        buffer.append(contentsOf: chunk)
        try process()
    }

    /// The end of the body: everything must have been closed by the final boundary.
    mutating func finish() throws {
        if case .file(let handle) = state { try? handle.close() }
        guard case .done = state else { throw Problem.malformed }
    }

    /// Closes an open file after an error (the caller removes the directory).
    mutating func abandon() {
        if case .file(let handle) = state { try? handle.close() }
        state = .done
    }

    private mutating func process() throws {
        var consumed = 0
        defer { if consumed > 0 { buffer.removeFirst(consumed) } }
        while true {
            let available = buffer.count - consumed
            switch state {
            case .done:
                consumed = buffer.count  // the epilogue is ignored
                return
            case .preamble, .skip, .field, .file:
                if let at = Self.find(delimiter, in: buffer, from: consumed) {
                    try emit(from: consumed, to: at)
                    try closePart()
                    consumed = at + delimiter.count
                    state = .afterBoundary
                } else {
                    // Keep a tail that could be the start of the delimiter.
                    let safe = buffer.count - (delimiter.count - 1)
                    if safe > consumed {
                        try emit(from: consumed, to: safe)
                        consumed = safe
                    }
                    return
                }
            case .afterBoundary:
                guard available >= 2 else { return }
                let a = buffer[consumed], b = buffer[consumed + 1]
                consumed += 2
                if a == 45, b == 45 { state = .done }  // "--": the last boundary
                else if a == 13, b == 10 { state = .headers }
                else { throw Problem.malformed }
            case .headers:
                guard let end = Self.find([13, 10, 13, 10], in: buffer, from: consumed) else {
                    if available > 16 * 1024 { throw Problem.malformed }
                    return
                }
                let text = String(decoding: buffer[consumed..<end], as: UTF8.self)
                consumed = end + 4
                try startPart(headers: text)
            }
        }
    }

    private mutating func emit(from start: Int, to end: Int) throws {
        guard end > start else { return }
        switch state {
        case .field(let name, var value):
            guard value.count + (end - start) <= maxFieldBytes else { throw Problem.malformed }
            value.append(contentsOf: buffer[start..<end])
            state = .field(name, value)
        case .file(let handle):
            file!.size += end - start
            guard file!.size <= maxFileBytes else { throw Problem.tooLarge }
            try buffer.withUnsafeBytes { try handle.write(contentsOf: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        default:
            break
        }
    }

    private mutating func closePart() throws {
        switch state {
        case .field(let name, let value):
            fields[name] = String(decoding: value, as: UTF8.self)
        case .file(let handle):
            try handle.close()
        default:
            break
        }
        state = .skip
    }

    private mutating func startPart(headers: String) throws {
        var name: String?, filename: String?
        for line in headers.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            name = Self.parameter("name", in: String(parts[1]))
            filename = Self.parameter("filename", in: String(parts[1]))
        }
        guard let name else { throw Problem.malformed }
        if let filename {
            // One file per form; a second file part, or an empty file input, is skipped.
            guard file == nil, !filename.isEmpty else { state = .skip; return }
            let url = try openFile(Self.lastComponent(filename))
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: url.path) else { throw Problem.malformed }
            file = FilePart(field: name, filename: Self.lastComponent(filename), url: url, size: 0)
            state = .file(handle)
        } else {
            guard fields.count < maxFields else { throw Problem.malformed }
            state = .field(name, [])
        }
    }

    /// `name="value"` in a Content-Disposition header (quoted, with \" and \\ escapes, or a bare token).
    static func parameter(_ key: String, in header: String) -> String? {
        let scalars = Array(header.unicodeScalars)
        var i = 0
        while i < scalars.count {
            // Find "key=" at a parameter start.
            while i < scalars.count, scalars[i] == " " || scalars[i] == ";" || scalars[i] == "\t" { i += 1 }
            var nameEnd = i
            while nameEnd < scalars.count, scalars[nameEnd] != "=", scalars[nameEnd] != ";" { nameEnd += 1 }
            let found = String(String.UnicodeScalarView(scalars[i..<nameEnd])).trimmingCharacters(in: .whitespaces).lowercased()
            i = nameEnd
            guard i < scalars.count, scalars[i] == "=" else { i += 1; continue }
            i += 1
            var value = ""
            if i < scalars.count, scalars[i] == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != "\"" {
                    if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
                    value.unicodeScalars.append(scalars[i])
                    i += 1
                }
                i += 1
            } else {
                while i < scalars.count, scalars[i] != ";" { value.unicodeScalars.append(scalars[i]); i += 1 }
                value = value.trimmingCharacters(in: .whitespaces)
            }
            if found == key { return value }
        }
        return nil
    }

    /// The file name without any folder a browser may send (old IE sent full Windows paths).
    static func lastComponent(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last
    }

    /// The first occurrence of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count - from >= needle.count else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            needle.withUnsafeBytes { nee -> Int? in
                let base = hay.baseAddress!
                var start = from
                let last = hay.count - needle.count
                while start <= last {
                    guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, nee.baseAddress!, needle.count) == 0 { return at }
                    start = at + 1
                }
                return nil
            }
        }
    }
}
