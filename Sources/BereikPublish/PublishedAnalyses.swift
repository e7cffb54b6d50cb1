import BereikData
import BereikPipeline
import BereikStats

/// The verdict of a heterogeneity analysis whose numbers are withheld.
public struct HeterogeneityVerdict: Sendable, Equatable {
    public let pBelowAlpha: Bool
    /// I² ≥ 50%.
    public let substantial: Bool
}

/// One buurt or wijk, published.
public struct PublishedUnit: Sendable {
    public let unit: String
    public let name: String
    public let participants: PublishedCount
    public let residents: Int
    public let reach: PublishedRate
    public let shrunk: Double?
    public let funnel: FunnelLimits?
    public let adjustedFunnel: FunnelLimits?
    public let flag: FunnelLimits.Flag
    public let adjustedFlag: FunnelLimits.Flag
}

/// `bereik heterogeneity --by buurt|wijk`, published.
public struct PublishedUnits: Sendable {
    public let context: PublishedContext
    public let kind: UnitLevel
    public let units: [PublishedUnit]
    public let target: Double?
    /// nil when withheld (see `verdict`) or not computed.
    public let homogeneity: LogitHeterogeneity?
    public let verdict: HeterogeneityVerdict?
    public let overdispersion: Overdispersion?
    public let shrinkage: EmpiricalBayesReach?
    public let unitsLeftOut: [String]
    /// Statistics over the units were withheld because some unit counts are.
    public let statisticsWithheld: Bool
    public var withheldUnits: Int { units.filter { $0.participants.isWithheld }.count }
}

/// One activity's row of one dimension, published.
public struct PublishedActivity: Sendable {
    public let name: String
    public let comparison: PublishedDimension
    public let contribution: Double?
}

/// One dimension's spread over activities, published.
public struct PublishedActivityDimension: Sendable {
    public let dimension: Dimension
    public let keys: [String]
    public let activities: [PublishedActivity]
    /// nil when withheld (any cell of the table withheld) or not computed.
    public let segregation: Segregation?
    /// The person-level permutation test; nil when withheld or not computed.
    public let independence: MultipleResponseIndependence?
    /// The independence test's verdict when the numbers are withheld.
    public let independenceBelowAlpha: Bool?
}

/// `bereik heterogeneity --by activity`, published.
public struct PublishedActivities: Sendable {
    public let context: PublishedContext
    public let dimensions: [PublishedActivityDimension]
    /// Activities or initiatives.
    public var membership: Membership = .activity
    /// Persons by the number of groups they belong to (index 0 = one), withheld where small.
    public var personsByGroupCount: [PublishedCount] = []
}

/// Where an interval lies relative to zero (the sign verdict kept when the numbers are withheld).
public enum SignVerdict: String, Sendable {
    case positive, negative, unclear
    init(_ i: Interval) { self = i.lower > 0 ? .positive : i.upper < 0 ? .negative : .unclear }
}

/// `bereik gradient`, published.
public struct PublishedGradient: Sendable {
    public let context: PublishedContext
    public let groups: PublishedDimension?
    public let sii: SlopeIndexOfInequality?
    public let siiVerdict: SignVerdict?
    public let siiOmission: SlopeIndexOfInequality.Omission?
    public let concentration: ConcentrationIndex?
    public let concentrationVerdict: SignVerdict?
    public let buurtenRanked: Int
    /// Buurt bootstrap intervals; nil when a buurt or SES cell is withheld.
    public var bootstrap: ClusterBootstrap? = nil
}

/// One period of `bereik trend`, published.
public struct PublishedPeriod: Sendable {
    public let label: String
    public let participants: PublishedCount
    public let new: PublishedCount
    public let returning: PublishedCount
    public let retained: PublishedCount
    public let reach: PublishedRate
    public let retention: Interval?
    public let cumulative: PublishedCount
    public let cumulativeReach: PublishedRate
}

/// `bereik trend`, published.
public struct PublishedTrend: Sendable {
    public let context: PublishedContext
    public let period: TrendPeriod
    public let residents: Int
    public let periods: [PublishedPeriod]
    public let trend: TrendTest?
    /// The trend test's verdict (p below α) when its numbers are withheld.
    public let trendVerdict: Bool?
    public let periodsAttended: [PublishedCount]
    public let undated: PublishedCount
}

/// `bereik report`, published: every section from one ledger, so a count withheld in one
/// section cannot be recovered from another.
public struct PublishedReport: Sendable {
    public let context: PublishedContext
    public let compare: PublishedCompare
    public let buurten: PublishedUnits
    public let activities: PublishedActivities?
    public let gradient: PublishedGradient?
    public let trend: PublishedTrend?
    public let files: [InputFile]
    public let title: String
    /// The first and the last visit (dates are not counts: nothing to withhold).
    public internal(set) var visits: (first: CivilDate, last: CivilDate)? = nil
    /// Under-reached groups and where they live (order and CBS residents only: nothing to withhold).
    public internal(set) var whereMissing: [WhereMissing] = []
    /// "Wie beslist mee?" (in the report's ledger with everything else).
    public internal(set) var roles: PublishedRoles? = nil
    /// Period B against A, when the project names two periods.
    public internal(set) var periodChange: PublishedPeriodChange? = nil
    /// Two periods were asked for, but the report has disclosure control: not shown (see `Publisher`).
    public internal(set) var periodChangeWithheld = false
    /// Initiatives side by side, when the attendance holds two or more.
    public internal(set) var initiatives: PublishedInitiatives? = nil
    /// The map's outlines, or why there is no map.
    public internal(set) var map: MapData? = nil
    public internal(set) var mapProblem: MapProblem? = nil
}
