import BereikData
import BereikStats

/// Everything an analysis needs (every command: compare, heterogeneity, gradient, trend, report,
/// validate), as the user gave it: the project file's values with the flags on top.
public struct AnalysisRequest: Sendable {
    /// The attendance: one file, or several read as one (each named by its initiative).
    public var attendanceFiles: [AttendanceFile]
    /// The first attendance file's path; setting it makes it the only one.
    public var attendance: String {
        get { attendanceFiles.first?.path ?? "" }
        set { attendanceFiles = [AttendanceFile(path: newValue)] }
    }
    /// nil: the bundled CBS Kerncijfers Wijken en Buurten 2024 for the whole country.
    public var population: String?
    public var ses: String?
    public var postcodes: String?
    public var countries: String?
    /// The worksheet, when the attendance is an Excel workbook (nil: the first with data).
    public var sheet: String?
    public var area: [String] = []
    /// The initiative's own name for its area (`[area] name`, `--area-name`), used in the report's sentences.
    public var areaName: String?
    /// nil: every dimension the attendance has.
    public var dimensions: [Dimension]?
    /// `compare --by gender:ses`: person characteristics crossed with the buurt's SES group, wijk or buurt.
    public var crossings: [Crossing] = []
    /// `--boundaries` / `[inputs] boundaries`: the outlines for maps (nil: bundled).
    public var boundaries: String?
    /// `[analysis] period_a/period_b` (`compare --period-a/--period-b`): composition in B against A;
    /// the report adds a section.
    public var periodA: Period?
    public var periodB: Period?
    /// `[roles] ladder` / `--role-ladder`: the participation ladder, bottom first (nil: the standard one).
    public var roleLadder: [String]?
    public var settings = ComparisonSettings()
    public var sesGroups = 5
    /// `compare --cluster buurt`: intervals and tests with design effects for clustering in buurten.
    public var cluster: ClusterChoice = .none
    /// Explicit SES-WOA cut points (`--ses-groups -0.5,0,0.5`): groups = cuts + 1.
    public var sesCutPoints: [Double]?
    /// Funnel limits of `heterogeneity` and the report: exact binomial (default) or PHE's normal approximation.
    public var funnel: FunnelMethod = .exact
    public var from: CivilDate?
    public var to: CivilDate?
    public var strict = false
    /// Threads that read a large attendance file (`--threads`); nil: all cores; 1: one thread. The result is the same.
    public var threads: Int?
    public var columnOverrides: [AttendanceRole: String] = [:]
    /// Date at which ages from a birth year are computed for rows without a visit date.
    public var referenceDate: CivilDate
    public var progress: (@Sendable (Int) -> Void)?
    /// Called for every excluded row with where it is and why (`bereik validate` groups them).
    public var onExclusion: (@Sendable (SourceLocation, ExclusionReason) -> Void)?
    /// Keep each person's visit months (for `trend`).
    public var collectMonths = false

    /// Every input file of the run (an output must never overwrite one of them).
    public var inputFiles: [String] {
        attendanceFiles.map(\.path) + [population, ses, postcodes, countries, boundaries].compactMap { $0 } + (project.map { [$0] } ?? [])
    }
    /// The project file the request came from, if any.
    public var project: String?

    public init(attendance: String, referenceDate: CivilDate) {
        self.attendanceFiles = [AttendanceFile(path: attendance)]
        self.referenceDate = referenceDate
    }
}

/// The comparison of one dimension: its counts and what the statistics found.
public struct DimensionResult: Sendable {
    public let counts: CountTable
    public let comparison: DimensionComparison
    /// For `ses`: the score range of each group.
    public let sesRanges: [ClosedRange<Double>?]?
    /// For `ses`: how the groups were made (area quantiles, national cut points, given cut points).
    public var sesGrouping: (basis: SESGrouping.Basis, cutPoints: [Double]?, empty: [Int])? = nil
    /// Per group, the reach interval CBS's rounding to 5 alone allows (small groups, participants above residents).
    public var rounding: [ReachRounding?] = []
}

/// Where the numbers came from, for the report's methods section.
public struct InputSources: Sendable {
    public let attendance: String
    public let dialect: CSVDialect
    public let columns: [AttendanceRole: String]
    public let population: String
    public let populationBundled: Bool
    public let populationLayout: String
    public let originScheme: OriginScheme
    public let ses: String?
    public let sesPeriod: String?
    public let postcodes: String?
}

/// Things about the whole run a reader must know.
public enum RunNote: Sendable, Equatable {
    /// The attendance has no buurt or postcode: every person is assumed to live in the area.
    case noBuurtInformation
    /// `--by ses` asked but not possible (no SES file, or no buurt information).
    case sesUnavailable(reason: String)
    /// A requested dimension has no column in the attendance.
    case dimensionWithoutColumn(Dimension)
    /// The bundled national table was used.
    case bundledPopulation
    /// The person column holds names: namesakes count as one person.
    case namesAsPersons(column: String)
    /// More than 10% of the rows within the chosen area and period could not be used (warning).
    case manyRowsExcluded(mainReason: ExclusionReason)
    /// More than 20% of the persons have no known value for this dimension (warning).
    case manyUnknown(Dimension)

    /// Warnings go at the top of every output; the other notes beside the row account.
    public var isWarning: Bool {
        switch self {
        case .manyRowsExcluded, .manyUnknown: return true
        default: return false
        }
    }
}

/// The result of `bereik compare`.
public struct CompareResult: Sendable {
    public let request: AnalysisRequest
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let dimensions: [DimensionResult]
    public let notes: [RunNote]
    /// `--by gender:ses` and the like.
    public var crossings: [CrossedResult] = []
    /// `--period-a/--period-b`: the change in composition since period A (this result is period B).
    public var periodChange: PeriodChangeResult? = nil

    public init(request: AnalysisRequest, sources: InputSources, area: Area, reconciliation: Reconciliation,
                dimensions: [DimensionResult], notes: [RunNote]) {
        self.request = request
        self.sources = sources
        self.area = area
        self.reconciliation = reconciliation
        self.dimensions = dimensions
        self.notes = notes
    }
}
