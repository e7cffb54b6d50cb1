/// The text encodings Bereik reads: UTF-8 (with or without BOM) and Windows-1252, which Excel on a
/// Dutch Windows machine writes for "CSV (gescheiden door lijstscheidingsteken)".
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// Decodes one field. ASCII is the fast path. A file detected as UTF-8 can still hold a stray
    /// Windows-1252 field (a pasted name): a field that is not valid UTF-8 is decoded as
    /// Windows-1252, so `é` and `ë` survive either way.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if self == .utf8, let text = String(validating: bytes, as: UTF8.self) { return text }
        return Self.windows1252String(bytes)
    }

    static func windows1252String(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? windows1252High[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Windows-1252 code points 0x80–0x9F (the rest equals Latin-1); undefined bytes map to U+FFFD.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Whether `bytes` are valid UTF-8, ignoring a sequence cut off at the very end (a chunk border).
    static func isValidUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress)
        while i < n {
            // Eight ASCII bytes at a time (the usual case), then one sequence byte by byte.
            if let base {
                while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 }
            else { return false }
            if i + length > n { return true }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
