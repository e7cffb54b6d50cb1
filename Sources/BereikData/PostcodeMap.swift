/// PC6 postcode → buurt, from CBS's "Buurt, wijk en gemeente per postcode" tables
/// (`PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024`, buurt as 8 digits) or any file with a
/// postcode column and a buurt code column. When house numbers of one PC6 lie in different
/// buurten, the PC6 goes to the buurt holding most of its rows (ties: the lowest code).
public struct PostcodeMap: Sendable {
    public let source: String
    public let buurtByPostcode: [String: RegionCode]
    /// PC6s whose addresses span more than one buurt.
    public let splitPostcodes: Int

    public init(source: String, buurtByPostcode: [String: RegionCode], splitPostcodes: Int = 0) {
        self.source = source
        self.buurtByPostcode = buurtByPostcode
        self.splitPostcodes = splitPostcodes
    }

    public func buurt(forPostcode raw: String) -> RegionCode? {
        Self.normalise(raw).flatMap { buurtByPostcode[$0] }
    }

    /// "1012 ab" → "1012AB"; nil unless four digits (first not 0) and two letters.
    public static func normalise(_ raw: String) -> String? {
        var out: [UInt8] = []
        for b in raw.utf8 where b != 32 && b != 9 && b != 45 { out.append(b >= 97 && b <= 122 ? b - 32 : b) }
        guard out.count == 6, out[0] >= 49 && out[0] <= 57, out[1...3].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              out[4...5].allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    public static func read(path: String, displayName: String? = nil) throws -> PostcodeMap {
        let reader = try TableSource.open(path: path, displayName: displayName)
        let match = HeaderMatcher(reader.header)
        guard let pc = match.column(["pc6", "postcode", "postcode6", "pc"]) else {
            throw DataError(SourceLocation(file: reader.displayName, line: 1), "no postcode column found; expected 'PC6' or 'postcode'")
        }
        guard let bu = match.column(["buurtcode", "buurt", "bu"]) ?? match.column(containing: [["buurt"]]) else {
            throw DataError(SourceLocation(file: reader.displayName, line: 1), "no buurt column found; expected e.g. 'Buurt2024' or 'buurtcode'")
        }
        var tallies: [String: [RegionCode: Int]] = [:]
        while try reader.next() {
            try reader.requireHeaderWidth()
            let rawPostcode = reader.string(pc)
            guard let postcode = normalise(rawPostcode) else {
                throw DataError(reader.location(column: pc), "'\(rawPostcode)' is not a PC6 postcode; expected four digits and two letters")
            }
            let rawBuurt = reader.string(bu)
            guard let buurt = RegionCode(buurtDigits: rawBuurt) else {
                throw DataError(reader.location(column: bu), "'\(rawBuurt)' is not a buurt code; expected BU + 8 digits or 8 digits")
            }
            tallies[postcode, default: [:]][buurt, default: 0] += 1
        }
        var map: [String: RegionCode] = [:]
        var split = 0
        for (postcode, counts) in tallies {
            if counts.count > 1 { split += 1 }
            map[postcode] = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
        }
        return PostcodeMap(source: reader.displayName, buurtByPostcode: map, splitPostcodes: split)
    }
}
