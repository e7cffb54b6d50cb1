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
        let none = ledger.cell(ledger.values[run] - r.personsByCount.reduce(0, +), key: "initiative.none", published: false)
        ledger.partition(total: run, parts: countCells + [none])
        let memberships = ledger.cell(r.persons.reduce(0, +), key: "initiative.memberships", published: false)
        ledger.partition(total: memberships, parts: personCells)
        ledger.partition(total: memberships, parts: countCells.enumerated().flatMap { [DisclosureLedger.Cell](repeating: $1, count: $0 + 1) })
        var all: [DimensionCells] = [], perInitiative: [[DimensionCells]] = []
        for d in r.dimensions {
            let name = d.all.counts.dimension.rawValue
            let whole = DimensionCells(d.all, persons: run, &ledger)
            var rests: [DisclosureLedger.Cell] = []
            let parts = d.perInitiative.enumerated().map { i, result -> DimensionCells in
                let cells = DimensionCells(result, persons: personCells[i], key: "initiative.\(i).\(name)", &ledger)
                rests.append(ledger.sum([cells.unknown!, cells.withoutData!], key: "initiative.\(i).\(name).rest", published: false))
                return cells
            }
            // Per category (and the rest: unknown or set apart), the hidden overlap cells m[c][k].
            let keys = d.all.counts.keys.count
            let m = (0...keys).map { c in
                (0..<d.overlap.count).map { k in ledger.cell(d.overlap[k][c], key: "initiative.\(name).\(c).in.\(k + 1)", published: false) }
            }
            for c in 0...keys {
                let perInitiative = c < keys ? parts.map { $0.groups[c] } : rests
                let weighted = ledger.sum(perInitiative, key: "initiative.\(name).\(c).memberships", published: false)
                ledger.partition(total: weighted, parts: m[c].enumerated().flatMap { [DisclosureLedger.Cell](repeating: $1, count: $0 + 1) })
                if c < keys {
                    let inNone = ledger.cell(ledger.values[whole.groups[c]] - d.overlap.reduce(0) { $0 + $1[c] }, key: "initiative.\(name).\(c).none", published: false)
                    ledger.partition(total: whole.groups[c], parts: m[c] + [inNone])
                }
            }
            for k in 0..<d.overlap.count { ledger.partition(total: countCells[k], parts: (0...keys).map { m[$0][k] }) }
            all.append(whole)
            perInitiative.append(parts)
        }
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
