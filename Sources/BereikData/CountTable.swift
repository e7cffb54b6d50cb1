/// Participants and residents of one dimension in the comparison area, ready for the statistics.
public struct CountTable: Sendable, Equatable {
    public let dimension: Dimension
    public let keys: [String]
    public let participants: [Int]
    public let residents: [Int]
    /// Persons left out of this dimension because their value is unknown.
    public let participantsUnknown: Int
    /// Persons left out because their buurt has no population data (or no SES score) for this dimension.
    public let participantsWithoutData: Int
    /// Buurten of the area without data for this dimension.
    public let buurtenWithoutData: [RegionCode]
    /// `area_rows` (the area's own CBS rows, exact for gemeenten) or `buurt_sum` (sum of buurt rows, rounded to 5).
    public let residentsSource: String
    /// Per category, how many CBS rows rounded to 5 were summed into its residents (0: exact,
    /// e.g. a gemeente's own row). Each can be off by up to 2.
    public let roundedRows: [Int]

    /// Builds the table for `dimension` (not `ses`; see `sesTable`).
    public static func build(_ dimension: Dimension, participants: ParticipantTable, population: PopulationTable,
                             area: Area) -> CountTable? {
        guard let values = participants.values(dimension) else { return nil }
        let keys = dimension == .origin ? population.originScheme.keys : CategoryKeys.keys(for: dimension, origin: population.originScheme, sesGroups: 0)
        var residents = [Int](repeating: 0, count: keys.count)
        var source = "area_rows"
        var lacking: [RegionCode] = []
        let areaRows = area.codes.compactMap { population.region($0) }
        var rounded = 0
        if areaRows.count == area.codes.count, areaRows.allSatisfy({ $0.counts[dimension] != nil }) {
            for row in areaRows { for (i, v) in row.counts[dimension]!.enumerated() { residents[i] += v } }
            rounded = area.codes.filter { $0.level != .gemeente }.count
        } else {
            source = "buurt_sum"
            for code in area.buurten {
                guard let counts = population.region(code)?.counts[dimension] else { lacking.append(code); continue }
                for (i, v) in counts.enumerated() { residents[i] += v }
                rounded += 1
            }
        }
        guard residents.reduce(0, +) > 0 || !lacking.isEmpty || !area.buurten.isEmpty else { return nil }
        let lackingSet = Set(lacking)
        var counts = [Int](repeating: 0, count: keys.count)
        var unknown = 0, withoutData = 0
        for p in 0..<participants.count {
            let b = participants.buurt[p]
            if b >= 0, !lackingSet.isEmpty, lackingSet.contains(participants.buurtCodes[Int(b)]) { withoutData += 1; continue }
            let v = Int(values[p])
            if v < 0 || v >= keys.count { unknown += 1 } else { counts[v] += 1 }
        }
        return CountTable(dimension: dimension, keys: keys, participants: counts, residents: residents,
                          participantsUnknown: unknown, participantsWithoutData: withoutData,
                          buurtenWithoutData: lacking, residentsSource: source,
                          roundedRows: [Int](repeating: rounded, count: keys.count))
    }

    /// Participants and residents by SES-WOA group of their buurt.
    public static func sesTable(participants: ParticipantTable, grouping: SESGrouping) -> CountTable {
        var counts = [Int](repeating: 0, count: grouping.groups)
        var unknown = 0, withoutData = 0
        let groupOfBuurt = participants.buurtCodes.map { grouping.groupOf[$0] }
        for p in 0..<participants.count {
            let b = participants.buurt[p]
            guard b >= 0 else { unknown += 1; continue }
            guard let g = groupOfBuurt[Int(b)] else { withoutData += 1; continue }
            counts[g] += 1
        }
        var buurten = [Int](repeating: 0, count: grouping.groups)
        for g in grouping.groupOf.values { buurten[g] += 1 }
        return CountTable(dimension: .ses, keys: CategoryKeys.ses(groups: grouping.groups), participants: counts,
                          residents: grouping.residents, participantsUnknown: unknown, participantsWithoutData: withoutData,
                          buurtenWithoutData: grouping.withoutScore, residentsSource: "buurt_sum", roundedRows: buurten)
    }

    public init(dimension: Dimension, keys: [String], participants: [Int], residents: [Int], participantsUnknown: Int,
                participantsWithoutData: Int, buurtenWithoutData: [RegionCode], residentsSource: String, roundedRows: [Int]? = nil) {
        self.dimension = dimension
        self.keys = keys
        self.participants = participants
        self.residents = residents
        self.participantsUnknown = participantsUnknown
        self.participantsWithoutData = participantsWithoutData
        self.buurtenWithoutData = buurtenWithoutData
        self.residentsSource = residentsSource
        self.roundedRows = roundedRows ?? [Int](repeating: 0, count: keys.count)
    }
}
