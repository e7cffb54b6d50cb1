import BereikData
import BereikStats

/// One input file of a report, with its fingerprint.
public struct InputFile: Sendable {
    public let role: String
    public let path: String
    public let sha256: String
}

/// Everything `bereik report` shows, from one read of the inputs.
public struct ReportResult: Sendable {
    public let compare: CompareResult
    public let buurten: UnitHeterogeneityResult
    public let activities: ActivityHeterogeneityResult?
    public let gradient: GradientResult?
    /// Reach per quarter, when the attendance has dates.
    public let trend: TrendResult?
    public let files: [InputFile]
    public let title: String
    /// The first and the last visit of the persons in the report (dated rows only).
    public var visits: (first: CivilDate, last: CivilDate)? = nil
    /// Per under-reached group, the buurten where most of its missing people live.
    public var whereMissing: [WhereMissing] = []
    /// "Wie beslist mee?": per participation role, when the attendance has a role column.
    public var roles: RoleResult? = nil
    /// Initiatives side by side, when the attendance holds two or more.
    public var initiatives: InitiativeResult? = nil
    /// The map's outlines (nil with `mapProblem` saying why when there are none).
    public var map: MapData? = nil
    public var mapProblem: MapProblem? = nil
    /// "Wat veranderde?": period B against A, when the project names two periods.
    public var periodChange: PeriodChangeResult? = nil
}

/// `bereik report`: compare, heterogeneity across buurten and activities and the SES gradient.
public enum ReportPipeline {
    public static func run(_ request: AnalysisRequest, repetitions: Int = 100_000, title: String? = nil) throws -> ReportResult {
        var request = request
        request.collectMonths = true
        let inputs = try PreparedInputs(request)
        var files = try request.attendanceFiles.map { InputFile(role: "attendance", path: $0.path, sha256: try SHA256.file($0.path)) }
        if let p = request.population { files.append(InputFile(role: "population", path: p, sha256: try SHA256.file(p))) }
        else if let bundled = ComparePipeline.bundledPopulationPath {
            // The CBS CSV it was made from, by name and digest (the compact form records both).
            let source = try CompactPopulation.source(path: bundled)
            files.append(InputFile(role: "population (bundled)", path: source.file, sha256: source.sha256))
        }
        if let s = request.ses { files.append(InputFile(role: "ses", path: s, sha256: try SHA256.file(s))) }
        if let p = request.postcodes { files.append(InputFile(role: "postcodes", path: p, sha256: try SHA256.file(p))) }
        if let c = request.countries { files.append(InputFile(role: "countries", path: c, sha256: try SHA256.file(c))) }
        let compare = try ComparePipeline.run(request, inputs: inputs)
        let buurten = try HeterogeneityPipeline.run(request, by: .buurt, inputs: inputs)
        let activities = inputs.attendance.participants.activityNames.isEmpty ? nil
            : try HeterogeneityPipeline.activities(request, inputs: inputs)
        let gradient = inputs.ses == nil ? nil : try GradientPipeline.run(request, repetitions: repetitions, inputs: inputs)
        let trend = try TrendPipeline.run(request, period: .quarter, inputs: inputs)
        var result = ReportResult(compare: compare, buurten: buurten, activities: activities, gradient: gradient,
                                  trend: trend.periods.count >= 2 ? trend : nil, files: files, title: title ?? "")
        result.whereMissing = WhereMissing.build(compare, inputs: inputs)
        if inputs.attendance.columns[.role] != nil {
            // Nobody above the bottom level: no section (the command `compare --by-role` says why).
            do {
                result.roles = try RolePipeline.run(request, ladder: request.roleLadder.map(RoleLadder.init(levels:)) ?? .standard, inputs: inputs)
            } catch RoleProblem.nobodyAboveBottom {
                result.roles = nil
            }
        }
        do {
            result.map = try MapPipeline.data(inputs, compare: compare, whereMissing: result.whereMissing, boundaries: request.boundaries)
        } catch let problem as MapProblem {
            result.mapProblem = problem
        }
        if inputs.attendance.participants.initiativeNames.count >= 2 {
            result.initiatives = try InitiativePipeline.run(request, inputs: inputs)
        }
        if let a = request.periodA, let b = request.periodB {
            var periods = request
            periods.collectMonths = false
            result.periodChange = try PeriodChangePipeline.run(periods, a: a, b: b).periodChange
        }
        let p = inputs.attendance.participants
        let firsts = p.firstVisit.filter { $0 != Int32.min }, lasts = p.lastVisit.filter { $0 != Int32.min }
        if let first = firsts.min(), let last = lasts.max() {
            result.visits = (CivilDate(dayNumber: Int(first)), CivilDate(dayNumber: Int(last)))
        }
        return result
    }
}
