import BereikPublish

/// `compare --by-initiative --format json`: schema `bereik.initiatives/1`.
struct InitiativesDocument: Encodable {
    struct Initiative: Encodable {
        let initiative: String
        let persons: Int?
        let dimensions: [DimensionJSON]
    }

    struct All: Encodable {
        let persons: Int?
        let dimensions: [DimensionJSON]
    }

    let initiatives: [Initiative]
    let all: All
    let personsByInitiativeCount: [Int?]

    init(_ r: PublishedInitiatives) {
        initiatives = r.names.enumerated().map { i, name in
            Initiative(initiative: name, persons: r.persons[i].value, dimensions: r.dimensions.map { DimensionJSON($0.perInitiative[i]) })
        }
        all = All(persons: r.context.reconciliation.persons.value, dimensions: r.dimensions.map { DimensionJSON($0.all) })
        personsByInitiativeCount = r.personsByCount.map(\.value)
    }

    static func render(_ r: PublishedInitiatives, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: InitiativeRenderer.schema, version: version, lead: NoLead(), context: r.context,
                                                body: InitiativesDocument(r)))
    }
}
