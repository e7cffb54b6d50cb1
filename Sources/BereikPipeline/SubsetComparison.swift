import BereikData
import BereikStats

/// The comparison of parts of the participants with the whole area's residents, side by side:
/// the levels of the role ladder (persons at a level or above) and the initiatives of several
/// attendance files (persons who took part in each). Each part gets the full `compare` per person
/// dimension (gender, age, origin) against the same residents, so the parts' tables read alike.
enum SubsetComparison {
    struct Dimension {
        let table: CountTable
        /// Per person: the dimension's category index, or -1 when unknown.
        let values: [Int8]
        /// Per subset: the comparison of its persons.
        let results: [DimensionResult]
        /// Whether a person is set apart (buurt without counts), as in `results`.
        let apart: (Int) -> Bool
    }

    /// `subsets` parts; `member(person)` lists the parts a person belongs to.
    static func compare(_ inputs: PreparedInputs, _ request: AnalysisRequest, subsets: Int,
                        member: (Int) -> [Int]) throws -> [Dimension] {
        let p = inputs.attendance.participants
        let memberships = (0..<p.count).map(member)
        var out: [Dimension] = []
        for dimension in [BereikData.Dimension.gender, .age, .origin] where request.dimensions?.contains(dimension) ?? true {
            guard let values = p.values(dimension), inputs.attendance.columns.index.keys.contains(where: { $0.dimension == dimension }),
                  let table = CountTable.build(dimension, participants: p, population: inputs.population, area: inputs.area) else { continue }
            var counts = [[Int]](repeating: [Int](repeating: 0, count: table.keys.count), count: subsets)
            var unknown = [Int](repeating: 0, count: subsets), withoutData = [Int](repeating: 0, count: subsets)
            // As `CountTable.build`: persons in buurten without counts are set apart, so that the
            // part holding everyone equals `compare`.
            let lacking = Set(table.buurtenWithoutData)
            for person in 0..<p.count {
                let v = Int(values[person]), b = p.buurt[person]
                let apart = b >= 0 && !lacking.isEmpty && lacking.contains(p.buurtCodes[Int(b)])
                for s in memberships[person] {
                    if apart { withoutData[s] += 1 } else if v >= 0, v < table.keys.count { counts[s][v] += 1 } else { unknown[s] += 1 }
                }
            }
            let results = try (0..<subsets).map { s in
                try ComparePipeline.result(CountTable(dimension: dimension, keys: table.keys, participants: counts[s], residents: table.residents,
                                                      participantsUnknown: unknown[s], participantsWithoutData: withoutData[s],
                                                      buurtenWithoutData: table.buurtenWithoutData, residentsSource: table.residentsSource,
                                                      roundedRows: table.roundedRows), request)
            }
            out.append(Dimension(table: table, values: values, results: results, apart: { person in
                let b = p.buurt[person]
                return b >= 0 && !lacking.isEmpty && lacking.contains(p.buurtCodes[Int(b)])
            }))
        }
        return out
    }
}
