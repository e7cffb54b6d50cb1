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
        var chars: [UInt8] = []
        for b in text.utf8 where b != 32 && b != 9 { chars.append(b >= 97 && b <= 122 ? b - 32 : b) }
        guard chars.count >= 4 else { return nil }
        let prefix = String(decoding: chars[0..<2], as: UTF8.self)
        let digits = chars[2...]
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        guard digits.prefix(4).allSatisfy(isDigit), digits.allSatisfy({ isDigit($0) || ($0 >= 65 && $0 <= 90) }) else { return nil }
        switch (prefix, digits.count) {
        case ("NL", 2): level = .country
        case ("GM", 4): level = .gemeente
        case ("WK", 6): level = .wijk
        case ("BU", 8): level = .buurt
        default: return nil
        }
        raw = String(decoding: chars, as: UTF8.self)
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
