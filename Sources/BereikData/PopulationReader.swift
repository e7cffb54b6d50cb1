import Foundation

/// Reads neighbourhood population tables in the layouts GGDs have:
/// - the CBS OData download (`Codering_3`, `AantalInwoners_5`, …; BOM, `;`, quoted, fixed-width padded),
/// - the StatLine label export (`Regioaanduiding.Codering..code.`, `Bevolking.Aantal.inwoners..aantal.`, …),
/// - a plain normalised CSV (`code,inwoners,mannen,…,herkomst_buiten_europa`),
/// - the long format `area,dimension,category,count` for anyone else's data.
/// The layout is recognised from the header; the bundled table's compact form by its magic line. Both origin schemes are read: 2022+ herkomst columns,
/// or up to 2021 westers / niet-westers with Dutch = total − westers − niet-westers.
public enum PopulationReader {
    static let codeNames = ["codering", "regioaanduidingcoderingcode", "code", "regiocode", "gwbcode",
                            "regiocodegemeentewijkbuurtcode", "wijkenenbuurten"]
    static let nameNames = ["regionaam", "wijkenenbuurten", "naam", "regioaanduidingnaam"]
    static let totalNames = ["aantalinwoners", "bevolkingaantalinwonersaantal", "inwoners", "aantalinwonersaantal", "totaal"]
    static let genderNames = [
        ["mannen", "bevolkinggeslachtmannenaantal", "geslachtmannenaantal", "man"],
        ["vrouwen", "bevolkinggeslachtvrouwenaantal", "geslachtvrouwenaantal", "vrouw"],
    ]
    static let ageNames = [
        ["k0tot15jaar", "bevolkingleeftijdsgroepen0tot15jaaraantal", "leeftijd014", "leeftijdsgroepen0tot15jaaraantal"],
        ["k15tot25jaar", "bevolkingleeftijdsgroepen15tot25jaaraantal", "leeftijd1524", "leeftijdsgroepen15tot25jaaraantal"],
        ["k25tot45jaar", "bevolkingleeftijdsgroepen25tot45jaaraantal", "leeftijd2544", "leeftijdsgroepen25tot45jaaraantal"],
        ["k45tot65jaar", "bevolkingleeftijdsgroepen45tot65jaaraantal", "leeftijd4564", "leeftijdsgroepen45tot65jaaraantal"],
        ["k65jaarofouder", "bevolkingleeftijdsgroepen65jaarofouderaantal", "leeftijd65plus", "leeftijd65", "leeftijdsgroepen65jaarofouderaantal"],
    ]
    static let herkomstNames = [
        ["herkomstnederland", "nederland", "bevolkingherkomstnederlandaantal"],
        ["herkomsteuropaexclnl", "herkomsteuropaexclusiefnederland", "europaexclusiefnederland", "bevolkingherkomsteuropaexclusiefnederlandaantal"],
        ["herkomstbuiteneuropa", "buiteneuropa", "bevolkingherkomstbuiteneuropaaantal"],
    ]
    static let westersNames = ["westerstotaal", "bevolkingpersonenmeteenmigratieachtergrondwesterstotaalaantal", "westers"]
    static let nietWestersNames = ["nietwesterstotaal", "bevolkingpersonenmeteenmigratieachtergrondnietwestersnietwesterstotaalaantal", "nietwesters"]

    public static func read(path: String, displayName: String? = nil) throws -> PopulationTable {
        if CompactPopulation.isCompact(path: path) { return try CompactPopulation.read(path: path, displayName: displayName) }
        let reader = try TableSource.open(path: path, displayName: displayName)
        let match = HeaderMatcher(reader.header)
        let file = reader.displayName
        if let area = match.column(["area", "gebied", "regio"]), let dim = match.column(["dimension", "dimensie", "kenmerk"]),
           let cat = match.column(["category", "categorie"]), let count = match.column(["count", "aantal"]) {
            return try readLong(reader, area: area, dimension: dim, category: cat, count: count)
        }
        guard let codeColumn = match.column(codeNames) else {
            throw DataError(SourceLocation(file: file, line: 1),
                            "no region code column found; expected a CBS table with 'Codering_3', 'Regioaanduiding.Codering..code.' or 'code', or the long format 'area,dimension,category,count'")
        }
        let layout = match.column(["regioaanduidingcoderingcode"]) != nil ? "statline-labels"
            : match.looksLikeOData ? "odata" : "normalised"
        let nameColumn = match.column(nameNames.filter { $0 != match.header[codeColumn].lowercased() })
        let totalColumn = match.column(totalNames)
        let genderColumns = genderNames.map { match.column($0) }
        let ageColumns = ageNames.map { match.column($0) }
        let herkomstColumns = herkomstNames.map { match.column($0) }
        let westersColumn = match.column(westersNames), nietWestersColumn = match.column(nietWestersNames)
        let scheme: OriginScheme = herkomstColumns.allSatisfy { $0 != nil } ? .herkomst : .migratieachtergrond
        let hasOldOrigin = westersColumn != nil && nietWestersColumn != nil && totalColumn != nil
        guard totalColumn != nil || genderColumns.allSatisfy({ $0 != nil }) || ageColumns.allSatisfy({ $0 != nil }) else {
            throw DataError(SourceLocation(file: file, line: 1),
                            "no population columns found (inwoners, mannen/vrouwen, age bands); is this a CBS Kerncijfers Wijken en Buurten table?")
        }

        var regions: [RegionPopulation] = []
        var clamped = 0
        var seen = Set<RegionCode>()
        while try reader.next() {
            try reader.requireHeaderWidth()
            let rawCode = reader.string(codeColumn)
            guard let code = RegionCode(rawCode) else {
                throw DataError(reader.location(column: codeColumn),
                                "'\(rawCode.trimmingSpaces())' is not a CBS region code; expected NL00, GM + 4 digits, WK + 6 or BU + 8")
            }
            guard seen.insert(code).inserted else {
                throw DataError(reader.location(column: codeColumn), "region \(code) appears twice; expected one row per region")
            }
            func cell(_ column: Int?) throws -> CountCell? {
                guard let column else { return nil }
                if let v = reader.withBytes(column, { CountCell.digits($0) }) { return .value(v) }
                return try CountCell.parse(reader.string(column), at: reader.location(column: column))
            }
            func complete(_ columns: [Int?]) throws -> [Int]? {
                var values: [Int] = []
                values.reserveCapacity(columns.count)
                for column in columns {
                    guard case .value(let v)? = try cell(column) else { return nil }
                    values.append(v)
                }
                return values
            }
            var counts = DimensionCounts()
            counts[.gender] = try complete(genderColumns)
            counts[.age] = try complete(ageColumns)
            let total: Int? = if case .value(let v)? = try cell(totalColumn) { v } else { nil }
            if scheme == .herkomst {
                counts[.origin] = try complete(herkomstColumns)
            } else if hasOldOrigin, let total, let migrant = try complete([westersColumn, nietWestersColumn]) {
                let dutch = total - migrant[0] - migrant[1]
                if dutch < 0 { clamped += 1 }
                counts[.origin] = [max(0, dutch), migrant[0], migrant[1]]
            }
            var name = nameColumn.map { reader.string($0).trimmingSpaces() } ?? ""
            if RegionCode(name) != nil { name = "" }
            regions.append(RegionPopulation(code: code, name: name, inwoners: total, counts: counts))
        }
        guard !regions.isEmpty else { throw DataError(SourceLocation(file: file), "the table has a header but no regions") }
        return PopulationTable(source: file, layout: layout, originScheme: scheme, regions: regions, clampedOriginCells: clamped)
    }

    /// `area,dimension,category,count`: dimension gender/age/origin (or geslacht/leeftijd/herkomst),
    /// category a canonical key. A dimension is complete for an area when all its keys are given.
    static func readLong(_ reader: CSVReader, area: Int, dimension: Int, category: Int, count: Int) throws -> PopulationTable {
        var cells: [RegionCode: [Dimension: [String: Int]]] = [:]
        var order: [RegionCode] = []
        var originKeys = Set<String>()
        while try reader.next() {
            try reader.requireHeaderWidth()
            let rawCode = reader.string(area)
            guard let code = RegionCode(rawCode) else {
                throw DataError(reader.location(column: area), "'\(rawCode)' is not a CBS region code; expected NL00, GM + 4 digits, WK + 6 or BU + 8")
            }
            let rawDimension = reader.string(dimension).trimmingSpaces().lowercased()
            let dim: Dimension
            switch rawDimension {
            case "gender", "geslacht": dim = .gender
            case "age", "leeftijd": dim = .age
            case "origin", "herkomst", "migratieachtergrond": dim = .origin
            default:
                throw DataError(reader.location(column: dimension), "unknown dimension '\(rawDimension)'; expected gender, age or origin")
            }
            let key = reader.string(category).trimmingSpaces().lowercased()
            let allowed = dim == .gender ? CategoryKeys.gender : dim == .age ? CategoryKeys.age
                : OriginScheme.herkomst.keys + OriginScheme.migratieachtergrond.keys
            guard allowed.contains(key) else {
                throw DataError(reader.location(column: category), "unknown \(dim.rawValue) category '\(key)'; expected one of \(allowed.joined(separator: ", "))")
            }
            if dim == .origin { originKeys.insert(key) }
            guard case .value(let v) = try CountCell.parse(reader.string(count), at: reader.location(column: count)) else { continue }
            if cells[code] == nil { order.append(code) }
            cells[code, default: [:]][dim, default: [:]][key] = v
        }
        let scheme: OriginScheme = originKeys.isSubset(of: Set(OriginScheme.herkomst.keys)) ? .herkomst : .migratieachtergrond
        if !originKeys.isEmpty && !originKeys.isSubset(of: Set(scheme.keys)) {
            throw DataError(SourceLocation(file: reader.displayName), "origin categories mix the herkomst and migratieachtergrond schemes")
        }
        let regions = order.map { code -> RegionPopulation in
            var counts = DimensionCounts()
            for (dim, values) in cells[code]! {
                let keys = dim == .gender ? CategoryKeys.gender : dim == .age ? CategoryKeys.age : scheme.keys
                let list = keys.compactMap { values[$0] }
                if list.count == keys.count { counts[dim] = list }
            }
            let total = counts[.gender].map { $0.reduce(0, +) } ?? counts[.age].map { $0.reduce(0, +) }
            return RegionPopulation(code: code, name: "", inwoners: total, counts: counts)
        }
        return PopulationTable(source: reader.displayName, layout: "long", originScheme: scheme, regions: regions)
    }
}
