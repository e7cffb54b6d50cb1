/// Multiple-comparison control across the categories of one dimension.
public enum PValueAdjustment: String, Sendable, Codable, CaseIterable {
    /// Holm (1979), *Scand. J. Statist.* 6:65–70; controls the family-wise error rate. As R's
    /// `p.adjust(method = "holm")`.
    case holm
    /// Benjamini & Hochberg (1995), *JRSS B* 57:289–300; controls the false discovery rate. As R's
    /// `p.adjust(method = "BH")`.
    case benjaminiHochberg = "bh"
    /// No adjustment.
    case none

    /// Adjusted p-values in the order of `pValues`.
    public func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 1 else { return pValues }
        switch self {
        case .none:
            return pValues
        case .holm:
            let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
            var adjusted = [Double](repeating: 0, count: m)
            var running = 0.0
            for (rank, index) in order.enumerated() {
                running = max(running, min(1, Double(m - rank) * pValues[index]))
                adjusted[index] = running
            }
            return adjusted
        case .benjaminiHochberg:
            let order = pValues.indices.sorted { pValues[$0] > pValues[$1] }
            var adjusted = [Double](repeating: 0, count: m)
            var running = 1.0
            for (offset, index) in order.enumerated() {
                let rank = m - offset
                running = min(running, Double(m) / Double(rank) * pValues[index])
                adjusted[index] = min(1, running)
            }
            return adjusted
        }
    }
}
