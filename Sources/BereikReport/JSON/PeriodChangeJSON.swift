import BereikData
import BereikPipeline
import BereikPublish
import BereikStats

/// `period_change` in `bereik.compare/2` (docs/json-schema.md).
struct PeriodChangeJSON: Encodable {
    struct Bounds: Encodable {
        let from: String
        let to: String
        let persons: Int?
    }

    struct Group: Encodable {
        let group: String
        let participantsA: Int?
        let participantsB: Int?
        let ratio: IntervalJSON?
    }

    struct Dimension: Encodable {
        let dimension: String
        let chi2: Double?
        let df: Int?
        let pValue: Double?
        let smallExpected: Bool?
        let pBelowAlpha: Bool
        let groups: [Group]
    }

    let periodA: Bounds
    let periodB: Bounds
    let independence = "assumed"
    let dimensions: [Dimension]

    init(_ c: PublishedPeriodChange) {
        periodA = Bounds(from: c.periodA.from.description, to: c.periodA.to.description, persons: c.personsA.value)
        periodB = Bounds(from: c.periodB.from.description, to: c.periodB.to.description, persons: c.personsB.value)
        dimensions = c.dimensions.map { d in
            Dimension(dimension: d.dimension.rawValue, chi2: d.test?.chiSquared, df: d.test?.degreesOfFreedom, pValue: d.test?.pValue,
                      smallExpected: d.test?.smallExpected, pBelowAlpha: d.changed,
                      groups: d.groups.map { Group(group: $0.key, participantsA: $0.participantsA.value, participantsB: $0.participantsB.value,
                                                   ratio: IntervalJSON.make($0.ratio)) })
        }
    }
}
