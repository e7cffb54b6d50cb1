import BereikData
import BereikStats
import Foundation

/// The one path of the data: read → validate → aggregate to counts → compute. Rendering is the
/// caller's (BereikReport), so the same result feeds the table, CSV, JSON, Markdown and HTML.
public enum ComparePipeline {
    /// The bundled CBS Kerncijfers Wijken en Buurten 2024 (85984NED), whole country, in its
    /// compact form (`CompactPopulation`, made from Datasets/cbs). Bron: CBS.
    public static var bundledPopulationPath: String? {
        Bundle.module.path(forResource: "kwb2024_85984NED", ofType: "population")
    }

    public static func run(_ request: AnalysisRequest) throws -> CompareResult {
        try run(request, inputs: PreparedInputs(request))
    }

    /// The comparison on inputs already read (the report runs several analyses on one read).
    public static func run(_ request: AnalysisRequest, inputs: PreparedInputs) throws -> CompareResult {
        var notes = inputs.notes
        let attendance = inputs.attendance, participants = attendance.participants, area = inputs.area
        let present = Set(AttendanceRole.allCases.filter { attendance.columns[$0] != nil }.compactMap(\.dimension))
        var wanted = request.dimensions ?? Dimension.allCases.filter { present.contains($0) || ($0 == .ses && inputs.ses != nil) }
        for d in wanted where d != .ses && !present.contains(d) { notes.append(.dimensionWithoutColumn(d)) }
        wanted = wanted.filter { $0 == .ses || present.contains($0) }
        for d in wanted where d != .ses { try InputProblem.check(d, attendance: attendance) }

        var results: [DimensionResult] = []
        for dimension in wanted {
            if dimension == .ses {
                guard let grouping = try inputs.sesGrouping(notes: &notes) else { continue }
                let table = CountTable.sesTable(participants: participants, grouping: grouping)
                let deff = request.cluster == .buurt ? DesignEffect.perCategory(clusters: clusters(participants, groups: table.keys.count) { person in
                    let b = participants.buurt[person]
                    return b >= 0 ? grouping.groupOf[participants.buurtCodes[Int(b)]] : nil
                }) : nil
                results.append(try result(table, request, grouping: grouping, designEffects: deff))
            } else if let table = CountTable.build(dimension, participants: participants, population: inputs.population, area: area) {
                var deff: [Double]?
                if request.cluster == .buurt, let values = participants.values(dimension) {
                    deff = DesignEffect.perCategory(clusters: clusters(participants, groups: table.keys.count) { Int(values[$0]) })
                }
                results.append(try result(table, request, designEffects: deff))
            }
        }
        var crossings: [CrossedResult] = []
        for crossing in request.crossings {
            guard present.contains(crossing.person) else { notes.append(.dimensionWithoutColumn(crossing.person)); continue }
            try InputProblem.check(crossing.person, attendance: attendance)
            if let crossed = try CrossingPipeline.run(crossing, request: request, inputs: inputs, notes: &notes) { crossings.append(crossed) }
        }
        var result = CompareResult(request: request, sources: inputs.sources, area: area, reconciliation: attendance.reconciliation,
                                   dimensions: results, notes: notes)
        result.crossings = crossings
        return result
    }

    /// Persons per buurt × category (a person without a buurt is a cluster of one): the clusters of
    /// `DesignEffect`. `category` gives a person's category index, or nil.
    static func clusters(_ p: ParticipantTable, groups: Int, category: (Int) -> Int?) -> [[Int]] {
        var byBuurt = [[Int]](repeating: [Int](repeating: 0, count: groups), count: p.buurtCodes.count)
        var singles: [[Int]] = []
        for person in 0..<p.count {
            let b = Int(p.buurt[person])
            guard let g = category(person), g >= 0, g < groups else { continue }
            if b >= 0 { byBuurt[b][g] += 1 } else {
                var row = [Int](repeating: 0, count: groups)
                row[g] = 1
                singles.append(row)
            }
        }
        return byBuurt + singles
    }

    /// The comparison of one table; `grouping` for the SES dimension (score ranges, how the groups were made).
    static func result(_ table: CountTable, _ request: AnalysisRequest, grouping: SESGrouping? = nil,
                       designEffects: [Double]? = nil) throws -> DimensionResult {
        let categories = zip(table.keys, zip(table.participants, table.residents)).map {
            CategoryCount(key: $0.0, participants: $0.1.0, residents: $0.1.1)
        }
        var result = DimensionResult(counts: table, comparison: try DimensionComparison(categories: categories, settings: request.settings,
                                                                                        designEffects: designEffects),
                                     sesRanges: grouping?.scoreRange)
        result.sesGrouping = grouping.map { ($0.basis, $0.cutPoints, $0.emptyGroups) }
        result.rounding = table.keys.indices.map {
            ReachRounding(participants: table.participants[$0], residents: table.residents[$0], roundedRows: table.roundedRows[$0])
        }
        return result
    }
}
