/// How groups spread over activities ("every group has its own activity and nobody meets"), from a
/// table of counts: rows = activities (units), columns = categories (groups). Rows and columns that
/// are all zero are left out.
///
/// - Independence: Pearson χ² of the table with (r − 1)(c − 1) df, and Cramér's V = √(χ²/(n·(min(r, c) − 1)))
///   (Cramér 1946); as scipy `chi2_contingency(correction=False)` and `contingency.association`.
/// - Multigroup dissimilarity D = Σ_a Σ_g t_a |π_ag − π_g| / (2·T·I), I = Σ_g π_g(1 − π_g)
///   (Sakoda 1981; Reardon & Firebaugh 2002, *Sociol Methodol* 32:33).
/// - Mutual information M = Σ_a (t_a/T) Σ_g π_ag ln(π_ag/π_g) (Mora & Ruiz-Castillo 2011,
///   *Sociol Methodol* 41:159), in nats, additive over activities (each activity's contribution
///   is its term), and Theil's information index H = M/E with E = −Σ_g π_g ln π_g (Theil & Finizza
///   1971, *J Math Sociol* 1:187). D, H in [0, 1]; 0 = every activity has the area's mix.
public struct Segregation: Sendable, Equatable {
    public let chiSquared: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    public let cramersV: Double
    public let dissimilarity: Double
    public let theilH: Double
    public let mutualInformation: Double
    /// Per activity (input row order; 0 for empty rows): its share of M.
    public let contributions: [Double]

    /// nil when fewer than two non-empty rows or columns.
    public init?(table: [[Int]]) throws {
        let columns = table.first?.count ?? 0
        let colTotals = (0..<columns).map { c in table.reduce(0) { $0 + $1[c] } }
        let usedColumns = colTotals.indices.filter { colTotals[$0] > 0 }
        let usedRows = table.indices.filter { table[$0].reduce(0, +) > 0 }
        guard usedColumns.count >= 2, usedRows.count >= 2 else { return nil }
        let total = Double(usedRows.reduce(0) { $0 + table[$1].reduce(0, +) })
        let pi = usedColumns.map { Double(colTotals[$0]) / total }
        var x2 = 0.0, dSum = 0.0, m = 0.0
        var contributions = [Double](repeating: 0, count: table.count)
        for r in usedRows {
            let t = Double(table[r].reduce(0, +))
            var local = 0.0
            for (j, c) in usedColumns.enumerated() {
                let o = Double(table[r][c])
                let e = t * pi[j]
                x2 += (o - e) * (o - e) / e
                let share = o / t
                dSum += t * abs(share - pi[j])
                if o > 0 { local += share * Math.ln(share / pi[j]) }
            }
            contributions[r] = t / total * local
            m += contributions[r]
        }
        let entropy = -pi.reduce(0) { $0 + $1 * Math.ln($1) }
        let interaction = pi.reduce(0) { $0 + $1 * (1 - $1) }
        chiSquared = x2
        degreesOfFreedom = (usedRows.count - 1) * (usedColumns.count - 1)
        pValue = try GSL.chiSquaredUpperTail(x2, Double(degreesOfFreedom))
        cramersV = (x2 / (total * Double(min(usedRows.count, usedColumns.count) - 1))).squareRoot()
        dissimilarity = dSum / (2 * total * interaction)
        mutualInformation = m
        theilH = entropy > 0 ? m / entropy : 0
        self.contributions = contributions
    }
}
