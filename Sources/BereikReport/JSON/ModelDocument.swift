import BereikPipeline
import BereikPublish
import BereikStats

/// `by`, `adjust`: the leading keys of `bereik.model/1`.
struct ModelLead: Encodable {
    let by: String
    let adjust: [String]
}

/// `bereik model --format json`: schema `bereik.model/1`.
struct ModelDocument: Encodable {
    struct Term: Encodable {
        let term: String
        let level: String
        let reference: String
        let participants: Int?
        let rateRatio: Double
        let lower: Double
        let upper: Double
        let pValue: Double
        let se: Double
        let seModel: Double
        let robustSe: Double
        let crudeRateRatio: Double
        let crudeLower: Double
        let crudeUpper: Double
        let crudePValue: Double
    }

    struct TermTest: Encodable {
        let term: String
        let lrChi2: Double
        let df: Int
        let pValue: Double
        let f: Double?
        let pValueF: Double?
    }

    struct Trend: Encodable {
        let crude: TermTest
        let adjusted: TermTest
    }

    struct Level: Encodable {
        let term: String
        let level: String
        let participants: Int?
    }

    let reference: String
    let sesReference: String?
    let sesForm: String?
    let sesScoreSd: Double?
    let standardErrors: String
    let withheld: Bool
    let levels: [Level]
    let terms: [Term]
    let termTests: [TermTest]
    let sesTrend: Trend?
    let dispersion: Double?
    let deviance: Double?
    let dfResidual: Int
    let cells: Int
    let buurten: Int
    let persons: Int?
    let leftOut: JSONObject<Int?>

    init(_ r: PublishedModel) {
        reference = r.reference
        sesReference = r.sesReference
        sesForm = r.question.adjustForSES ? r.question.sesForm.rawValue : nil
        sesScoreSd = r.sesScale
        standardErrors = r.question.standardErrors.rawValue
        withheld = r.withheld
        levels = r.levels.map { Level(term: $0.term, level: $0.level, participants: $0.participants.value) }
        let counts = Dictionary(r.levels.map { ("\($0.term).\($0.level)", $0.participants.value) }, uniquingKeysWith: { a, _ in a })
        terms = r.estimates.map { e in
            Term(term: e.term, level: e.level, reference: e.term == "ses" ? (e.level == "score" ? "" : r.sesReference ?? "") : r.reference,
                 participants: counts["\(e.term).\(e.level)"] ?? nil, rateRatio: e.rateRatio.estimate, lower: e.rateRatio.lower,
                 upper: e.rateRatio.upper, pValue: e.pValue, se: e.usedStandardError, seModel: e.standardError, robustSe: e.robustStandardError,
                 crudeRateRatio: e.crude.estimate, crudeLower: e.crude.lower, crudeUpper: e.crude.upper, crudePValue: e.crudePValue)
        }
        func json(_ t: ModelTermTest) -> TermTest { TermTest(term: t.term, lrChi2: t.statistic, df: t.df, pValue: t.pValue, f: t.f, pValueF: t.pValueF) }
        termTests = r.tests.map(json)
        sesTrend = r.sesTrend.map { Trend(crude: json($0.crude), adjusted: json($0.adjusted)) }
        dispersion = r.dispersion
        deviance = r.withheld ? nil : r.deviance
        dfResidual = r.dfResidual
        cells = r.cells
        buurten = r.buurten
        persons = r.persons.value
        leftOut = JSONObject(r.leftOut.map { ($0.reason, $0.count.value) })
    }

    static func render(_ r: PublishedModel, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: ModelRenderer.schema, version: version,
                                                lead: ModelLead(by: r.question.by.rawValue, adjust: r.question.adjustForSES ? ["ses"] : []),
                                                context: r.context, body: ModelDocument(r)))
    }
}
