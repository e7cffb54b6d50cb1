import BereikData
import BereikPipeline
import BereikStats

/// `period_change` in `bereik.compare/2` (docs/json-schema.md).
struct PeriodChangeJSON: Encodable {
    struct Bounds: Encodable {
        let from: String
        let to: String
        let persons: Int
    }

    struct Group: Encodable {
        let group: String
        let participantsA: Int
        let participantsB: Int
        let ratio: IntervalJSON?
    }

    struct Dimension: Encodable {
        let dimension: String
        let chi2: Double
        let df: Int
        let pValue: Double
        let smallExpected: Bool
        let groups: [Group]
    }

    let periodA: Bounds
    let periodB: Bounds
    let independence = "assumed"
    let dimensions: [Dimension]

    init(_ c: PeriodChangeResult) {
        periodA = Bounds(from: c.periodA.from.description, to: c.periodA.to.description, persons: c.personsA)
        periodB = Bounds(from: c.periodB.from.description, to: c.periodB.to.description, persons: c.personsB)
        dimensions = c.dimensions.map { d in
            Dimension(dimension: d.dimension.rawValue, chi2: d.change.chiSquared, df: d.change.degreesOfFreedom, pValue: d.change.pValue,
                      smallExpected: d.change.smallExpected,
                      groups: d.keys.indices.map { Group(group: d.keys[$0], participantsA: d.participantsA[$0], participantsB: d.participantsB[$0],
                                                         ratio: IntervalJSON.make(d.change.categories[$0].ratio)) })
        }
    }
}
