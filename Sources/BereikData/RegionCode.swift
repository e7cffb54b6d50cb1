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
        let parsed: (level: RegionLevel, raw: String)? = withUnsafeBytes(of: &chars) { buffer in
            let c = buffer.bindMemory(to: UInt8.self)
            let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
            for i in 2..<count {
                guard isDigit(c[i]) || (i >= 6 && c[i] >= 65 && c[i] <= 90) else { return nil }
            }
            let level: RegionLevel
            switch (c[0], c[1], count - 2) {
            case (78, 76, 2): level = .country   // NL
            case (71, 77, 4): level = .gemeente  // GM
            case (87, 75, 6): level = .wijk      // WK
            case (66, 85, 8): level = .buurt     // BU
            default: return nil
            }
            return (level, String(decoding: UnsafeBufferPointer(rebasing: c[0..<count]), as: UTF8.self))
        }
        guard let parsed else { return nil }
        self.level = parsed.level
        self.raw = parsed.raw
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
        return other.level >= level && other.raw.utf8.dropFirst(2).starts(with: raw.utf8.dropFirst(2))
    }

    /// The regions this one lies in, from the gemeente down to itself (no country).
    public var lineage: [RegionCode] {
        switch level {
        case .country: return []
        case .gemeente: return [self]
        case .wijk: return [RegionCode("GM" + digits.prefix(4))!, self]
        case .buurt: return [RegionCode("GM" + digits.prefix(4))!, RegionCode("WK" + digits.prefix(6))!, self]
        }
    }

    /// The gemeente code of a wijk or buurt.
    public var gemeente: RegionCode? { level == .country ? nil : RegionCode("GM" + digits.prefix(4)) }

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
