import ArgumentParser
import BereikData
import BereikPipeline
import Foundation

/// Checks input files without analysing them: every problem with file:line:column, a summary, exit 0
/// when clean and 1 when not. Excluded rows are problems here (strict reading).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check attendance and population files; report every problem with file:line:column.")

    @Option(name: .long, help: "Attendance file.") var attendance: String?
    @Option(name: .long, help: "Population table.") var population: String?
    @Option(name: .long, help: "SES-WOA file.") var ses: String?
    @Option(name: .long, help: "PC6 → buurt table.") var postcodes: String?
    @Option(name: .long, parsing: .singleValue, help: "Area codes.") var area: [String] = []
    @Option(name: .long, parsing: .singleValue, help: "Name a column: role=header.") var column: [String] = []

    func validate() throws {
        if attendance == nil && population == nil && ses == nil && postcodes == nil {
            throw ValidationError("give at least one file: --attendance, --population, --ses or --postcodes")
        }
    }

    func run() throws {
        var problems: [String] = []
        var summary: [String] = []
        func check(_ body: () throws -> Void) {
            do { try body() } catch let error as DataError { problems.append(error.description) } catch { problems.append("\(error)") }
        }
        var table: PopulationTable?
        if let population {
            check {
                let t = try PopulationReader.read(path: population)
                table = t
                summary.append("\(population): \(t.regions.count) regions, layout \(t.layout), origin scheme \(t.originScheme.rawValue)")
            }
        }
        if let ses { check { let s = try SESTable.read(path: ses); summary.append("\(ses): \(s.scores.count) scores, \(s.suppressed.count) suppressed") } }
        var postcodeMap: PostcodeMap?
        if let postcodes { check { postcodeMap = try PostcodeMap.read(path: postcodes); summary.append("\(postcodes): \(postcodeMap!.buurtByPostcode.count) postcodes") } }
        if let attendance {
            check {
                let overrides = try AttendanceColumns.parseOverrides(column, source: "--column")
                let scheme = table?.originScheme ?? .herkomst
                var options = AttendanceOptions(harmoniser: CategoryHarmoniser(originScheme: scheme),
                                                referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
                options.overrides = overrides
                let listed = ExclusionList()
                options.onExclusion = { location, reason in listed.add("\(location): row cannot be used: \(reason.rawValue)") }
                let areaCodes = try table.map { try Area.resolve(self.area, in: $0).codes } ?? []
                options.buurten = BuurtResolver(known: table.map { Set($0.buurten(in: []).map(\.code)) }, area: areaCodes,
                                                postcodes: postcodeMap)
                let data = try AttendanceReader.read(path: attendance, options: options)
                let r = data.reconciliation
                summary.append("\(attendance): \(r.rows) rows, \(r.rowsUsed) usable, \(r.persons) persons; \(data.dialect.separatorName)-separated, \(data.dialect.encoding.rawValue)")
                problems += listed.lines
                if listed.more > 0 { problems.append("\(attendance): … and \(listed.more) more rows that cannot be used") }
                for (reason, n) in r.excluded.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    summary.append("  \(n) row(s) excluded: \(reason.rawValue)")
                }
                for (role, values) in r.unrecognised.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let list = values.sorted { $0.value > $1.value }.prefix(10).map { "'\($0.key)' ×\($0.value)" }.joined(separator: ", ")
                    problems.append("\(attendance): unrecognised \(role.rawValue) values: \(list)")
                }
            }
        }
        for line in summary { print(line) }
        for problem in problems { FileHandle.standardError.write(Data("problem: \(problem)\n".utf8)) }
        print(problems.isEmpty ? "OK: no problems found" : "\(problems.count) problem(s) found")
        if !problems.isEmpty { throw DataProblemsFound() }
    }
}

/// The first 200 excluded rows with their location, and how many more there were.
final class ExclusionList: @unchecked Sendable {
    private(set) var lines: [String] = []
    private(set) var more = 0
    func add(_ line: String) {
        if lines.count < 200 { lines.append(line) } else { more += 1 }
    }
}
