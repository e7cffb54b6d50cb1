import BereikData

/// `bereik areas --format json`: schema `bereik.areas/1`.
struct AreaListDocument: Encodable {
    struct Found: Encodable {
        let code: String
        let kind: String
        let name: String
        let gemeente: String
        let residents: Int?
    }

    let schema = "bereik.areas/1"
    let query: String
    let areas: [Found]

    init(_ found: [AreaSearch.Candidate], query: String) {
        self.query = query
        areas = found.map { Found(code: $0.code.raw, kind: $0.code.level.rawValue, name: $0.name, gemeente: $0.gemeente, residents: $0.residents) }
    }
}
