import BereikData
import BereikPipeline
import BereikStats

/// A rate as published: estimate and interval, or nothing when its count is withheld.
public struct PublishedRate: Sendable, Equatable {
    public let estimate: Double?
    public let interval: Interval?

    public static let withheld = PublishedRate(estimate: nil, interval: nil)

    init(estimate: Double?, interval: Interval?) {
        self.estimate = estimate
        self.interval = interval
    }

    init(_ r: ReachRate) {
        estimate = r.estimate
        interval = r.interval
    }
}

/// What every published document says about the run: settings, inputs and the row account.
public struct PublishedContext: Sendable {
    public let settings: ComparisonSettings
    public let sesGroups: Int
    public let sesCutPoints: [Double]?
    public let cluster: ClusterChoice
    public let areaName: String?
    public let funnel: FunnelMethod
    public let from: CivilDate?
    public let to: CivilDate?
    public let area: Area
    public let sources: InputSources
    public let notes: [RunNote]
    public let disclosure: DisclosureControl?
    public let reconciliation: PublishedReconciliation
}

/// The account of the input rows, as published.
public struct PublishedReconciliation: Sendable {
    public let rows: PublishedCount
    public let rowsUsed: PublishedCount
    public let excluded: [(reason: ExclusionReason, count: PublishedCount)]
    /// Blank lines are lines, not persons: always shown.
    public let blankLines: Int
    public let persons: PublishedCount
    public let personsOutsideArea: PublishedCount
    public let conflicts: [(role: AttendanceRole, count: PublishedCount)]
    public let unknown: [(dimension: Dimension, count: PublishedCount)]
    /// Typed-in values that matched no category: empty under disclosure control.
    public let unrecognised: [(role: AttendanceRole, values: [(value: String, count: Int)])]
}

/// The statistical test of a table: the numbers, or only the verdict when the table has withheld cells.
public enum PublishedTest: Sendable {
    case exact(FitTest)
    /// Withheld: only whether p fell below 0.05.
    case verdict(pBelow005: Bool, method: String)
}

/// One group of a published comparison.
public struct PublishedGroup: Sendable {
    public let key: String
    public let participants: PublishedCount
    public let residents: Int
    public let participantShare: Double?
    public let residentShare: Double?
    public let reach: PublishedRate
    public let ratio: RepresentationRatio?
    public let pValue: Double?
    public let pAdjusted: Double?
    /// The verdict of the adjusted test; shown also for withheld groups (it says no count).
    public let flag: RepresentationFlag
    /// Shortfall at the current size, ⌈n·π − n_g⌉.
    public let missing: Int?
    /// More people of the group needed, ⌈(n·π − n_g)/(1 − π)⌉ (the number every sentence uses).
    public let extraNeeded: Int?
    public let partialR: Double?
    public let small: Bool
    public let sesRange: ClosedRange<Double>?
    /// The reach interval CBS's rounding alone allows; nil when not relevant or the count is withheld.
    public internal(set) var rounding: ReachRounding? = nil
    /// With `--cluster buurt`: the design effect of this group's test and interval.
    public internal(set) var designEffect: Double? = nil
    /// Ratios beyond which the group would have been flagged with 80% power; nil when untested or
    /// when the dimension has a withheld count.
    public let detectableUnder: Double?
    public let detectableOver: Double?
}

/// One dimension (or an activity's row) of a published comparison.
public struct PublishedDimension: Sendable {
    public let dimension: Dimension
    /// Σ participants over the groups.
    public let participants: PublishedCount
    public let residents: Int
    public let participantsUnknown: PublishedCount
    public let participantsWithoutData: PublishedCount
    public let buurtenWithoutData: Int
    public let residentsSource: String
    public let test: PublishedTest?
    public let dissimilarity: Double?
    public let cohensW: Double?
    public let rIndicator: RIndicator?
    public let notes: [ComparisonNote]
    public internal(set) var groups: [PublishedGroup]
    /// With `--cluster buurt`: the fit test by Rao–Scott (X²/mean deff), never under disclosure control.
    public internal(set) var raoScott: DesignEffect.RaoScott? = nil
    /// For `ses`: how the groups were made, their cut points and the empty groups.
    public internal(set) var sesGrouping: (basis: SESGrouping.Basis, cutPoints: [Double]?, empty: [Int])? = nil
    /// Groups whose count is withheld.
    public var withheldGroups: Int { groups.filter { $0.participants.isWithheld }.count }
}

/// `bereik compare`, published.
public struct PublishedCompare: Sendable {
    public let context: PublishedContext
    public let dimensions: [PublishedDimension]
    public var crossings: [PublishedCrossing] = []
    /// `--period-a/--period-b`.
    public var periodChange: PublishedPeriodChange? = nil

    public init(context: PublishedContext, dimensions: [PublishedDimension], crossings: [PublishedCrossing] = []) {
        self.context = context
        self.dimensions = dimensions
        self.crossings = crossings
    }
}

/// A crossing (`--by gender:ses`), published: per place group the comparison inside it, the
/// persons outside every group per category, and the interaction test (its verdict only when a
/// count of the crossing is withheld).
public struct PublishedCrossing: Sendable {
    public let crossing: Crossing
    public let groups: [(key: String, name: String, comparison: PublishedDimension, unknown: PublishedCount)]
    public let unplaced: [(key: String, count: PublishedCount)]
    public let interaction: InteractionTest?
    public let interactionVerdict: Bool?
    public let interactionOmitted: String?
}
