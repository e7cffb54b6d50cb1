import BereikData
import BereikStats

/// The length of a period in `bereik trend`.
public enum TrendPeriod: String, Sendable, CaseIterable {
    case month, quarter, year

    /// The period of a month index (year·12 + month − 1).
    func index(ofMonth m: Int) -> Int {
        switch self {
        case .month: return m
        case .quarter: return m / 3
        case .year: return m / 12
        }
    }

    func label(_ index: Int) -> String {
        switch self {
        case .month:
            let month = index % 12 + 1
            return "\(index / 12)-\(month < 10 ? "0" : "")\(month)"
        case .quarter: return "\(index / 4)-Q\(index % 4 + 1)"
        case .year: return "\(index)"
        }
    }
}

/// One period of a trend.
public struct PeriodReach: Sendable {
    public let label: String
    /// Distinct persons with a visit in the period.
    public let participants: Int
    /// Of whom: first visit ever in this period / came in an earlier period.
    public let new: Int
    public let returning: Int
    /// Of whom: also came in the previous period.
    public let retained: Int
    public let reach: ReachRate
    /// retained / participants of the previous period (Wilson); nil for the first period.
    public let retention: Interval?
    /// Distinct persons up to and including this period, and their reach.
    public let cumulative: Int
    public let cumulativeReach: ReachRate
}

public struct TrendResult: Sendable {
    public let request: AnalysisRequest
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let notes: [RunNote]
    public let period: TrendPeriod
    public let residents: Int
    public let periods: [PeriodReach]
    /// Chi-squared test for trend in reach over the periods (R `prop.trend.test`).
    public let trend: TrendTest?
    /// Persons by the number of periods they came in (index 0 = one period).
    public let periodsAttended: [Int]
    /// Persons without any dated visit (left out of the trend).
    public let undated: Int
}

/// `bereik trend`: how reach develops over time, and whether it is the same faces every time.
public enum TrendPipeline {
    public static func run(_ request: AnalysisRequest, period: TrendPeriod) throws -> TrendResult {
        var request = request
        request.collectMonths = true
        return try run(request, period: period, inputs: PreparedInputs(request))
    }

    /// On inputs read with `collectMonths`.
    public static func run(_ request: AnalysisRequest, period: TrendPeriod, inputs: PreparedInputs) throws -> TrendResult {
        let p = inputs.attendance.participants
        var first = Int.max, last = Int.min
        var perPerson: [[Int]] = []
        var undated = 0
        for person in 0..<p.count {
            let periods = Array(Set(p.months(of: person).map { period.index(ofMonth: Int($0)) })).sorted()
            if periods.isEmpty { undated += 1; continue }
            first = min(first, periods.first!)
            last = max(last, periods.last!)
            perPerson.append(periods)
        }
        if let from = request.from { first = min(first, period.index(ofMonth: from.year * 12 + from.components.month - 1)) }
        if let to = request.to { last = max(last, period.index(ofMonth: to.year * 12 + to.components.month - 1)) }
        let residents = inputs.areaResidents()
        var periods: [PeriodReach] = []
        var histogram: [Int] = []
        var trend: TrendTest?
        if first <= last {
            let count = last - first + 1
            var participants = [Int](repeating: 0, count: count), new = participants, returning = participants, retained = participants
            for periodsOfPerson in perPerson {
                for (k, t) in periodsOfPerson.enumerated() {
                    let i = t - first
                    participants[i] += 1
                    if k == 0 { new[i] += 1 } else { returning[i] += 1 }
                    if k > 0, periodsOfPerson[k - 1] == t - 1 { retained[i] += 1 }
                }
                let n = periodsOfPerson.count
                if histogram.count < n { histogram += [Int](repeating: 0, count: n - histogram.count) }
                histogram[n - 1] += 1
            }
            var cumulative = 0
            let c = request.settings.confidence
            for i in 0..<count {
                cumulative += new[i]
                let retention = i > 0 && participants[i - 1] > 0
                    ? try Interval.wilson(successes: retained[i], trials: participants[i - 1], confidence: c) : nil
                periods.append(PeriodReach(
                    label: period.label(first + i), participants: participants[i], new: new[i], returning: returning[i],
                    retained: retained[i], reach: try ReachRate(participants: participants[i], residents: residents, confidence: c),
                    retention: retention, cumulative: cumulative,
                    cumulativeReach: try ReachRate(participants: cumulative, residents: residents, confidence: c)))
            }
            trend = try TrendTest(successes: participants, trials: [Int](repeating: residents, count: count))
        }
        return TrendResult(request: request, sources: inputs.sources, area: inputs.area, reconciliation: inputs.attendance.reconciliation,
                           notes: inputs.notes, period: period, residents: residents, periods: periods, trend: trend,
                           periodsAttended: histogram, undated: undated)
    }
}
