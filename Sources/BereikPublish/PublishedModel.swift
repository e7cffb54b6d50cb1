import BereikData
import BereikPipeline
import BereikStats

/// `bereik model`, published. Under disclosure control every level's participant count goes into
/// the ledger (its levels partition the persons in the model); when one is withheld, the rate
/// ratios and tests are withheld too — a rate ratio of a level with few participants, beside the
/// public resident counts, would reveal its count.
public struct PublishedModel: Sendable {
    public let context: PublishedContext
    public let question: ModelQuestion
    public let reference: String
    public let sesReference: String?
    public let sesScale: Double?
    /// Participants per level, per term (withheld where small).
    public let levels: [(term: String, level: String, participants: PublishedCount)]
    /// Empty when withheld.
    public let estimates: [ModelEstimate]
    public let tests: [ModelTermTest]
    public let crudeSESTest: ModelTermTest?
    public let sesTrend: (crude: ModelTermTest, adjusted: ModelTermTest)?
    public let withheld: Bool
    public let dispersion: Double?
    public let deviance: Double
    public let dfResidual: Int
    public let cells: Int
    public let buurten: Int
    public let persons: PublishedCount
    public let leftOut: [(reason: String, count: PublishedCount)]
}

extension ModelResult: RunResult {}

struct ModelCells {
    let levels: [(term: String, level: String, cell: DisclosureLedger.Cell)]
    let persons: DisclosureLedger.Cell
    let leftOut: [(String, DisclosureLedger.Cell)]

    init(_ r: ModelResult, persons all: DisclosureLedger.Cell, _ ledger: inout DisclosureLedger) {
        persons = ledger.cell(r.persons, key: "model.persons")
        var levels: [(String, String, DisclosureLedger.Cell)] = []
        for term in r.levelParticipants.keys.sorted() {
            let parts = r.levelParticipants[term]!.sorted { $0.key < $1.key }.map { (term, $0.key, ledger.cell($0.value, key: "model.\(term).\($0.key)")) }
            ledger.partition(total: persons, parts: parts.map(\.2))
            levels += parts
        }
        self.levels = levels
        leftOut = r.leftOut.sorted { $0.key < $1.key }.map { ($0.key, ledger.cell($0.value, key: "model.left_out.\($0.key)")) }
        ledger.partition(total: all, parts: [persons] + leftOut.map(\.1))
    }

    func publish(_ r: ModelResult, context: PublishedContext, _ ledger: DisclosureLedger) -> PublishedModel {
        let withheld = ledger.anyWithheld(levels.map(\.cell) + [persons])
        return PublishedModel(context: context, question: r.question, reference: r.reference, sesReference: r.sesReference, sesScale: r.sesScale,
                              levels: levels.map { ($0.term, $0.level, ledger.count($0.cell)) },
                              estimates: withheld ? [] : r.estimates, tests: withheld ? [] : r.tests,
                              crudeSESTest: withheld ? nil : r.crudeSESTest, sesTrend: withheld ? nil : r.sesTrend, withheld: withheld,
                              dispersion: withheld ? nil : r.dispersion, deviance: withheld ? .nan : r.deviance, dfResidual: r.dfResidual,
                              cells: r.cells, buurten: r.buurten, persons: ledger.count(persons),
                              leftOut: leftOut.map { ($0.0, ledger.count($0.1)) })
    }
}

extension Publisher {
    public static func publish(_ r: ModelResult, control: DisclosureControl?) -> PublishedModel {
        publishing(r, control, register: { ModelCells(r, persons: $1, &$0) }, build: { $0.publish(r, context: $1, $2) }).published
    }
}
