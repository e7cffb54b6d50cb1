/// Every participant count a publication derives from, and how those counts add up.
///
/// A *cell* is one count; it is *published* when some output prints it (or a number from which it
/// follows exactly, such as a reach rate over public residents), otherwise it is only a link in a
/// sum (e.g. persons without a buurt). A *partition* says total = Σ parts. `solve` decides which
/// published cells to withhold so that no sensitive count (1 … threshold − 1) can be derived:
///
/// 1. primary: every published sensitive cell is withheld;
/// 2. per partition with a known total: if the withheld (or unpublished) parts add up to a
///    sensitive number, the smallest shown non-zero part is withheld too, or the total when no
///    such part is left;
/// 3. a sensitive count that a reader can still derive — by a chain of sums, or by solving all
///    sums at once (Gaussian elimination, `derivableSensitiveCells`) — makes one more shown count
///    of a sum holding it go;
///
/// repeated until nothing changes (linked tables: a cell withheld in one sum may open another).
/// "Shown" in rule 2 means *known*: shown, or derived from sums whose other cells are known.
public struct DisclosureLedger: Sendable {
    public typealias Cell = Int

    public private(set) var values: [Int] = []
    public private(set) var published: [Bool] = []
    public private(set) var withheld: [Bool] = []
    public private(set) var partitions: [(total: Cell, parts: [Cell])] = []
    private var byKey: [String: Cell] = [:]
    public private(set) var control: DisclosureControl?

    public init() {}

    /// A count. Cells with the same `key` are one cell (the same quantity shown in several places).
    public mutating func cell(_ value: Int, key: String? = nil, published: Bool = true) -> Cell {
        if let key, let existing = byKey[key] {
            if published { self.published[existing] = true }
            return existing
        }
        values.append(value)
        self.published.append(published)
        withheld.append(false)
        if let key { byKey[key] = values.count - 1 }
        return values.count - 1
    }

    /// total = Σ parts.
    public mutating func partition(total: Cell, parts: [Cell]) {
        partitions.append((total, parts))
    }

    /// A new cell for `Σ parts` (published or not) with its partition.
    public mutating func sum(_ parts: [Cell], key: String? = nil, published: Bool = true) -> Cell {
        let total = cell(parts.reduce(0) { $0 + values[$1] }, key: key, published: published)
        partition(total: total, parts: parts)
        return total
    }

    public func isShown(_ c: Cell) -> Bool { published[c] && !withheld[c] }

    /// The cell as published.
    public func count(_ c: Cell) -> PublishedCount { isShown(c) ? .shown(values[c]) : .withheld }

    /// Whether any of `cells` is withheld (a statistic computed from them must be withheld too).
    public func anyWithheld(_ cells: [Cell]) -> Bool { cells.contains { !isShown($0) } }

    public mutating func solve(_ control: DisclosureControl?) {
        self.control = control
        guard let control else { return }
        for c in values.indices where published[c] && control.isSensitive(values[c]) { withheld[c] = true }
        var containing = [[Int]](repeating: [], count: values.count)
        for (i, p) in partitions.enumerated() { for c in [p.total] + p.parts { containing[c].append(i) } }
        var changed = true
        while changed {
            changed = false
            let known = knownCells()
            // A sum whose unknown parts add up to a sensitive number: one more part goes.
            for p in partitions where known[p.total] {
                let remainder = p.parts.filter { !known[$0] }.reduce(0) { $0 + values[$1] }
                if control.isSensitive(remainder) {
                    if withholdSmallestShown(p.parts) || withholdSmallestShown([p.total]) { changed = true }
                }
            }
            if changed { continue }
            // A sensitive count that follows by a chain of sums, or (backstop) by solving them all
            // at once: withhold one more shown count in a sum that holds it.
            var derived = values.indices.filter { known[$0] && !isShown($0) && control.isSensitive(values[$0]) }
            if derived.isEmpty { derived = derivableSensitiveCells() }
            for c in derived where breakDerivation(of: c, containing) { changed = true }
        }
        pruneComplementary(control)
    }

    /// Complementary suppressions that protect nothing are shown again: a withheld count that a
    /// reader can already compute exactly from what is shown (the attacker's full elimination)
    /// hides nothing, so showing it adds no information. (Found by a fresh-eyes test:
    /// `--by gender:buurt` withheld the men of 17 buurten, each derivable from its buurt's total.)
    /// Only such cells are shown again: showing any other could open a sum of withheld counts.
    private mutating func pruneComplementary(_ control: DisclosureControl) {
        let determined = Set(determinedCells())
        for c in values.indices where withheld[c] && published[c] && !control.isSensitive(values[c]) && determined.contains(c) {
            withheld[c] = false
        }
    }

    /// Withholds the smallest shown non-zero count nearest to `c` in the graph of sums (through
    /// cells that are themselves only derived), so the chain that gives `c` away is cut.
    private mutating func breakDerivation(of c: Cell, _ containing: [[Int]]) -> Bool {
        var frontier = [c], visited: Set<Cell> = [c]
        while !frontier.isEmpty {
            var candidates: [Cell] = [], next: [Cell] = []
            for x in frontier {
                for i in containing[x] {
                    for y in [partitions[i].total] + partitions[i].parts where y != x {
                        if isShown(y) {
                            if values[y] > 0 { candidates.append(y) }
                        } else if visited.insert(y).inserted {
                            next.append(y)
                        }
                    }
                }
            }
            if let best = candidates.min(by: { (values[$0], $0) < (values[$1], $1) }) {
                withheld[best] = true
                return true
            }
            frontier = next
        }
        return false
    }

    /// Cells a reader knows: shown, or following from a sum whose other cells are known.
    func knownCells() -> [Bool] {
        var known = values.indices.map { isShown($0) }
        var changed = true
        while changed {
            changed = false
            for p in partitions {
                let cells = [p.total] + p.parts
                let unknown = cells.filter { !known[$0] }
                if unknown.count == 1 { known[unknown[0]] = true; changed = true }
            }
        }
        return known
    }

    private mutating func withholdSmallestShown(_ cells: [Cell]) -> Bool {
        let candidates = cells.filter { isShown($0) && values[$0] > 0 }
        guard let next = candidates.min(by: { (values[$0], $0) < (values[$1], $1) }) else { return false }
        withheld[next] = true
        return true
    }
}

extension DisclosureLedger {
    /// The attacker's view: cells not shown whose value follows exactly from the shown cells and the
    /// partitions (Gaussian elimination over the linear system), and that are sensitive. Empty when
    /// disclosure control holds. Used by the property tests; cheap for the sizes of a publication.
    public func derivableSensitiveCells() -> [Cell] {
        guard let control else { return [] }
        return determinedCells().filter { control.isSensitive(values[$0]) }
    }

    /// Every cell not shown whose value follows exactly from the shown cells and the partitions.
    func determinedCells() -> [Cell] {
        let unknown = values.indices.filter { !isShown($0) }
        guard !unknown.isEmpty else { return [] }
        var column: [Cell: Int] = [:]
        for (i, c) in unknown.enumerated() { column[c] = i }
        // Rows: Σ coefficients·unknowns = constant, from total − Σ parts = 0.
        var rows: [[Double]] = []
        for p in partitions {
            var row = [Double](repeating: 0, count: unknown.count + 1)
            func add(_ c: Cell, _ sign: Double) {
                if let j = column[c] { row[j] += sign } else { row[unknown.count] -= sign * Double(values[c]) }
            }
            add(p.total, 1)
            for part in p.parts { add(part, -1) }
            if row.dropLast().contains(where: { $0 != 0 }) { rows.append(row) }
        }
        // Reduced row echelon form.
        var pivotRow = 0
        var pivotOf: [Int: Int] = [:]
        for j in 0..<unknown.count where pivotRow < rows.count {
            guard let r = (pivotRow..<rows.count).max(by: { abs(rows[$0][j]) < abs(rows[$1][j]) }), abs(rows[r][j]) > 1e-9 else { continue }
            rows.swapAt(pivotRow, r)
            let p = rows[pivotRow][j]
            rows[pivotRow] = rows[pivotRow].map { $0 / p }
            for i in rows.indices where i != pivotRow && abs(rows[i][j]) > 1e-12 {
                let factor = rows[i][j]
                for k in rows[i].indices { rows[i][k] -= factor * rows[pivotRow][k] }
            }
            pivotOf[j] = pivotRow
            pivotRow += 1
        }
        var out: [Cell] = []
        for (j, c) in unknown.enumerated() {
            guard let r = pivotOf[j] else { continue }
            let determined = (0..<unknown.count).allSatisfy { $0 == j || abs(rows[r][$0]) < 1e-9 }
            if determined { out.append(c) }
        }
        return out
    }

    /// Partitions whose shown total minus shown parts leaves a sensitive remainder (a derivable
    /// count of a union of groups).
    public func sensitiveRemainders() -> [Int] {
        guard let control else { return [] }
        let known = knownCells()
        return partitions.indices.filter { i in
            let p = partitions[i]
            guard known[p.total] else { return false }
            return control.isSensitive(p.parts.filter { !known[$0] }.reduce(0) { $0 + values[$1] })
        }
    }
}
