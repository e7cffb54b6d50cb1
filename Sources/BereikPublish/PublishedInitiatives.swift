import BereikData
import BereikPipeline
import BereikStats

/// `compare --by-initiative`, published. In the ledger: each initiative's persons and its counts
/// per group (with the unknown as a hidden remainder), the whole run as `compare`, persons by the
/// number of initiatives, and — hidden — the persons of each group in exactly k initiatives, which
/// tie the initiatives' counts (Σ_i n_ic = Σ_k k·m_kc) to the whole (n_c = Σ_k m_kc + those in
/// none). A reader who adds up the initiatives' counts of a group and subtracts the whole learns
/// an overlap; the ledger sees the same sums, so a small overlap stays withheld.
public struct PublishedInitiatives: Sendable {
    public struct Dimension: Sendable {
        public let all: PublishedDimension
        public let perInitiative: [PublishedDimension]
    }

    public let context: PublishedContext
    public let names: [String]
    public let persons: [PublishedCount]
    public let personsByCount: [PublishedCount]
    public let dimensions: [Dimension]
}

extension InitiativeResult: RunResult {}

struct InitiativeCells {
    let persons: [DisclosureLedger.Cell]
    let byCount: [DisclosureLedger.Cell]
    let all: [DimensionCells]
    let perInitiative: [[DimensionCells]]  // [dimension][initiative]

    init(_ r: InitiativeResult, persons run: DisclosureLedger.Cell, _ ledger: inout DisclosureLedger) {
        let personCells = r.persons.enumerated().map { ledger.cell($1, key: "initiative.\($0).persons") }
        persons = personCells
        let countCells = r.personsByCount.enumerated().map { ledger.cell($1, key: "initiative.count.\($0 + 1)") }
        byCount = countCells
        var all: [DimensionCells] = [], perInitiative: [[DimensionCells]] = []
        var rows: [[[DisclosureLedger.Cell]]] = [], whole: [[DisclosureLedger.Cell]?] = []
        for d in r.dimensions {
            let name = d.all.counts.dimension.rawValue
            let wholeCells = DimensionCells(d.all, persons: run, &ledger)
            let parts = d.perInitiative.enumerated().map { i, result in
                DimensionCells(result, persons: personCells[i], key: "initiative.\(i).\(name)", &ledger)
            }
            // Each initiative's columns: its categories and its rest (unknown + set apart).
            rows.append(parts.enumerated().map { i, cells in
                cells.groups + [ledger.sum([cells.unknown!, cells.withoutData!], key: "initiative.\(i).\(name).rest", published: false)]
            })
            whole.append(wholeCells.groups + [ledger.sum([wholeCells.unknown!, wholeCells.withoutData!], key: "dimension.\(name).rest", published: false)])
            all.append(wholeCells)
            perInitiative.append(parts)
        }
        MembershipCells.register(r.sets, key: "initiatives", run: run, groupPersons: personCells, byCount: countCells, rows: rows, whole: whole, &ledger)
        self.all = all
        self.perInitiative = perInitiative
    }

    func publish(_ r: InitiativeResult, context: PublishedContext, _ ledger: DisclosureLedger) -> PublishedInitiatives {
        PublishedInitiatives(
            context: context, names: r.names, persons: persons.map { ledger.count($0) }, personsByCount: byCount.map { ledger.count($0) },
            dimensions: r.dimensions.enumerated().map { d, dimension in
                PublishedInitiatives.Dimension(all: all[d].publish(dimension.all, ledger),
                                               perInitiative: zip(dimension.perInitiative, perInitiative[d]).map { $1.publish($0, ledger) })
            })
    }
}

extension Publisher {
    public static func publish(_ r: InitiativeResult, control: DisclosureControl?) -> PublishedInitiatives {
        publishing(r, control, register: { InitiativeCells(r, persons: $1, &$0) }, build: { $0.publish(r, context: $1, $2) }).published
    }

    /// The ledger of a side-by-side comparison of initiatives (for the tests' attacker).
    static func ledgerOfInitiatives(_ r: InitiativeResult, control: DisclosureControl?) -> DisclosureLedger {
        publishing(r, control, register: { InitiativeCells(r, persons: $1, &$0) }, build: { _, _, _ in () }).ledger
    }
}
