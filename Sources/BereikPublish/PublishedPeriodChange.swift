import BereikData
import BereikPipeline
import BereikStats

/// `compare --period-a/--period-b`, published. Period A's counts enter the ledger beside period
/// B's: A's groups add up to A's known persons, which with A's unknown (hidden) add up to A's
/// persons. Period B's counts are the command's own table (the same cells), or in the report a
/// table of their own. No sum links A with B (a person may be in both), so each period is
/// protected as a comparison of its own; a dimension with a withheld count in either period shows
/// the change test's verdict only, and a group's ratio only when both its counts are shown.
public struct PublishedPeriodChange: Sendable {
    public struct Group: Sendable {
        public let key: String
        public let participantsA: PublishedCount
        public let participantsB: PublishedCount
        public let shareA: Double?
        public let shareB: Double?
        public let ratio: Interval?
    }

    public struct Dimension: Sendable {
        public let dimension: BereikData.Dimension
        public let groups: [Group]
        /// nil when a count is withheld: then `changed` says whether p < α.
        public let test: ShareChange?
        public let changed: Bool
    }

    public let periodA: Period
    public let periodB: Period
    public let personsA: PublishedCount
    public let personsB: PublishedCount
    public let dimensions: [Dimension]
}

struct PeriodChangeCells {
    let personsA: DisclosureLedger.Cell
    let personsB: DisclosureLedger.Cell
    let a: [[DisclosureLedger.Cell]]
    let b: [[DisclosureLedger.Cell]]

    /// `bPrefix` nil: period B is the command's own table (keys as `compare`); else its own cells.
    init(_ c: PeriodChangeResult, persons: DisclosureLedger.Cell, bPrefix: String?, _ ledger: inout DisclosureLedger) {
        personsA = ledger.cell(c.personsA, key: "period_a.persons")
        personsB = bPrefix == nil ? persons : ledger.cell(c.personsB, key: "\(bPrefix!).persons")
        var a: [[DisclosureLedger.Cell]] = [], b: [[DisclosureLedger.Cell]] = []
        for d in c.dimensions {
            let name = d.dimension.rawValue
            let cellsA = d.keys.indices.map { ledger.cell(d.participantsA[$0], key: "period_a.\(name).\(d.keys[$0])") }
            let knownA = ledger.sum(cellsA, key: "period_a.\(name).total")
            let unknownA = ledger.cell(c.personsA - d.participantsA.reduce(0, +), key: "period_a.\(name).rest", published: false)
            ledger.partition(total: personsA, parts: [knownA, unknownA])
            let prefixB = bPrefix.map { "\($0).\(name)" } ?? "dimension.\(name)"
            let cellsB = d.keys.indices.map { ledger.cell(d.participantsB[$0], key: "\(prefixB).\(d.keys[$0])") }
            let knownB = ledger.sum(cellsB, key: "\(prefixB).total")
            if bPrefix != nil {
                let unknownB = ledger.cell(c.personsB - d.participantsB.reduce(0, +), key: "\(prefixB).rest", published: false)
                ledger.partition(total: personsB, parts: [knownB, unknownB])
            }
            a.append(cellsA)
            b.append(cellsB)
        }
        self.a = a
        self.b = b
    }

    func publish(_ c: PeriodChangeResult, alpha: Double, _ ledger: DisclosureLedger) -> PublishedPeriodChange {
        PublishedPeriodChange(
            periodA: c.periodA, periodB: c.periodB, personsA: ledger.count(personsA), personsB: ledger.count(personsB),
            dimensions: c.dimensions.enumerated().map { i, d in
                let tainted = ledger.anyWithheld(a[i] + b[i])
                let na = Double(d.participantsA.reduce(0, +)), nb = Double(d.participantsB.reduce(0, +))
                let groups = d.keys.indices.map { g -> PublishedPeriodChange.Group in
                    let shownA = ledger.isShown(a[i][g]), shownB = ledger.isShown(b[i][g])
                    // A share beside a withheld total would give the total away: shares only in an untainted table.
                    return .init(key: d.keys[g], participantsA: ledger.count(a[i][g]), participantsB: ledger.count(b[i][g]),
                                 shareA: tainted ? nil : Double(d.participantsA[g]) / na, shareB: tainted ? nil : Double(d.participantsB[g]) / nb,
                                 ratio: tainted || !shownA || !shownB ? nil : d.change.categories[g].ratio)
                }
                return .init(dimension: d.dimension, groups: groups, test: tainted ? nil : d.change, changed: d.change.pValue < alpha)
            })
    }
}
