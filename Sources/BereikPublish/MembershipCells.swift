import BereikData
import BereikPipeline

/// Overlapping groups (initiatives, activities) in the ledger by their Venn cells: the persons in
/// exactly each set of groups, in all and per category, are hidden cells; every published count is
/// a sum of them — a group's persons (the sets holding it), a group's count of a category, the
/// persons in k groups, the whole run (all sets and those in none). The attacker then sees what a
/// reader sees: "together" less one initiative is the persons in the other initiatives only.
enum MembershipCells {
    /// `rows[d][g]`: group g's cells of dimension d's categories and its rest (unknown, set apart);
    /// `whole[d]`: the run's cells of the same columns, or nil when not linked.
    static func register(_ m: MembershipSets, key: String, run: DisclosureLedger.Cell, groupPersons: [DisclosureLedger.Cell]?,
                         byCount: [DisclosureLedger.Cell]?, rows: [[[DisclosureLedger.Cell]]], whole: [[DisclosureLedger.Cell]?],
                         _ ledger: inout DisclosureLedger) {
        let setCells = m.sets.indices.map { ledger.cell(m.persons[$0], key: "\(key).set.\($0)", published: false) }
        // Persons in no group count as known to the reader (with several named files there are
        // none, and a reader knows it): a stronger attacker, so more is withheld, never less.
        let none = ledger.cell(m.inNone, key: "\(key).none", published: true)
        ledger.partition(total: run, parts: setCells + [none])
        if let groupPersons {
            for (g, cell) in groupPersons.enumerated() { ledger.partition(total: cell, parts: m.sets.indices.filter { m.sets[$0].contains(g) }.map { setCells[$0] }) }
        }
        if let byCount {
            for (k, cell) in byCount.enumerated() { ledger.partition(total: cell, parts: m.sets.indices.filter { m.sets[$0].count == k + 1 }.map { setCells[$0] }) }
        }
        for (d, dimension) in m.byCategory.enumerated() where d < rows.count {
            let columns = dimension.counts.first?.count ?? 0
            let cells = dimension.counts.enumerated().map { s, row in
                row.enumerated().map { c, v in ledger.cell(v, key: "\(key).\(dimension.dimension.rawValue).set.\(s).\(c)", published: false) }
            }
            for s in cells.indices { ledger.partition(total: setCells[s], parts: cells[s]) }
            for (g, groupRow) in rows[d].enumerated() {
                for c in 0..<min(columns, groupRow.count) {
                    ledger.partition(total: groupRow[c], parts: m.sets.indices.filter { m.sets[$0].contains(g) }.map { cells[$0][c] })
                }
            }
            if d < whole.count, let whole = whole[d] {
                for c in 0..<min(columns, whole.count) {
                    let inSets = dimension.counts.reduce(0) { $0 + $1[c] }
                    let outside = ledger.cell(ledger.values[whole[c]] - inSets, key: "\(key).\(dimension.dimension.rawValue).none.\(c)", published: true)
                    ledger.partition(total: whole[c], parts: cells.map { $0[c] } + [outside])
                }
            }
        }
    }
}
