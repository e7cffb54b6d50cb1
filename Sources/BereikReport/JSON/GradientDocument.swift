import BereikPublish
import BereikStats

/// `bereik gradient --format json`: schema `bereik.gradient/1`.
struct GradientDocument: Encodable {
    struct SIIMethod: Encodable {
        let method: String
        let repetitions: Int
        let seed: Int
        let ranks: [Double]
    }

    struct Concentration: Encodable {
        let estimate: Double
        let lower: Double
        let upper: Double
        let se: Double
        let units: Int
        let reading: String
    }

    struct Bootstrap: Encodable {
        let method = "buurt-cluster-bootstrap-percentile"
        let replicates: Int
        let seed: Int
        let sii: EstimateJSON?
        let concentrationIndex: EstimateJSON?
    }

    let test: TestJSON?
    let groups: [GroupJSON]
    let sesGroups: DimensionJSON.SESGroups?
    let sii: EstimateJSON?
    let rii: EstimateJSON?
    let siiMethod: SIIMethod?
    let siiSign: String?
    let siiNotComputed: String?
    let concentrationIndex: Concentration?
    let clusterBootstrap: Bootstrap?
    let statisticsWithheld: Bool

    init(_ r: PublishedGradient) {
        test = r.groups?.test.map(TestJSON.init)
        groups = r.groups?.groups.map(GroupJSON.init) ?? []
        sesGroups = r.groups.flatMap { d in
            d.sesGrouping.map { s in DimensionJSON.SESGroups(basis: s.basis.rawValue, cutPoints: s.cutPoints, empty: s.empty.map { d.groups[$0].key }) }
        }
        sii = r.sii.map { EstimateJSON($0.sii) }
        rii = r.sii?.rii.map(EstimateJSON.init)
        siiMethod = r.sii.map { SIIMethod(method: $0.simulation.rawValue, repetitions: $0.repetitions, seed: Int(truncatingIfNeeded: $0.seed), ranks: $0.ranks) }
        siiSign = r.siiVerdict?.rawValue
        siiNotComputed = r.siiOmission?.rawValue
        concentrationIndex = r.concentration.map { c in
            Concentration(estimate: c.index.estimate, lower: c.index.lower, upper: c.index.upper, se: c.standardError, units: r.buurtenRanked,
                          reading: c.index.upper < 0 ? "concentrated_in_lower_ses" : c.index.lower > 0 ? "concentrated_in_higher_ses" : "no_clear_difference")
        }
        clusterBootstrap = r.bootstrap.map { b in
            Bootstrap(replicates: b.replicates, seed: Int(truncatingIfNeeded: b.seed), sii: b.sii.map(EstimateJSON.init),
                      concentrationIndex: b.concentration.map(EstimateJSON.init))
        }
        statisticsWithheld = (r.sii == nil && r.siiVerdict != nil) || (r.concentration == nil && r.concentrationVerdict != nil)
    }

    static func render(_ r: PublishedGradient, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: GradientRenderer.schema, version: version, lead: NoLead(), context: r.context,
                                                body: GradientDocument(r)))
    }
}
