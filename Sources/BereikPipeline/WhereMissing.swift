import BereikData
import BereikStats

/// A buurt where many of an under-reached group's missing people live.
public struct MissingPlace: Sendable, Equatable {
    public let code: RegionCode
    public let name: String
    /// Residents of the group in the buurt (CBS).
    public let residents: Int
}

/// "Wie missen we, en waar?": per under-reached group (gender, age, origin, SES group), how many more people
/// are needed and the buurten where most of them are missing. A buurt's share of the missing people is
/// N_gb·r̄ − x_gb: its residents of the group at the dimension's reach r̄ = Σx/ΣN of the area,
/// minus the group's participants there. Only the order is published, with the residents: the
/// difference itself would reveal a buurt's count of participants.
public struct WhereMissing: Sendable, Equatable {
    public let dimension: Dimension
    public let group: String
    public let extraNeeded: Int?
    /// Up to `limit` buurten, most missing people first (only buurten with a positive shortfall).
    public let places: [MissingPlace]

    public static let limit = 5

    public init(dimension: Dimension, group: String, extraNeeded: Int?, places: [MissingPlace]) {
        self.dimension = dimension
        self.group = group
        self.extraNeeded = extraNeeded
        self.places = places
    }

    static func build(_ compare: CompareResult, inputs: PreparedInputs) -> [WhereMissing] {
        let p = inputs.attendance.participants
        var out: [WhereMissing] = []
        var notes: [RunNote] = []
        let grouping = try? inputs.sesGrouping(notes: &notes)
        for d in compare.dimensions {
            let isSES = d.counts.dimension == .ses
            // An SES group's residents in a buurt are all its residents, when the buurt is in the group.
            guard let values = isSES ? [Int8](repeating: 0, count: p.count) : p.values(d.counts.dimension), !isSES || grouping != nil else { continue }
            let totalX = d.counts.participants.reduce(0, +), totalN = d.counts.residents.reduce(0, +)
            guard totalN > 0 else { continue }
            let reach = Double(totalX) / Double(totalN)
            for (g, group) in d.comparison.groups.enumerated() where group.flag == .under {
                var x: [RegionCode: Int] = [:]
                for person in 0..<p.count where (isSES || Int(values[person]) == g) && p.buurt[person] >= 0 {
                    x[p.buurtCodes[Int(p.buurt[person])], default: 0] += 1
                }
                let ranked = inputs.area.buurten.compactMap { code -> (MissingPlace, Double)? in
                    guard let region = inputs.population.region(code) else { return nil }
                    let residents: Int
                    if isSES {
                        guard grouping?.groupOf[code] == g, let n = inputs.residents(code), n > 0 else { return nil }
                        residents = n
                    } else {
                        guard let counts = region.counts[d.counts.dimension], g < counts.count, counts[g] > 0 else { return nil }
                        residents = counts[g]
                    }
                    let shortfall = Double(residents) * reach - Double(x[code] ?? 0)
                    return shortfall > 0 ? (MissingPlace(code: code, name: region.name, residents: residents), shortfall) : nil
                }.sorted { ($0.1, $1.0.code.raw) > ($1.1, $0.0.code.raw) }
                out.append(WhereMissing(dimension: d.counts.dimension, group: group.key, extraNeeded: group.extraNeeded,
                                        places: ranked.prefix(limit).map(\.0)))
            }
        }
        return out
    }
}
