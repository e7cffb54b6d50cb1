import BereikData
import BereikStats
import Foundation

/// What a map of the area needs beside the published numbers: the outlines of its buurten, which
/// buurten have none, and per under-reached group its residents per buurt (CBS, public).
public struct MapData: Sendable {
    public let boundaries: Boundaries
    /// The area's buurten that have an outline, in the area's order.
    public let drawn: [RegionCode]
    /// The area's buurten without an outline (listed under the map, never silently dropped).
    public let notDrawn: [RegionCode]
    /// Per under-reached group ("gender.man"): residents of the group per buurt.
    public let groupResidents: [String: [RegionCode: Int]]
    /// Names of the area's buurten (population table, else the boundary file).
    public let names: [RegionCode: String]
}

/// Why there is no map (exit 1 in `bereik map`; a note in the report).
public enum MapProblem: Error, Sendable, Equatable {
    /// No bundled boundaries for the population table's year and area.
    case noBundledBoundaries(year: Int?)
    /// The boundaries do not fit the population table's buurten (another year).
    case otherYear(boundaries: String, populationYear: Int?, missing: Int, of: Int)
    /// The area has no buurten to draw.
    case noBuurten
}

/// `bereik map`: compare and the heterogeneity across buurten (as the report computes them), with
/// the area's outlines — bundled (CBS 2024 for every gemeente; Amsterdam 2019 for the example) or
/// `--boundaries FILE` (GeoJSON, WGS84 or RD New, matched on the CBS code).
public enum MapPipeline {
    public static func run(_ request: AnalysisRequest, boundaries path: String?, title: String? = nil) throws -> ReportResult {
        let inputs = try PreparedInputs(request)
        let compare = try ComparePipeline.run(request, inputs: inputs)
        let buurten = try HeterogeneityPipeline.run(request, by: .buurt, inputs: inputs)
        var result = ReportResult(compare: compare, buurten: buurten, activities: nil, gradient: nil, trend: nil, files: [], title: title ?? "")
        result.whereMissing = WhereMissing.build(compare, inputs: inputs)
        result.map = try data(inputs, compare: compare, whereMissing: result.whereMissing, boundaries: path)
        return result
    }

    static func data(_ inputs: PreparedInputs, compare: CompareResult, whereMissing: [WhereMissing], boundaries path: String?) throws -> MapData {
        let area = inputs.area.buurten
        guard !area.isEmpty else { throw MapProblem.noBuurten }
        let year = populationYear(inputs.population.source)
        let boundaries: Boundaries
        if let path {
            boundaries = try Boundaries.read(path: path)
        } else {
            boundaries = try bundled(for: area, year: year)
        }
        let drawn = area.filter { boundaries.shapes[$0] != nil }
        let notDrawn = area.filter { boundaries.shapes[$0] == nil }
        // Most buurten missing: the boundaries are of another division (year) than the population table.
        if drawn.count * 2 < area.count {
            throw MapProblem.otherYear(boundaries: boundaries.source, populationYear: year, missing: notDrawn.count, of: area.count)
        }
        var residents: [String: [RegionCode: Int]] = [:]
        for w in whereMissing where w.dimension != .ses {
            guard let d = compare.dimensions.first(where: { $0.counts.dimension == w.dimension }),
                  let g = d.counts.keys.firstIndex(of: w.group) else { continue }
            var perBuurt: [RegionCode: Int] = [:]
            for code in area { if let counts = inputs.population.region(code)?.counts[w.dimension], g < counts.count { perBuurt[code] = counts[g] } }
            residents["\(w.dimension.rawValue).\(w.group)"] = perBuurt
        }
        var names: [RegionCode: String] = [:]
        for code in area {
            let own = inputs.population.region(code)?.name ?? ""
            names[code] = own.isEmpty ? boundaries.shapes[code]?.name ?? "" : own
        }
        return MapData(boundaries: boundaries, drawn: drawn, notDrawn: notDrawn, groupResidents: residents, names: names)
    }

    /// The KWB year of a population table, from CBS's table id or "kwb2019"/"KWB 2024" in its name.
    static func populationYear(_ source: String) -> Int? {
        let ids = ["83765NED": 2017, "84286NED": 2018, "84583NED": 2019, "84799NED": 2020, "85039NED": 2021, "85318NED": 2022,
                   "85618NED": 2023, "85984NED": 2024]
        for (id, year) in ids where source.uppercased().contains(id) { return year }
        let lower = source.lowercased()
        guard let range = lower.range(of: #"kwb[ _-]?(19|20)\d\d"#, options: .regularExpression) else { return nil }
        return Int(lower[range].suffix(4))
    }

    /// The bundled outlines: CBS 2024 per gemeente (any 2024 area), or Amsterdam 2019 (the example's division).
    static func bundled(for area: [RegionCode], year: Int?) throws -> Boundaries {
        let gemeenten = Set(area.map { "GM" + $0.digits.prefix(4) })
        if year == 2019, gemeenten == ["GM0363"] {
            guard let path = Bundle.module.path(forResource: "amsterdam_buurt_2019_wgs84", ofType: "geojson", inDirectory: "geo") else {
                throw MapProblem.noBundledBoundaries(year: year)
            }
            return try Boundaries.read(path: path, displayName: "CBS buurten 2019, Amsterdam (bundled)")
        }
        guard year == nil || year == 2024 else { throw MapProblem.noBundledBoundaries(year: year) }
        var shapes: [RegionCode: BoundaryShape] = [:]
        for gemeente in gemeenten.sorted() {
            guard let path = Bundle.module.path(forResource: gemeente, ofType: "json", inDirectory: "geo/buurt_2024_per_gemeente_svg") else { continue }
            shapes.merge(try Boundaries.read(path: path).shapes) { a, _ in a }
        }
        return Boundaries(shapes: shapes, source: "CBS buurten 2024 (bundled)")
    }
}
