/// The share of residents of a group who took part: r = n / N (persons, not visits).
///
/// The interval is a binomial proportion interval (Wilson by default, Clopper–Pearson on request).
/// CBS rounds buurt counts to multiples of 5, so n can exceed N in small groups: then the rate is
/// reported without an interval and `exceedsResidents` is set, never NaN or a trap.
public struct ReachRate: Sendable, Equatable {
    public let participants: Int
    public let residents: Int
    /// n / N, nil when there are no residents.
    public let estimate: Double?
    /// nil when N = 0 or n > N.
    public let interval: Interval?

    public init(participants: Int, residents: Int, confidence: ConfidenceLevel = .standard,
                method: IntervalMethod = .wilson) throws {
        guard participants >= 0, residents >= 0 else {
            throw StatsError.invalidArgument("counts cannot be negative (participants \(participants), residents \(residents))")
        }
        self.participants = participants
        self.residents = residents
        if residents == 0 {
            estimate = nil
            interval = nil
        } else if participants > residents {
            estimate = Double(participants) / Double(residents)
            interval = nil
        } else {
            let ci = try Interval.proportion(successes: participants, trials: residents,
                                             confidence: confidence, method: method)
            estimate = ci.estimate
            interval = ci
        }
    }

    /// More participants than residents: possible with rounded CBS counts; a warning, not an error.
    public var exceedsResidents: Bool { participants > residents && residents > 0 }
}
