import BereikData
import BereikPipeline
import BereikPublish
import BereikStats

/// A crossing in `bereik.compare/2` (`crossings[]`, docs/json-schema.md).
struct CrossingJSON: Encodable {
    struct Group: Encodable {
        let group: String
        let name: String
        let personsUnknown: Int?
        let comparison: DimensionJSON
    }

    struct Interaction: Encodable {
        let lrChi2: Double
        let df: Int
        let pValue: Double
        let f: Double?
        let pValueF: Double?
        let dispersion: Double?
        let method = "poisson-buurt-fixed-effects"
    }

    let person: String
    let place: String
    let groups: [Group]
    let unplaced: JSONObject<Int?>
    let interaction: StatisticOrVerdict<Interaction, WithheldTestJSON>?
    let interactionOmitted: String?

    init(_ c: PublishedCrossing) {
        person = c.crossing.person.rawValue
        place = c.crossing.place.rawValue
        groups = c.groups.map { Group(group: $0.key, name: $0.name, personsUnknown: $0.unknown.value, comparison: DimensionJSON($0.comparison)) }
        unplaced = JSONObject(c.unplaced.map { ($0.key, $0.count.value) })
        interaction = c.interaction.map { .statistic(Interaction(lrChi2: $0.statistic, df: $0.df, pValue: $0.pValue, f: $0.f, pValueF: $0.pValueF,
                                                                 dispersion: $0.dispersion)) }
            ?? c.interactionVerdict.map { .verdict(WithheldTestJSON(pBelowAlpha: $0)) }
        interactionOmitted = c.interactionOmitted
    }
}
