import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import BereikStats
import Foundation

/// The input flags shared by the analysis commands.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("attendance"), parsing: .singleValue,
            help: "Attendance file: one row per visit (Excel .xlsx, or CSV with ; , or tab; UTF-8 or Windows-1252). Repeat as \"Naam=file\" for several initiatives side by side; a person (same id) in several files is one person.")
    var attendanceFiles: [String] = []

    var attendance: String? { attendanceFiles.first }

    @Option(name: .long, help: "The worksheet of an Excel attendance file (default: the first sheet with data).")
    var sheet: String?

    @Option(name: .long, help: "Project file (bereik.toml, see `bereik init`): inputs, area and settings; flags given here override its inputs.")
    var project: String?

    @Option(name: .long, help: "Population table (CBS Kerncijfers Wijken en Buurten, or area,dimension,category,count). Default: the bundled CBS KWB 2024.")
    var population: String?

    @Option(name: .long, help: "SES-WOA scores per wijk/buurt (CBS 85163NED).")
    var ses: String?

    @Option(name: .long, help: "PC6 → buurt table (CBS 'buurt, wijk en gemeente per postcode'), used when a row has no buurt code.")
    var postcodes: String?

    @Option(name: .long, help: "Replacement country list: names,europe,western (see README).")
    var countries: String?

    @Option(name: .long, help: "Buurt outlines for maps: GeoJSON (WGS84 or RD New) with the CBS code (default: the bundled CBS boundaries, 2024 for every gemeente, 2019 for Amsterdam).")
    var boundaries: String?

    @Option(name: .long, parsing: .singleValue, help: "Area codes (GM…, WK…, BU…), comma-separated or repeated. Default: the participants' gemeenten.")
    var area: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Name a column: role=header, e.g. person=Klantnummer. Roles: \(AttendanceRole.allCases.map(\.rawValue).joined(separator: ", ")).")
    var column: [String] = []

    @Option(name: .long, help: "File with role=header lines naming columns.")
    var columns: String?

    @Option(name: .long, help: "Only visits on or after this date (2024-01-01 or 1-1-2024).")
    var from: String?

    @Option(name: .long, help: "Only visits on or before this date.")
    var to: String?

    @Flag(name: .long, help: "Treat every excluded row as an error.")
    var strict = false

    @Option(name: .long, help: "Threads that read a large attendance file (default: all cores; 1: one thread). The result is the same.")
    var threads: Int?

    func date(_ text: String?, flag: String) throws -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(parsing: text) else {
            throw ValidationError(Diagnostics.language == .nl ? "--\(flag) '\(text)' is geen datum; verwacht bijvoorbeeld 2024-01-01 of 1-1-2024"
                                                              : "--\(flag) '\(text)' is not a date; expected e.g. 2024-01-01 or 1-1-2024")
        }
        return date
    }

    func overrides() throws -> [AttendanceRole: String] {
        var lines = column
        if let columns {
            lines = try String(contentsOfFile: columns, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init) + lines
        }
        do {
            return try AttendanceColumns.parseOverrides(lines, source: columns ?? "--column")
        } catch let error as DataError {
            throw ValidationError(error.description)
        }
    }

    static var today: CivilDate { .today }

    /// Clears the progress line on stderr after a long read.
    static func clearProgress(_ request: AnalysisRequest) {
        if request.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The project file, when one is given.
    func projectFile() throws -> ProjectFile? {
        try project.map { try ProjectFile.read(path: $0, referenceDate: Self.today) }
    }

    /// The project file (read once) and the request: the project's values as defaults, the input and
    /// analysis flags given on top.
    func request(with analysis: AnalysisOptions) throws -> (request: AnalysisRequest, project: ProjectFile?) {
        let file = try projectFile()
        Diagnostics.adopt(project: file, flag: Diagnostics.language(in: CommandLine.arguments))
        return (try analysis.apply(to: request(project: file)), file)
    }

    /// The request: the project file's (if any), with the input flags given here on top.
    func request(project file: ProjectFile? = nil) throws -> AnalysisRequest {
        var request = file?.request ?? AnalysisRequest(attendance: attendance ?? "", referenceDate: Self.today)
        if !attendanceFiles.isEmpty { request.attendanceFiles = attendanceFiles.map { AttendanceFile(argument: $0) } }
        if let project { request.project = project }
        if let population { request.population = population }
        if let ses { request.ses = ses }
        if let postcodes { request.postcodes = postcodes }
        if let countries { request.countries = countries }
        if let boundaries { request.boundaries = boundaries }
        if let sheet { request.sheet = sheet }
        if !area.isEmpty { request.area = area }
        if let f = try date(from, flag: "from") { request.from = f }
        if let t = try date(to, flag: "to") { request.to = t }
        if let f = request.from, let t = request.to, f > t {
            throw ValidationError(Diagnostics.language == .nl ? "--from \(f) ligt na --to \(t)" : "--from \(f) lies after --to \(t)")
        }
        if strict { request.strict = true }
        if let threads {
            guard threads >= 1 else { throw ValidationError(Diagnostics.language == .nl ? "--threads moet 1 of meer zijn" : "--threads must be 1 or more") }
            request.threads = threads
        }
        let cli = try overrides()
        request.columnOverrides.merge(cli) { _, new in new }
        if request.attendance.isEmpty {
            throw ValidationError(Diagnostics.language == .nl ? "geef --attendance BESTAND (de deelnemerslijst) of --project bereik.toml"
                                                              : "give --attendance FILE or --project bereik.toml")
        }
        if isatty(2) != 0 {
            request.progress = { rows in
                FileHandle.standardError.write(Data("\r\(rows / 1_000_000)M rows…".utf8))
            }
        }
        return request
    }
}

extension OutputFormat: ExpressibleByArgument {}

extension Language: ExpressibleByArgument {}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "nl or en (default: from the locale, else nl).")
    var lang: Language?

    @Flag(name: .long, help: "Disclosure control: withhold participant counts below the threshold (and what is computed from them).")
    var disclosureSafe = false

    @Option(name: .long, help: "Disclosure threshold: counts from 1 to N − 1 are withheld.")
    var disclosureThreshold: Int = 5

    var control: DisclosureControl? { disclosureSafe ? DisclosureControl(threshold: disclosureThreshold) : nil }

    func validate() throws {
        guard (2...1000).contains(disclosureThreshold) else {
            throw ValidationError("--disclosure-threshold must lie between 2 and 1000 (5 is usual)")
        }
    }

    /// Renders a published result in the chosen format and language (the flag, else the project's
    /// `language`, else the locale), and writes it.
    func write(_ published: some Renderable, protecting inputs: [String], project: ProjectFile? = nil) throws {
        let language = lang ?? project?.language.flatMap(Language.init(rawValue:)) ?? .fromEnvironment()
        try OutputFile.write(published.render(format, language: language, version: BereikVersion.current), to: output, protecting: inputs)
    }
}

