import BereikData
import BereikStats
import Foundation

/// A reproducible analysis: `bereik.toml` names the inputs, area, dimensions, thresholds, language
/// and seed, so `bereik report bereik.toml` (or `compare`/`heterogeneity`/`gradient --project`)
/// gives a new team member the same numbers. Paths are relative to the project file. Unknown keys
/// and wrong types are errors naming the key and line.
public struct ProjectFile: Sendable {
    public var request: AnalysisRequest
    public var title: String?
    public var language: String?
    public var repetitions: Int
    public var disclosureThreshold: Int

    static let keys: Set<String> = [
        "title", "language", "inputs.attendance", "inputs.population", "inputs.ses", "inputs.postcodes", "inputs.countries", "inputs.boundaries", "inputs.sheet",
        "area.codes", "area.name", "area.from", "area.to", "analysis.dimensions", "analysis.crossings", "analysis.period_a", "analysis.period_b", "roles.ladder", "analysis.confidence", "analysis.adjustment",
        "analysis.interval", "analysis.funnel", "analysis.ses_groups", "analysis.seed", "analysis.draws", "analysis.repetitions", "analysis.strict",
        "disclosure.threshold",
    ] 

    public static func read(path: String, referenceDate: CivilDate) throws -> ProjectFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(SourceLocation(file: path), ProjectMessages.cannotRead)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            // Name the line of the first byte that is not UTF-8.
            var line = 1, valid = 0
            let bytes = [UInt8](data)
            while valid < bytes.count {
                let end = min(bytes.count, valid + 4)
                if let n = (1...4).first(where: { valid + $0 <= end && String(bytes: bytes[valid..<valid + $0], encoding: .utf8) != nil }) {
                    if bytes[valid] == 0x0A { line += 1 }
                    valid += n
                } else { break }
            }
            throw DataError(SourceLocation(file: path, line: line), ProjectMessages.notUTF8)
        }
        let toml = try TOMLSubset(text: text, source: path)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func fail(_ key: String, _ message: Bilingual) -> DataError {
            DataError(SourceLocation(file: path, line: toml.values[key]?.line), ProjectMessages.key(key, message))
        }
        for (key, entry) in toml.values where !keys.contains(key) && !key.hasPrefix("columns.") {
            throw DataError(SourceLocation(file: path, line: entry.line), ProjectMessages.unknownKey(key, known: keys))
        }
        func string(_ key: String) throws -> String? {
            guard let v = toml.values[key]?.value else { return nil }
            guard case .string(let s) = v else { throw fail(key, ProjectMessages.quotedString) }
            return s
        }
        // A relative input path stays inside the project's folder (`../../etc/passwd` is refused):
        // a project file moved or shared with its data keeps pointing at that data. Absolute paths
        // are the author's explicit choice and are taken as written.
        let root = base.resolvingSymlinksInPath().standardizedFileURL.path
        func file(_ key: String) throws -> String? {
            guard let given = try string(key) else { return nil }
            return try inputPath(given, key)
        }
        func inputPath(_ given: String, _ key: String) throws -> String {
            let resolved = base.appendingPathComponent(given).resolvingSymlinksInPath().standardizedFileURL.path
            if given.hasPrefix("/") { return given }
            guard resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
                throw fail(key, ProjectMessages.pathLeavesFolder)
            }
            return base.appendingPathComponent(given).path
        }
        func number(_ key: String) throws -> Double? {
            switch toml.values[key]?.value {
            case nil: return nil
            case .integer(let i)?: return Double(i)
            case .float(let d)?: return d
            default: throw fail(key, ProjectMessages.number)
            }
        }
        func integer(_ key: String) throws -> Int? {
            guard let d = try number(key) else { return nil }
            guard d == d.rounded(), abs(d) < 1e15 else { throw fail(key, ProjectMessages.wholeNumber) }
            return Int(d)
        }
        func strings(_ key: String) throws -> [String]? {
            guard let v = toml.values[key]?.value else { return nil }
            guard case .array(let items) = v else { throw fail(key, ProjectMessages.stringArrayExample) }
            return try items.map { item in
                guard case .string(let s) = item else { throw fail(key, ProjectMessages.stringArray) }
                return s
            }
        }
        func date(_ key: String) throws -> CivilDate? {
            guard let s = try string(key) else { return nil }
            guard let d = CivilDate(parsing: s) else { throw fail(key, ProjectMessages.notADate(s)) }
            return d
        }

        // One file, or several as ["Wandelgroep Noord=noord.csv", "Taalcafé=taal.csv"] (as --attendance).
        var attendanceFiles: [AttendanceFile]
        if case .array? = toml.values["inputs.attendance"]?.value {
            attendanceFiles = try (strings("inputs.attendance") ?? []).map { item in
                var f = AttendanceFile(argument: item) { FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path) || $0.hasPrefix("/") && FileManager.default.fileExists(atPath: $0) }
                f.path = try inputPath(f.path, "inputs.attendance")
                return f
            }
            if attendanceFiles.isEmpty { throw fail("inputs.attendance", ProjectMessages.emptyAttendanceList) }
        } else if let attendance = try file("inputs.attendance") {
            attendanceFiles = [AttendanceFile(path: attendance)]
        } else {
            throw DataError(SourceLocation(file: path), ProjectMessages.attendanceRequired)
        }
        var request = AnalysisRequest(attendance: "", referenceDate: referenceDate)
        request.attendanceFiles = attendanceFiles
        request.project = path
        request.population = try file("inputs.population")
        request.ses = try file("inputs.ses")
        request.postcodes = try file("inputs.postcodes")
        request.countries = try file("inputs.countries")
        request.boundaries = try file("inputs.boundaries")
        request.sheet = try string("inputs.sheet")
        request.area = try strings("area.codes") ?? []
        request.areaName = try string("area.name").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        request.from = try date("area.from")
        request.to = try date("area.to")
        if let names = try strings("analysis.dimensions") {
            request.dimensions = try names.map { name in
                guard let d = Dimension(rawValue: name) else { throw fail("analysis.dimensions", ProjectMessages.notADimension(name)) }
                return d
            }
        }
        if let names = try strings("analysis.crossings") {
            request.crossings = try names.map { name in
                do { return try Crossing.parse(name) } catch {
                    throw fail("analysis.crossings", ProjectMessages.notACrossing(name))
                }
            }
        }
        if let ladder = try strings("roles.ladder") {
            guard ladder.count >= 2, Set(ladder.map { $0.lowercased() }).count == ladder.count else {
                throw fail("roles.ladder", ProjectMessages.ladder)
            }
            request.roleLadder = ladder
        }
        var settings = ComparisonSettings()
        // Two periods, "FROM..TO" each: both or neither, not overlapping, and not with area.from/to.
        func period(_ key: String) throws -> Period? {
            guard let text = try string(key) else { return nil }
            guard let period = Period(parsing: text) else {
                throw fail(key, ProjectMessages.notAPeriod(text))
            }
            return period
        }
        request.periodA = try period("analysis.period_a")
        request.periodB = try period("analysis.period_b")
        if (request.periodA == nil) != (request.periodB == nil) { throw fail(request.periodA == nil ? "analysis.period_b" : "analysis.period_a", ProjectMessages.periodsTogether) }
        if let a = request.periodA, let b = request.periodB {
            if a.from > b.to { throw fail("analysis.period_a", ProjectMessages.periodAAfterB) }
            if a.to >= b.from && b.to >= a.from { throw fail("analysis.period_b", ProjectMessages.periodsOverlap) }
            if request.from != nil || request.to != nil { throw fail("analysis.period_a", ProjectMessages.periodsAndArea) }
        }
        if let c = try number("analysis.confidence") {
            do { settings.confidence = try ConfidenceLevel(c) } catch { throw fail("analysis.confidence", ProjectMessages.confidence) }
        }
        if let a = try string("analysis.adjustment") {
            guard let adj = PValueAdjustment(rawValue: a) else { throw fail("analysis.adjustment", ProjectMessages.choice(PValueAdjustment.self)) }
            settings.adjustment = adj
        }
        if let i = try string("analysis.interval") {
            guard let choice = ReachIntervalChoice(rawValue: i) else {
                throw fail("analysis.interval", ProjectMessages.choice(ReachIntervalChoice.self))
            }
            settings.reachInterval = choice.method
        }
        if let seed = try integer("analysis.seed") {
            guard seed >= 0 else { throw fail("analysis.seed", ProjectMessages.seed) }
            settings.fit.seed = UInt(seed)
        }
        if let draws = try integer("analysis.draws") {
            guard (0...10_000_000).contains(draws) else { throw fail("analysis.draws", ProjectMessages.draws) }
            settings.fit.draws = draws
        }
        request.settings = settings
        if let f = try string("analysis.funnel") {
            guard let method = FunnelMethod(rawValue: f) else { throw fail("analysis.funnel", ProjectMessages.choice(FunnelMethod.self)) }
            request.funnel = method
        }
        switch toml.values["analysis.ses_groups"]?.value {
        case nil: break
        case .array(let items)?:
            let cuts = try items.map { item -> Double in
                switch item {
                case .integer(let i): return Double(i)
                case .float(let d): return d
                default: throw fail("analysis.ses_groups", ProjectMessages.sesGroups)
                }
            }
            guard let choice = SESGroupsChoice(cutPoints: cuts) else { throw fail("analysis.ses_groups", ProjectMessages.sesGroups) }
            choice.apply(to: &request)
        default:
            guard let groups = try integer("analysis.ses_groups"), let choice = SESGroupsChoice(count: groups) else {
                throw fail("analysis.ses_groups", ProjectMessages.sesGroups)
            }
            choice.apply(to: &request)
        }
        if case .bool(let strict)? = toml.values["analysis.strict"]?.value { request.strict = strict }
        var overrides: [AttendanceRole: String] = [:]
        for (key, _) in toml.values where key.hasPrefix("columns.") {
            let role = String(key.dropFirst("columns.".count))
            guard let r = AttendanceRole(rawValue: role) else {
                throw fail(key, ProjectMessages.unknownRole(role, known: AttendanceRole.allCases.map(\.rawValue)))
            }
            overrides[r] = try string(key)
        }
        request.columnOverrides = overrides
        let language = try string("language")
        if let language, !["nl", "en"].contains(language) { throw fail("language", ProjectMessages.language) }
        let repetitions = try integer("analysis.repetitions") ?? 100_000
        if !(1000...1_000_000).contains(repetitions) { throw fail("analysis.repetitions", ProjectMessages.repetitions) }
        let threshold = try integer("disclosure.threshold") ?? 5
        if !(2...1000).contains(threshold) { throw fail("disclosure.threshold", ProjectMessages.threshold) }
        return ProjectFile(request: request, title: try string("title"), language: language, repetitions: repetitions,
                           disclosureThreshold: threshold)
    }

    /// The commented template `bereik init` writes.
    public static let template = """
    # Bereik project file: rerun the same analysis with `bereik report bereik.toml`
    # (or `bereik compare --project bereik.toml`). Paths are relative to this file.

    title = "Ons initiatief"
    language = "nl"                 # "nl" or "en"

    [inputs]
    attendance = "deelnemers.csv"   # one row per visit (CSV or Excel .xlsx): person, date, activity, buurt or postcode, gender, age, origin
    # attendance = ["Wandelgroep Noord=noord.csv", "Taalcafé=taal.xlsx"]   # several initiatives: compare --by-initiative
    # sheet = "Aanwezig"            # the worksheet, for an Excel file (default: the first with data)
    # population = "kwb.csv"        # CBS Kerncijfers Wijken en Buurten; leave out for the bundled KWB 2024
    # ses = "seswoa.csv"            # CBS SES-WOA scores per wijk/buurt (85163NED), for the SES gradient
    # postcodes = "pc6hnr20240801_gwb.csv"  # CBS PC6 -> buurt; without it postcodes are placed by PC4 in wijk or gemeente
    # countries = "landen.csv"      # own country list (names,europe,western)

    [area]
    # name = "Nieuw-West"            # how the report names the area in its sentences (codes stay in the methods)
    codes = ["GM0363"]              # gemeente, wijk or buurt: codes (GM…, WK…, BU…) or names ("Bloemhof", "Feijenoord (Rotterdam)")
    # from = "2024-01-01"           # only visits in this period
    # to = "2024-12-31"

    [analysis]
    # dimensions = ["gender", "age", "origin", "ses"]   # default: all the attendance has
    # crossings = ["gender:ses", "origin:ses"]          # who is missed inside each SES group (or wijk, buurt); a report section
    # period_a = "2023-01-01..2023-12-31"               # with period_b: did the composition change? (compare, and a report section)
    # period_b = "2024-01-01..2024-12-31"

    # [roles]                                          # a role column (rol, betrokkenheid): compare --by-role
    # ladder = ["deelnemer", "vrijwilliger", "kernteam"]  # bottom first; Dutch and English synonyms of these three are known
    confidence = 0.95
    adjustment = "holm"             # "holm", "bh" or "none"
    interval = "wilson"             # "wilson" or "clopper-pearson"
    funnel = "exact"                # funnel limits: "exact" (binomial) or "normal" (PHE's approximation)
    ses_groups = 5                  # or cut points of the SES-WOA score, e.g. [-0.5, 0, 0.5]
    seed = 20261123                 # random seed: the same seed gives the same Monte Carlo results
    draws = 10000                   # Monte Carlo draws for the fit test with small numbers
    repetitions = 100000            # simulations for the SII/RII intervals

    [columns]
    # person = "Klantnummer"        # name columns the automatic recognition misses

    [disclosure]
    threshold = 5                   # participant counts from 1 to threshold - 1 are withheld in reports

    """
}
