/// The level of a CBS region.
public enum RegionLevel: String, Sendable, Codable, Comparable {
    case country = "land", gemeente, wijk, buurt

    public static func < (a: RegionLevel, b: RegionLevel) -> Bool { a.rank < b.rank }
    var rank: Int { switch self { case .country: 0; case .gemeente: 1; case .wijk: 2; case .buurt: 3 } }
}

/// A CBS region code: `NL00`, `GM` + 4 digits, `WK` + 6 or `BU` + 8 characters that nest: buurt
/// BU03630000 lies in wijk WK036300 in gemeente GM0363. The gemeente part is 4 digits; since 2022
/// the wijk and buurt parts may hold capital letters (Amsterdam: WK0363AA, BU0363AA01).
public struct RegionCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let raw: String
    public let level: RegionLevel
    /// The characters after the two-letter prefix, packed big-endian and zero-padded: hashing,
    /// equality and nesting compare one integer instead of text (the bundled table indexes 18,000
    /// codes per run, and the default area tests every buurt against every gemeente; issue 15).
    let key: UInt64

    /// A code whose parts are already known to be valid (the compact population form).
    init(level: RegionLevel, key: UInt64) {
        self.level = level
        self.key = key
        let prefix: (UInt8, UInt8) = switch level {
        case .country: (78, 76)
        case .gemeente: (71, 77)
        case .wijk: (87, 75)
        case .buurt: (66, 85)
        }
        let length = 2 + Self.digitCount(level)
        self.raw = String(unsafeUninitializedCapacity: length) { buffer in
            buffer[0] = prefix.0
            buffer[1] = prefix.1
            for i in 0..<(length - 2) { buffer[2 + i] = UInt8(truncatingIfNeeded: key >> (56 - 8 * UInt64(i))) }
            return length
        }
    }

    /// Character `i` after the prefix: a digit in the gemeente part, a digit or capital after it.
    @inline(__always) static func isCodeCharacter(_ b: UInt8, at i: Int) -> Bool {
        (b >= 48 && b <= 57) || (i >= 4 && b >= 65 && b <= 90)
    }

    /// Whether `key` could come from a code of `level`: code characters, zeros past the level's length.
    static func isValidKey(_ key: UInt64, level: RegionLevel) -> Bool {
        let n = digitCount(level)
        return (0..<8).allSatisfy { i in
            let b = UInt8(truncatingIfNeeded: key >> (56 - 8 * UInt64(i)))
            return i < n ? isCodeCharacter(b, at: i) : b == 0
        }
    }

    static func digitCount(_ level: RegionLevel) -> Int {
        switch level { case .country: 2; case .gemeente: 4; case .wijk: 6; case .buurt: 8 }
    }

    /// The key's bits that a region of `level` fixes.
    static func keyMask(_ level: RegionLevel) -> UInt64 {
        ~UInt64(0) << (64 - 8 * UInt64(digitCount(level)))
    }

    public static func == (a: RegionCode, b: RegionCode) -> Bool { a.key == b.key && a.level == b.level }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(level.rank)
    }

    /// Parses a code, ignoring case and padding ("BU03630000  ", "bu03630000"); nil when it is not one.
    public init?(_ text: some StringProtocol) {
        // Bytes on the stack: a code has at most 10 characters (population tables parse 36,000 a run).
        var chars: (UInt64, UInt64) = (0, 0)
        var count = 0
        let ok: Bool = withUnsafeMutableBytes(of: &chars) { buffer in
            for b in text.utf8 where b != 32 && b != 9 {
                guard count < 16 else { return false }
                buffer[count] = b >= 97 && b <= 122 ? b - 32 : b
                count += 1
            }
            return true
        }
        guard ok, count >= 4, count <= 10 else { return nil }
        let parsed: (level: RegionLevel, raw: String, key: UInt64)? = withUnsafeBytes(of: &chars) { buffer in
            let c = buffer.bindMemory(to: UInt8.self)
            for i in 2..<count {
                guard Self.isCodeCharacter(c[i], at: i - 2) else { return nil }
            }
            let level: RegionLevel
            switch (c[0], c[1], count - 2) {
            case (78, 76, 2): level = .country   // NL
            case (71, 77, 4): level = .gemeente  // GM
            case (87, 75, 6): level = .wijk      // WK
            case (66, 85, 8): level = .buurt     // BU
            default: return nil
            }
            var key: UInt64 = 0
            for i in 2..<count { key |= UInt64(c[i]) << (56 - 8 * UInt64(i - 2)) }
            return (level, String(decoding: UnsafeBufferPointer(rebasing: c[0..<count]), as: UTF8.self), key)
        }
        guard let parsed else { return nil }
        self.level = parsed.level
        self.raw = parsed.raw
        self.key = parsed.key
    }

    /// A buurt code from 8 digits without prefix, as in CBS's postcode tables.
    public init?(buurtDigits text: some StringProtocol) {
        let trimmed = String(text).trimmingSpaces()
        if let code = RegionCode(trimmed), code.level == .buurt { self = code; return }
        guard trimmed.count == 8, trimmed.allSatisfy(\.isASCII) else { return nil }
        self.init("BU" + trimmed.uppercased())
    }

    public var digits: Substring { raw.dropFirst(2) }

    /// Whether `other` lies in this region (or is it).
    public func contains(_ other: RegionCode) -> Bool {
        if level == .country { return true }
        return other.level >= level && other.key & Self.keyMask(level) == key
    }

    /// The regions this one lies in, from the gemeente down to itself (no country).
    public var lineage: [RegionCode] {
        switch level {
        case .country: return []
        case .gemeente: return [self]
        case .wijk: return [RegionCode(level: .gemeente, key: key & Self.keyMask(.gemeente)), self]
        case .buurt: return [RegionCode(level: .gemeente, key: key & Self.keyMask(.gemeente)),
                             RegionCode(level: .wijk, key: key & Self.keyMask(.wijk)), self]
        }
    }

    /// The gemeente code of a wijk or buurt.
    public var gemeente: RegionCode? {
        level == .country ? nil : RegionCode(level: .gemeente, key: key & Self.keyMask(.gemeente))
    }

    public static func < (a: RegionCode, b: RegionCode) -> Bool { a.raw < b.raw }
    public var description: String { raw }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = RegionCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a CBS region code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}
