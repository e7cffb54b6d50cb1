import BereikPublish
import BereikStats

/// `compare --by-role --format json`: schema `bereik.roles/1`.
struct RolesDocument: Encodable {
    struct Role: Encodable {
        let role: String
        let level: Int
        let persons: Int?
        let dimensions: [DimensionJSON]
    }

    struct LadderTest: Encodable {
        let dimension: String
        let group: String
        let chi2: Double?
        let pValue: Double?
        let pExact: Double?
        let pAdjusted: Double?
        let method: String
        let topToBottom: IntervalJSON?
        let pBelowAlpha: Bool?
    }

    let roles: [Role]
    let ladderTests: [LadderTest]
    let unrecognisedRoles: JSONObject<Int?>
    let unrecognisedRoleTexts: Int
    let recognisedRoles: [Recognised]

    struct Recognised: Encodable {
        let text: String
        let role: String
        let persons: Int?
    }

    init(_ r: PublishedRoles) {
        roles = r.levels.enumerated().map { Role(role: $1.name, level: $0, persons: $1.persons.value, dimensions: $1.dimensions.map(DimensionJSON.init)) }
        ladderTests = r.tests.map {
            LadderTest(dimension: $0.dimension.rawValue, group: $0.key, chi2: $0.trend?.chiSquared, pValue: $0.trend?.pValue,
                       pExact: $0.exact?.pValue, pAdjusted: $0.pAdjusted, method: $0.usesExact ? "exact-cochran-armitage-highest-role" : "cochran-armitage-highest-role", topToBottom: IntervalJSON.make($0.topToBottom), pBelowAlpha: $0.verdict)
        }
        unrecognisedRoles = JSONObject(r.unrecognised.map { ($0.text, $0.persons.value) })
        unrecognisedRoleTexts = r.unrecognisedTexts
        recognisedRoles = r.recognised.map { Recognised(text: $0.text, role: $0.level, persons: $0.persons.value) }
    }

    static func render(_ r: PublishedRoles, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: RoleRenderer.schema, version: version, lead: NoLead(), context: r.context, body: RolesDocument(r)))
    }
}
