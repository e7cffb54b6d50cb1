import BereikData
import BereikPublish
import BereikStats

/// `by`: the leading key of `bereik.heterogeneity/1`.
struct ByLead: Encodable { let by: String }

/// `bereik heterogeneity --by buurt|wijk --format json`: schema `bereik.heterogeneity/1`.
struct UnitsDocument: Encodable {
    struct Funnel: Encodable {
        let lower95: Double
        let upper95: Double
        let lower998: Double
        let upper998: Double
        static func make(_ f: FunnelLimits?) -> Funnel? {
            f.map { Funnel(lower95: $0.lower95, upper95: $0.upper95, lower998: $0.lower998, upper998: $0.upper998) }
        }
    }

    struct Unit: Encodable {
        let unit: String
        let name: String
        let participants: Int?
        let residents: Int
        let reach: IntervalJSON?
        let shrunk: Double?
        let funnel: Funnel?
        let funnelOverdispersion: Funnel?
        let flag: String
        let flagOverdispersion: String
        let suppressed: Omittable<Bool>
    }

    struct Prediction: Encodable {
        let lower: Double
        let upper: Double
    }

    struct Homogeneity: Encodable {
        let q: Double
        let df: Int
        let pValue: Double
        let i2: Double
        let tau2: Double
        let tau2Method = "DL"
        let scale = "logit"
        let pooled: IntervalJSON?
        let prediction: Prediction
    }

    struct HomogeneityVerdict: Encodable {
        let withheld = true
        let pBelowAlpha: Bool
        let i2AtLeast50: Bool
        private enum CodingKeys: String, CodingKey { case withheld, pBelowAlpha, i2AtLeast50 = "i2_at_least_50" }
    }

    struct OverdispersionJSON: Encodable {
        let phi: Double
        let tau2: Double
        let scale: String
    }

    struct Shrinkage: Encodable {
        let method = "beta-binomial-moments"
        let overall: Double
        let betweenVariance: Double
        let priorStrength: Double?
    }

    let target: Double?
    let units: [Unit]
    let homogeneity: StatisticOrVerdict<Homogeneity, HomogeneityVerdict>?
    let overdispersion: OverdispersionJSON?
    let shrinkage: Shrinkage?
    let unitsLeftOut: [String]
    let statisticsWithheld: Bool

    init(_ r: PublishedUnits) {
        target = r.target
        units = r.units.map { u in
            Unit(unit: u.unit, name: u.name, participants: u.participants.value, residents: u.residents, reach: IntervalJSON.make(u.reach),
                 shrunk: u.shrunk, funnel: Funnel.make(u.funnel), funnelOverdispersion: Funnel.make(u.adjustedFunnel),
                 flag: u.flag.rawValue, flagOverdispersion: u.adjustedFlag.rawValue,
                 suppressed: Omittable(u.participants.isWithheld ? true : nil))
        }
        if let q = r.homogeneity {
            homogeneity = .statistic(Homogeneity(q: q.q, df: q.degreesOfFreedom, pValue: q.pValue, i2: q.i2, tau2: q.tau2,
                                                 pooled: IntervalJSON.make(q.pooled),
                                                 prediction: Prediction(lower: q.prediction.lower, upper: q.prediction.upper)))
        } else {
            homogeneity = r.verdict.map { .verdict(HomogeneityVerdict(pBelowAlpha: $0.pBelowAlpha, i2AtLeast50: $0.substantial)) }
        }
        overdispersion = r.overdispersion.map { OverdispersionJSON(phi: $0.phi, tau2: $0.tau2, scale: $0.scale == .exact ? "arcsine" : "proportion") }
        shrinkage = r.shrinkage.map { Shrinkage(overall: $0.overall, betweenVariance: $0.betweenVariance, priorStrength: $0.priorStrength) }
        unitsLeftOut = r.unitsLeftOut
        statisticsWithheld = r.statisticsWithheld
    }

    static func render(_ r: PublishedUnits, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: HeterogeneityRenderer.schema, version: version, lead: ByLead(by: r.kind.rawValue),
                                                context: r.context, body: UnitsDocument(r)))
    }
}

/// `bereik heterogeneity --by activity --format json`: schema `bereik.heterogeneity/1`.
struct ActivitiesDocument: Encodable {
    /// The person-level permutation test; `chi2`, `df`, `cramers_v` describe the activity ×
    /// category table (a person counted in each activity) and are not its test.
    struct Independence: Encodable {
        let statistic: Double
        let pValue: Double
        let method = "person-permutation-bilder-loughin"
        let permutations: Int
        let seed: Int
        let standardError: Double
        let persons: Int
        let chi2: Double?
        let df: Int?
        let cramersV: Double?
    }

    struct SegregationJSON: Encodable {
        let dissimilarity: Double
        let theilH: Double
        let mutualInformation: Double
    }

    struct Activity: Encodable {
        let activity: String
        let participants: Int?
        let contributionM: Double?
        let dissimilarity: Double?
        let groups: [GroupJSON]
    }

    struct DimensionActivities: Encodable {
        let dimension: String
        let independence: StatisticOrVerdict<Independence, WithheldTestJSON>?
        let segregation: SegregationJSON?
        let activities: [Activity]
    }

    let personsByGroupCount: [Int?]
    let dimensions: [DimensionActivities]

    init(_ r: PublishedActivities) {
        personsByGroupCount = r.personsByGroupCount.map(\.value)
        dimensions = r.dimensions.map { d in
            let independence: StatisticOrVerdict<Independence, WithheldTestJSON>? = d.independence.map { t in
                .statistic(Independence(statistic: t.statistic, pValue: t.pValue, permutations: t.permutations,
                                        seed: Int(truncatingIfNeeded: t.seed), standardError: t.standardError, persons: t.persons,
                                        chi2: d.segregation?.chiSquared, df: d.segregation?.degreesOfFreedom, cramersV: d.segregation?.cramersV))
            } ?? d.independenceBelowAlpha.map { .verdict(WithheldTestJSON(pBelowAlpha: $0, key: "p_below_0_05")) }
            return DimensionActivities(
                dimension: d.dimension.rawValue, independence: independence,
                segregation: d.segregation.map { SegregationJSON(dissimilarity: $0.dissimilarity, theilH: $0.theilH, mutualInformation: $0.mutualInformation) },
                activities: d.activities.map { a in
                    Activity(activity: a.name, participants: a.comparison.participants.value, contributionM: a.contribution,
                             dissimilarity: a.comparison.dissimilarity, groups: a.comparison.groups.map(GroupJSON.init))
                })
        }
    }

    static func render(_ r: PublishedActivities, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: HeterogeneityRenderer.schema, version: version, lead: ByLead(by: r.membership.rawValue),
                                                context: r.context, body: ActivitiesDocument(r)))
    }
}
