/// Summary indices of how far the participants' composition is from the residents'.
public enum RepresentationIndex {
    /// Index of dissimilarity D = ½ Σ |p_g − π_g| (Duncan & Duncan 1955, *Am. Sociol. Rev.* 20:210–217):
    /// the share of participants who would have to belong to another group for a proportional
    /// reflection. In [0, 1].
    public static func dissimilarity(participantShares p: [Double], residentShares q: [Double]) -> Double {
        0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
    }

    /// Cohen's effect size w = √(X² / n) (Cohen 1988, *Statistical Power Analysis*, ch. 7).
    public static func cohensW(chiSquared: Double, participants n: Int) -> Double? {
        n > 0 ? (chiSquared / Double(n)).squareRoot() : nil
    }
}
