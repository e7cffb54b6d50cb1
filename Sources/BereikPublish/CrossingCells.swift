import BereikData
import BereikPipeline
import BereikStats

/// A crossing's counts in the ledger, with every sum a reader could form: per group, its cells,
/// its total and its persons of unknown value (= the SES group's count when `ses` is also
/// compared); per category, the cells over the groups plus the persons outside every group
/// (= the category's count when the person characteristic is also compared); all of it inside
/// the run's persons.
struct CrossingCells {
    let groups: [DimensionCells]
    let unknown: [DisclosureLedger.Cell]
    let unplaced: [DisclosureLedger.Cell]

    init(_ c: CrossedResult, dimensions: [(DimensionResult, DimensionCells)], persons: DisclosureLedger.Cell, _ ledger: inout DisclosureLedger) {
        let tag = "crossing.\(c.crossing)"
        groups = c.groups.map { DimensionCells(row: $0.result.counts.participants, key: "\(tag).\($0.key)", &ledger) }
        unknown = c.groups.map { ledger.cell($0.result.counts.participantsUnknown, key: "\(tag).\($0.key).unknown") }
        let keys = c.groups.first?.result.counts.keys ?? []
        unplaced = c.unplaced.enumerated().map { ledger.cell($1, key: "\(tag).unplaced.\($0)") }
        // Per category: Σ over groups + outside every group = the category's count.
        let plain = dimensions.first { $0.0.counts.dimension == c.crossing.person && $0.0.counts.participantsWithoutData == 0 }
        var all: [DisclosureLedger.Cell] = []
        for k in keys.indices {
            let parts = groups.map { $0.groups[k] } + (k < unplaced.count ? [unplaced[k]] : [])
            let total = ledger.sum(parts, key: "\(tag).category.\(k)", published: false)
            if let plain, k < plain.1.groups.count { ledger.partition(total: plain.1.groups[k], parts: [total]) }
            all.append(total)
        }
        // Per SES group: its persons of known and unknown value = the SES group's count.
        if c.crossing.place == .ses, let ses = dimensions.first(where: { $0.0.counts.dimension == .ses }) {
            for (i, g) in c.groups.enumerated() {
                if let index = ses.0.counts.keys.firstIndex(of: g.key) {
                    ledger.partition(total: ses.1.groups[index], parts: [groups[i].total, unknown[i]])
                }
            }
        }
        // Inside the run's persons (the rest, unknown and unplaced, hidden).
        let known = ledger.sum(all + unknown, key: "\(tag).placed_or_known", published: false)
        let rest = ledger.cell(c.unknownUnplaced, key: "\(tag).rest", published: false)
        ledger.partition(total: persons, parts: [known, rest])
    }

    func publish(_ c: CrossedResult, _ ledger: DisclosureLedger, confidence: Double) -> PublishedCrossing {
        let tainted = ledger.anyWithheld(groups.flatMap(\.cells) + unknown + unplaced)
        let keys = c.groups.first?.result.counts.keys ?? []
        return PublishedCrossing(
            crossing: c.crossing,
            groups: zip(c.groups, zip(groups, unknown)).map { g, cells in (g.key, g.name, cells.0.publish(g.result, ledger), ledger.count(cells.1)) },
            unplaced: zip(keys, unplaced).map { ($0, ledger.count($1)) },
            interaction: tainted ? nil : c.interaction,
            interactionVerdict: tainted ? c.interaction.map { $0.readingPValue < 1 - confidence } : nil,
            interactionOmitted: c.interactionOmitted)
    }
}
