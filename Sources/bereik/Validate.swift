import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import Foundation

/// Checks the inputs without analysing them, through the same path as every analysis
/// (`InputOptions` → `PreparedInputs`): excluded rows grouped by reason with their lines and the
/// fix, at most 20 examples per reason, a summary; exit 0 when clean and 1 when not.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the inputs (as compare would read them); report problems grouped by kind, with lines and the fix.")

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "nl or en (default: the project's language, else the locale, else nl).")
    var lang: Language?

    static let examplesPerKind = 20

    func validate() throws {
        if input.attendance == nil && input.project == nil && input.population == nil && input.ses == nil && input.postcodes == nil {
            throw ValidationError("give at least one file: --attendance, --project, --population, --ses or --postcodes")
        }
    }

    func run() throws {
        var problems: [String] = []
        var summary: [String] = []
        var language = lang ?? .fromEnvironment()
        func check(_ body: () throws -> Void) {
            do { try body() } catch {
                problems.append(Diagnostics.message(error) ?? "\(error)")
            }
        }
        if input.attendance != nil || input.project != nil {
            let project = try input.projectFile()
            Diagnostics.adopt(project: project, flag: lang)
            language = Diagnostics.language
            var request = try input.request(project: project)
            request.progress = nil
            let exclusions = ExclusionGroups(limit: Self.examplesPerKind)
            request.onExclusion = { location, reason in exclusions.add(location, reason) }
            var prepared: PreparedInputs?
            var stop: String?
            do { prepared = try PreparedInputs(request) } catch let problem as InputProblem {
                stop = Diagnostics.message(problem)
            } catch {
                problems.append(Diagnostics.message(error) ?? "\(error)")
            }
            // Rows outside the chosen area or period, spacer and total rows are not faults: counted, not problems.
            let grouped = exclusions.lines(language, where: { !InputProblem.selections.contains($0) })
            // A stop says again what a grouped line says; it stands only when no line did.
            problems = grouped + problems + (grouped.isEmpty ? stop.map { [$0] } ?? [] : [])
            let selected = exclusions.lines(language, where: { InputProblem.selections.contains($0) }, fixes: false)
            if let p = prepared {
                let r = p.attendance.reconciliation, v = language.messages.validate
                summary.append(v.regionsSummary(p.sources.population, language.integer(p.population.regions.count)))
                summary.append(v.attendanceSummary(p.sources.attendance, language.integer(r.rows), language.integer(r.rowsUsed),
                                                   language.integer(r.persons), "\(p.sources.dialect.separatorName), \(p.sources.dialect.encoding.rawValue)"))
                summary += selected
                if let rows = r.excluded[.outsideArea], rows > 0 {
                    summary.append(v.outsideArea(language.integer(rows), language.integer(r.personsOutsideArea)))
                }
                for (role, values) in r.unrecognised.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let list = values.sorted { $0.value > $1.value }.prefix(10).map { "'\(Escape.terminal(Excerpt.text($0.key)))' ×\($0.value)" }
                    problems.append(v.unrecognised(language.words.roleName(role), list.joined(separator: ", ")))
                }
            }
        } else {
            Diagnostics.language = language
            let v = language.messages.validate
            if let population = input.population {
                check {
                    let t = try PopulationReader.read(path: population)
                    summary.append(v.populationSummary(population, language.integer(t.regions.count), t.layout))
                }
            }
            if let ses = input.ses {
                check {
                    let s = try SESTable.read(path: ses)
                    summary.append(v.sesSummary(ses, language.integer(s.scores.count), language.integer(s.suppressed.count)))
                }
            }
            if let postcodes = input.postcodes {
                check {
                    let m = try PostcodeMap.read(path: postcodes)
                    summary.append(v.postcodesSummary(postcodes, language.integer(m.buurtByPostcode.count)))
                }
            }
        }
        let v = language.messages.validate
        for line in summary { print(Escape.terminal(line)) }
        for problem in problems {
            // One problem may hold a line of examples: each line escaped, the first one labelled.
            let lines = problem.split(separator: "\n").map { Escape.terminal(String($0)) }
            FileHandle.standardError.write(Data("\(v.problem): \(lines.joined(separator: "\n"))\n".utf8))
        }
        print(problems.isEmpty ? v.ok : v.problemsFound(language.integer(problems.count)))
        if !problems.isEmpty { throw DataProblemsFound() }
    }
}

/// Excluded rows grouped by reason: how many, the first and last line, and up to `limit` example
/// locations. Fed from the reader's thread; read after the read.
final class ExclusionGroups: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    /// Per file (and sheet) and reason: several attendance files each keep their own lines.
    private struct Key: Hashable { let file: String, sheet: String?, reason: ExclusionReason }
    private var groups: [Key: (count: Int, first: Int, last: Int, examples: [SourceLocation])] = [:]
    private var order: [Key] = []

    init(limit: Int) { self.limit = limit }

    func add(_ location: SourceLocation, _ reason: ExclusionReason) {
        lock.lock(); defer { lock.unlock() }
        let line = location.line ?? 0
        let key = Key(file: location.file, sheet: location.sheet, reason: reason)
        if var g = groups[key] {
            g.count += 1
            g.first = min(g.first, line)
            g.last = max(g.last, line)
            if g.examples.count < limit { g.examples.append(location) }
            groups[key] = g
        } else {
            groups[key] = (1, line, line, [location])
            order.append(key)
        }
    }

    /// One line per reason ("851 rijen: onbekende postcode — regels 2–853; oplossing: …") and a
    /// line of example cells.
    func lines(_ language: Language, where include: (ExclusionReason) -> Bool, fixes: Bool = true) -> [String] {
        lock.lock(); defer { lock.unlock() }
        let v = language.messages.validate
        return order.filter { include($0.reason) }.flatMap { key -> [String] in
            let reason = key.reason
            let g = groups[key]!
            let span = g.first == g.last ? "\(v.line) \(g.first)" : "\(v.lines) \(g.first)–\(g.last)"
            let file = g.examples.first.map { e in e.sheet.map { "\(e.file), \"\($0)\"" } ?? e.file } ?? ""
            let what = language.words.exclusion[reason] ?? reason.rawValue
            guard fixes else { return ["  \(language.integer(g.count)) × \(what) (\(span))"] }
            var out = [file + ": " + v.rowsExcluded(language.integer(g.count), what, span, language.messages.fix[reason] ?? "")]
            if g.count > 1 {
                let cells = g.examples.map { e -> String in
                    if e.sheet != nil, let line = e.line, let column = e.column { return "\(SourceLocation.columnLetters(column))\(line)" }
                    return e.line.map(String.init) ?? "?"
                }
                out[0] += "\n" + v.examples(cells.joined(separator: ", ") + (g.count > g.examples.count ? ", …" : ""))
            }
            return out
        }
    }
}
