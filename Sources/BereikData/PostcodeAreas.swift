/// Four-digit postcode (PC4) → gemeente and wijk, from CBS address counts ("Buurt, wijk en gemeente
/// 2024 voor postcode huisnummer", aggregated to PC4: `pc4,gemeentecode2024,n_adressen,aandeel`
/// and `pc4,wijkcode2024,…`). Lets a participant with only a postcode be placed without a PC6
/// table: in the wijk when all addresses of the PC4 lie in one wijk (2,471 of 4,072 PC4 areas in
/// 2024) or at least 99% of them do, else in the gemeente — and within an area of several wijken
/// that together hold all its addresses, in that area (exact for all but 20 PC4 areas that span two gemeenten; those go
/// to the gemeente with most addresses and are counted as approximate).
public struct PostcodeAreas: Sendable {
    public let source: String
    /// PC4 → its wijk: the only one, or the one holding at least 99% of its addresses (3071:
    /// 9,024 addresses in Feijenoord, 1 elsewhere).
    public let wijk: [Int: RegionCode]
    /// PC4 → every wijk holding any of its addresses, most addresses first.
    public let wijken: [Int: [RegionCode]]
    /// PC4 → the gemeente holding all (or, when `split` holds it, most) of its addresses.
    public let gemeente: [Int: RegionCode]
    /// PC4 areas whose addresses lie in more than one gemeente.
    public let split: Set<Int>

    /// The PC4 of a postcode as people write it: "3073 AB", "3073ab", "3073"; nil otherwise.
    public static func pc4(_ raw: String) -> Int? {
        var digits = 0, value = 0, letters = 0
        for b in raw.utf8 where b != 32 && b != 9 && b != 45 {
            if b >= 48 && b <= 57, letters == 0, digits < 4 { value = value * 10 + Int(b - 48); digits += 1; continue }
            if (b >= 65 && b <= 90) || (b >= 97 && b <= 122), digits == 4, letters < 2 { letters += 1; continue }
            return nil
        }
        guard digits == 4, letters != 1, value >= 1000 else { return nil }
        return value
    }

    public static func read(gemeentePath: String, wijkPath: String) throws -> PostcodeAreas {
        func rows(_ path: String, level: RegionLevel) throws -> [Int: [(RegionCode, Int)]] {
            let reader = try CSVReader(path: path)
            let match = HeaderMatcher(reader.header)
            guard let pc = match.column(["pc4", "postcode"]),
                  let code = match.column(containing: [[level.rawValue]]),
                  let n = match.column(["nadressen", "adressen"]) else {
                throw DataError(SourceLocation(file: reader.displayName, line: 1), "expected columns pc4, \(level.rawValue)code and n_adressen")
            }
            var out: [Int: [(RegionCode, Int)]] = [:]
            while try reader.next() {
                try reader.requireHeaderWidth()
                guard let p = Int(reader.string(pc).trimmingSpaces()), let c = RegionCode(reader.string(code)), c.level == level,
                      let count = Int(reader.string(n).trimmingSpaces()), count >= 0 else {
                    throw DataError(reader.location(), "expected a PC4, a \(level.rawValue) code and an address count")
                }
                out[p, default: []].append((c, count))
            }
            return out
        }
        let byGemeente = try rows(gemeentePath, level: .gemeente)
        let byWijk = try rows(wijkPath, level: .wijk)
        var gemeente: [Int: RegionCode] = [:], split = Set<Int>(), wijk: [Int: RegionCode] = [:]
        for (p, list) in byGemeente {
            let inhabited = list.filter { $0.1 > 0 }
            if inhabited.count > 1 { split.insert(p) }
            gemeente[p] = list.max { ($0.1, $1.0) < ($1.1, $0.0) }!.0
        }
        var wijken: [Int: [RegionCode]] = [:]
        for (p, list) in byWijk {
            let inhabited = list.filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            let total = inhabited.reduce(0) { $0 + $1.1 }
            wijken[p] = inhabited.map(\.0)
            if let top = inhabited.first, total > 0, top.1 * 100 >= total * 99 { wijk[p] = top.0 }
        }
        return PostcodeAreas(source: gemeentePath, wijk: wijk, gemeente: gemeente, split: split, wijken: wijken)
    }

    public init(source: String, wijk: [Int: RegionCode], gemeente: [Int: RegionCode], split: Set<Int>, wijken: [Int: [RegionCode]] = [:]) {
        self.source = source
        self.wijk = wijk
        self.wijken = wijken
        self.gemeente = gemeente
        self.split = split
    }
}
