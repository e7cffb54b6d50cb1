/// Residents of one CBS region, by dimension. A dimension is present only when every one of its
/// categories has a value: CBS's `.` (or `NA`, empty) means unknown, never zero.
public struct RegionPopulation: Sendable, Equatable {
    public let code: RegionCode
    public let name: String
    /// CBS's total column (rounded separately from the categories at wijk/buurt level).
    public let inwoners: Int?
    /// Per dimension, counts in the order of `CategoryKeys` (origin: the table's scheme).
    public let counts: DimensionCounts

    public init(code: RegionCode, name: String, inwoners: Int?, counts: DimensionCounts) {
        self.code = code
        self.name = name
        self.inwoners = inwoners
        self.counts = counts
    }
}

/// A neighbourhood population table (CBS Kerncijfers Wijken en Buurten or the long format).
public struct PopulationTable: Sendable {
    public let source: String
    /// `odata`, `statline-labels`, `normalised` or `long`.
    public let layout: String
    public let originScheme: OriginScheme
    /// Regions in file order.
    public let regions: [RegionPopulation]
    /// Origin counts derived as total − westers − niet-westers that came out negative (rounding) and were set to 0.
    public let clampedOriginCells: Int
    private let index: [RegionCode: Int]

    /// The table with empty region names filled from `names` (e.g. the SES-WOA file's, when the
    /// population download has codes only), so areas are said by name.
    public func naming(_ names: [RegionCode: String]) -> PopulationTable {
        guard !names.isEmpty else { return self }
        let named = regions.map { r in
            r.name.isEmpty || r.name == r.code.raw ? RegionPopulation(code: r.code, name: names[r.code] ?? r.name, inwoners: r.inwoners, counts: r.counts) : r
        }
        return PopulationTable(source: source, layout: layout, originScheme: originScheme, regions: named, clampedOriginCells: clampedOriginCells)
    }

    public init(source: String, layout: String, originScheme: OriginScheme, regions: [RegionPopulation], clampedOriginCells: Int = 0) {
        self.source = source
        self.layout = layout
        self.originScheme = originScheme
        self.regions = regions
        self.clampedOriginCells = clampedOriginCells
        var index: [RegionCode: Int] = [:]
        index.reserveCapacity(regions.count)
        for (i, r) in regions.enumerated() { index[r.code] = i }
        self.index = index
    }

    public func region(_ code: RegionCode) -> RegionPopulation? { index[code].map { regions[$0] } }

    /// Buurten lying in any of `area` (all buurten when `area` is empty).
    public func buurten(in area: [RegionCode]) -> [RegionPopulation] {
        buurtIndices(in: area).map { regions[$0] }
    }

    /// The codes of `buurten(in:)`, without copying the regions.
    public func buurtCodes(in area: [RegionCode]) -> [RegionCode] {
        buurtIndices(in: area).map { regions[$0].code }
    }

    private func buurtIndices(in area: [RegionCode]) -> [Int] {
        let everything = area.isEmpty || area.contains { $0.level == .country }
        if everything { return regions.indices.filter { regions[$0].code.level == .buurt } }
        // By each level's part of the code in a set: the default area of a national file holds
        // every gemeente, and testing each buurt against each of them cost 67 M instructions.
        var parts: [RegionLevel: Set<UInt64>] = [:]
        for code in area { parts[code.level, default: []].insert(code.key) }
        let levels = parts.map { (mask: RegionCode.keyMask($0.key), keys: $0.value) }
        return regions.indices.filter { i in
            let code = regions[i].code
            return code.level == .buurt && levels.contains { $0.keys.contains(code.key & $0.mask) }
        }
    }

    /// Dimensions for which at least one region has counts.
    public var dimensions: Set<Dimension> { Set(regions.flatMap { $0.counts.keys }) }
}
