import BereikData
import BereikPipeline
import BereikPublish
import BereikReport
import Foundation

/// One analysis from the page: the uploaded file (in the request's private directory) and the
/// form's choices, through the same pipeline and publishing step as `bereik report`.
struct AnalysisForm: Sendable {
    var file: URL
    /// The browser's name for the file (shown in messages on the page, never logged).
    var displayName: String
    var area: String
    var from: String = ""
    var to: String = ""
    var title: String = ""
    var sheet: String = ""
    /// Columns the person chose on the page: role → header.
    var columns: [AttendanceRole: String] = [:]
}

/// The columns of a file: its header and which column each role has (for the page's column choice).
struct ColumnChoice: Sendable, Equatable {
    let header: [String]
    let chosen: [String: String]
}

enum AnalysisOutcome: Sendable {
    case answer(PublishedReport, columns: [(role: String, header: String)])
    /// One sentence (what and how to fix), and the file's columns when they could be read.
    case problem(String, columns: ColumnChoice?)
}

struct Analysis: Sendable {
    let configuration: ServeConfiguration

    /// The form's fields as the pipeline's request; a sentence when a field is wrong.
    func request(_ form: AnalysisForm, words: ServeWords) -> Result<AnalysisRequest, Problem> {
        var request = AnalysisRequest(attendance: form.file.path, referenceDate: .today)
        request.attendanceFiles = [AttendanceFile(path: form.file.path, displayName: form.displayName)]
        request.population = configuration.population
        request.ses = configuration.ses
        request.postcodes = configuration.postcodes
        let area = Self.areaCodes(form.area)
        guard !area.isEmpty else { return .failure(Problem(words.noArea)) }
        request.area = area
        var dates: [CivilDate?] = []
        for text in [form.from, form.to].map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if text.isEmpty { dates.append(nil); continue }
            guard let date = CivilDate(parsing: text) else { return .failure(Problem(words.badDate(text))) }
            dates.append(date)
        }
        request.from = dates[0]
        request.to = dates[1]
        if let f = request.from, let t = request.to, f > t { return .failure(Problem(words.fromAfterTo("\(f)", "\(t)"))) }
        let sheet = form.sheet.trimmingCharacters(in: .whitespaces)
        if !sheet.isEmpty { request.sheet = sheet }
        request.columnOverrides = form.columns
        return .success(request)
    }

    struct Problem: Error { let message: String; init(_ message: String) { self.message = message } }

    /// The area field: names or codes, comma-separated; a suggestion "Slotervaart (WK036376)" means its code.
    static func areaCodes(_ text: String) -> [String] {
        text.split(separator: ",").map { item -> String in
            let item = item.trimmingCharacters(in: .whitespacesAndNewlines)
            if item.hasSuffix(")"), let open = item.lastIndex(of: "("),
               let code = RegionCode(String(item[item.index(after: open)..<item.index(before: item.endIndex)])) {
                return code.raw
            }
            return item
        }.filter { !$0.isEmpty }
    }

    /// What the bytes at the start of the upload say: nil when it may be a table (the readers
    /// decide the rest: CSV, .xlsx, zipped CSV, and a clear message for old .xls).
    static func contentProblem(_ url: URL, displayName: String, words: ServeWords) -> String? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return words.unexpected }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 64 * 1024)) ?? Data())
        let name = "'\(Escape.terminal(Excerpt.text(displayName, limit: 80)))'"
        if head.isEmpty { return words.emptyFile(name) }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return nil }
        // Text has no NUL bytes; images, PDFs, executables and archives other than ZIP do.
        if head.contains(0) { return words.binaryFile(name) }
        return nil
    }

    /// Runs the analysis (blocking: call it off the server's tasks). Never throws: every problem
    /// is a sentence for the page.
    func run(_ form: AnalysisForm, language: Language) -> AnalysisOutcome {
        let words = ServeWords.of(language)
        if let problem = Self.contentProblem(form.file, displayName: form.displayName, words: words) { return .problem(problem, columns: nil) }
        let request: AnalysisRequest
        switch self.request(form, words: words) {
        case .success(let r): request = r
        case .failure(let p): return .problem(p.message, columns: nil)
        }
        do {
            let title = form.title.trimmingCharacters(in: .whitespacesAndNewlines)
            let result = try ReportPipeline.run(request, repetitions: configuration.repetitions, title: title.isEmpty ? nil : title)
            let published = Publisher.publish(result, control: DisclosureControl(threshold: configuration.disclosureThreshold))
            let used = AttendanceRole.allCases.compactMap { role in result.compare.sources.columns[role].map { (role: role.rawValue, header: $0) } }
            return .answer(published, columns: used)
        } catch {
            let message = language.sentence(for: error) ?? words.unexpected
            if language.sentence(for: error) == nil {
                // The type only: an unexpected error's text could quote the file.
                configuration.log(ServeWords.of(configuration.language).logUnexpected("\(type(of: error))"))
            }
            return .problem(message, columns: Self.columns(form))
        }
    }

    /// The file's header and the columns Bereik recognises in it (the person's choices first),
    /// for choosing columns on the page; nil when the file cannot be read as a table at all.
    static func columns(_ form: AnalysisForm) -> ColumnChoice? {
        let sheet = form.sheet.trimmingCharacters(in: .whitespaces)
        guard let reader = try? TableSource.open(path: form.file.path, displayName: form.displayName, sheet: sheet.isEmpty ? nil : sheet) else { return nil }
        let header = reader.header
        guard !header.isEmpty, header.count <= 200 else { return nil }
        let found: AttendanceColumns?
        if let columns = try? AttendanceColumns(header: header, overrides: form.columns, file: form.displayName) {
            found = columns
        } else {
            // No person column: the other roles as recognised, the person left to choose.
            var overrides = form.columns
            overrides[.person] = overrides[.person] ?? header[0]
            found = try? AttendanceColumns(header: header, overrides: overrides, file: form.displayName)
        }
        var chosen: [String: String] = [:]
        for (role, i) in found?.index ?? [:] where role != .person || form.columns[.person] != nil || (try? AttendanceColumns(header: header, file: "")) != nil {
            chosen[role.rawValue] = header[i]
        }
        return ColumnChoice(header: header, chosen: chosen)
    }
}
