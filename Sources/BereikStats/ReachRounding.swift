/// What CBS's rounding alone does to a reach. CBS publishes buurt and wijk counts rounded to
/// multiples of 5 (Kerncijfers Wijken en Buurten, "afgerond op vijftallen"), so each summed row
/// can be off by up to 2 and a group's residents N from r rounded rows lie in [N − 2r, N + 2r].
/// For a small group (N < 50) or one with more participants than residents, the reach x/N then
/// lies in [x/(N + 2r), x/(N − 2r)] from rounding alone, before any sampling uncertainty; an upper
/// limit of nil means N − 2r ≤ 0 (any reach is possible).
public struct ReachRounding: Sendable, Equatable {
    public let lower: Double
    public let upper: Double?
    /// Participants exceed even the largest resident count rounding allows.
    public let exceedsRounding: Bool

    public static let smallGroup = 50

    /// nil when the residents are exact (r = 0) or the group is neither small nor exceeded.
    public init?(participants x: Int, residents n: Int, roundedRows r: Int) {
        guard r > 0, n > 0, n < Self.smallGroup || x > n else { return nil }
        let high = Double(n + 2 * r), low = Double(n - 2 * r)
        lower = Double(x) / high
        upper = low > 0 ? Double(x) / low : nil
        exceedsRounding = Double(x) > high
    }
}
