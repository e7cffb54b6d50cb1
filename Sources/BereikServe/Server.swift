import BereikData
import BereikPipeline
import BereikPublish
import BereikReport
import FlyingFox
import FlyingSocks
import Foundation

/// `bereik serve`: the page for project teams. One FlyingFox server; every request is handled by
/// `Handler`, which checks it (Host, Origin, CSRF token, sizes), streams an upload into a private
/// directory, runs the analysis off the server's tasks within the limits, and answers with security
/// headers. Nothing of the upload outlives its request.
public final class BereikServer: Sendable {
    let handler: Handler
    let http: HTTPServer

    public init(configuration: ServeConfiguration) throws {
        let host = configuration.host == "localhost" ? "127.0.0.1" : configuration.host
        // Suggestions for the area field: the table the analyses use. A population, SES or
        // postcode file given at the start that cannot be read is said now, with exit 1, not at the
        // first analysis of whoever uses the page.
        var search: AreaSearch?
        if let given = configuration.population {
            search = AreaSearch(try PopulationReader.read(path: given))
        } else if let path = ComparePipeline.bundledPopulationPath, let table = try? PopulationReader.read(path: path) {
            search = AreaSearch(table)
        }
        for path in [configuration.ses, configuration.postcodes].compactMap({ $0 }) {
            guard let file = fopen(path, "rb") else { throw DataError(SourceLocation(file: path), DataMessages.cannotOpen(errno: errno)) }
            fclose(file)
        }
        handler = Handler(configuration: configuration, areas: search)
        let timeout = configuration.timeout * 2 + 60
        if host.contains(":") {
            http = HTTPServer(config: .init(address: try sockaddr_in6.inet6(ip6: host, port: configuration.port), timeout: timeout,
                                            sharedRequestBufferSize: 64 * 1024, sharedRequestReplaySize: 2 * 1024 * 1024, logger: Self.quiet),
                              handler: handler)
        } else {
            http = HTTPServer(config: .init(address: try sockaddr_in.inet(ip4: host, port: configuration.port), timeout: timeout,
                                            sharedRequestBufferSize: 64 * 1024, sharedRequestReplaySize: 2 * 1024 * 1024, logger: Self.quiet),
                              handler: handler)
        }
    }

    /// FlyingFox's own log stays off: it would name paths with ids; `Handler` logs each request.
    static var quiet: DisabledLogger { .disabled }

    /// Serves until cancelled or stopped.
    public func run() async throws {
        try await http.run()
    }

    /// Waits until the server listens and returns its port (useful with port 0).
    public func waitUntilListening() async throws -> UInt16 {
        try await http.waitUntilListening(timeout: 30)
        var port = handler.configuration.port
        if case .ip4(_, let p)? = await http.listeningAddress { port = p }
        if case .ip6(_, let p)? = await http.listeningAddress { port = p }
        for line in Self.startupLines(handler.configuration, port: port) { handler.configuration.log(line) }
        return port
    }

    /// Where the page is, a warning when it is open to other computers, and the limits.
    static func startupLines(_ configuration: ServeConfiguration, port: UInt16) -> [String] {
        let words = ServeWords.of(configuration.language)
        let shown = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        var lines = [words.logListening("http://\(shown):\(port)/")]
        if !configuration.isLoopback { lines.append(words.logOpenHost(configuration.host)) }
        lines.append(words.logLimits(String(configuration.maxUploadBytes / (1024 * 1024)), String(configuration.maxAnalyses),
                                     String(Int(configuration.timeout))))
        return lines
    }

    /// Removes the uploads of requests still running (on SIGINT/SIGTERM, before the process ends).
    public func removeUploads() {
        handler.uploads.removeAll()
    }

    public func stop() async {
        await http.stop(timeout: 5)
        handler.configuration.log(ServeWords.of(handler.configuration.language).logStopped)
    }
}

/// The private directories of the requests in progress, so that a stopped server leaves none.
final class UploadDirectories: @unchecked Sendable {
    private let lock = NSLock()
    private var directories: Set<URL> = []

    func add(_ url: URL) { lock.lock(); directories.insert(url); lock.unlock() }

    func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
        lock.lock(); directories.remove(url); lock.unlock()
    }

    func removeAll() {
        lock.lock(); let all = directories; directories = []; lock.unlock()
        for url in all { try? FileManager.default.removeItem(at: url) }
    }
}

struct Handler: HTTPHandler {
    let configuration: ServeConfiguration
    let uploads = UploadDirectories()
    let areas: AreaSearch?
    let csrf = CSRFTokens()
    let limiter: AnalysisLimiter
    let results: ResultStore
    let requestGuard: RequestGuard

    init(configuration: ServeConfiguration, areas: AreaSearch?) {
        self.configuration = configuration
        self.areas = areas
        limiter = AnalysisLimiter(maxRunning: configuration.maxAnalyses, maxWaiting: configuration.maxWaiting)
        results = ResultStore(capacity: configuration.maxResults)
        requestGuard = RequestGuard(loopbackOnly: configuration.isLoopback, allowedHosts: configuration.allowedHosts)
    }

    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = Date()
        var response = await respond(request)
        for (name, value) in [("Content-Security-Policy", Self.contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
                              ("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"), ("Cross-Origin-Opener-Policy", "same-origin"),
                              ("Cross-Origin-Resource-Policy", "same-origin"), ("Permissions-Policy", "camera=(), microphone=(), geolocation=()")] {
            response.headers[HTTPHeader(name)] = value
        }
        if response.headers[HTTPHeader("Cache-Control")] == nil { response.headers[HTTPHeader("Cache-Control")] = "no-store" }
        // Method, the path without ids or query, status, sizes, time: nothing else.
        let size = request.bodySequence.count.map(String.init) ?? "-"
        configuration.log("\(Self.timestamp(started)) \(request.method.rawValue) \(Self.loggedPath(request.path)) \(response.statusCode.code) "
                          + "in=\(size) out=\(Self.bodySize(response)) \(String(format: "%.3f", Date().timeIntervalSince(started)))s")
        return response
    }

    static func bodySize(_ response: HTTPResponse) -> String {
        if case .httpBody(let body) = response.payload, let count = body.count { return String(count) }
        return "-"
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: date)
    }

    static func loggedPath(_ path: String) -> String {
        if path.hasPrefix("/uitslag/") {
            let rest = path.dropFirst("/uitslag/".count).split(separator: "/")
            return "/uitslag/…" + (rest.count > 1 ? "/\(rest[1])" : "")
        }
        let known = ["/", "/analyse", "/gebieden", "/gezond", "/static/bereik.js", "/static/bereik.css"]
        return known.contains(path) ? path : "(other)"
    }

    func language(_ request: HTTPRequest, form: [String: String] = [:]) -> Language {
        let given = form["lang"] ?? request.query.first { $0.name == "lang" }?.value
        return given.flatMap(Language.init(rawValue:)) ?? configuration.language
    }

    func wantsJSON(_ request: HTTPRequest) -> Bool {
        request.headers[HTTPHeader("Accept")]?.contains("application/json") == true
    }

    func respond(_ request: HTTPRequest) async -> HTTPResponse {
        let language = language(request)
        let words = ServeWords.of(language)
        guard requestGuard.hostAllowed(request.headers[HTTPHeader("Host")]) else {
            return await drained(request, html(Pages.message(words.notFound, language: language), status: .misdirectedRequest))
        }
        let path = request.path
        switch (request.method, path) {
        case (.GET, "/"), (.HEAD, "/"):
            return html(Pages.form(language: language, csrf: csrf.token(), maxUploadBytes: configuration.maxUploadBytes))
        case (.GET, "/static/bereik.js"):
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/javascript; charset=utf-8", HTTPHeader("Cache-Control"): "no-cache"]),
                                body: Data(Assets.script.utf8))
        case (.GET, "/static/bereik.css"):
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/css; charset=utf-8", HTTPHeader("Cache-Control"): "no-cache"]),
                                body: Data(Assets.style.utf8))
        case (.GET, "/gezond"):
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/plain; charset=utf-8"]), body: Data("ok\n".utf8))
        case (.GET, "/gebieden"):
            return suggestions(request.query.first { $0.name == "q" }?.value ?? "", language: language)
        case (.POST, "/analyse"):
            return await analyse(request)
        case (.GET, _) where path.hasPrefix("/uitslag/"):
            return await result(path: path, language: language)
        case (.GET, _), (.HEAD, _):
            return html(Pages.message(words.notFound, language: language), status: .notFound)
        default:
            return await drained(request, HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, POST"])))
        }
    }

    func html(_ page: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: "text/html; charset=utf-8"]), body: Data(page.utf8))
    }

    func json(_ object: [String: Any], status: HTTPStatusCode) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: "application/json; charset=utf-8"]), body: data)
    }

    /// Reads and drops an unread body (up to four times the upload limit) so the browser sees the
    /// answer; a larger one closes the connection after the answer.
    func drained(_ request: HTTPRequest, _ response: HTTPResponse) async -> HTTPResponse {
        var response = response
        let length = request.bodySequence.count ?? Int.max
        if length > 4 * configuration.maxUploadBytes {
            response.headers[.connection] = "close"
            return response
        }
        do { for try await _ in request.bodySequence {} } catch { response.headers[.connection] = "close" }
        return response
    }

    /// Area names for the suggestions list: "Name (CODE)" with kind, gemeente and residents beside.
    func suggestions(_ query: String, language: Language) -> HTTPResponse {
        let q = String(query.prefix(100))
        guard let areas, q.trimmingCharacters(in: .whitespaces).count >= 2 else { return json([:], status: .ok).withBody("[]") }
        var found = areas.containing(q)
        if found.isEmpty { found = areas.similar(q) }
        let items = found.prefix(12).map { c -> [String: String] in
            ["value": "\(c.name) (\(c.code.raw))", "label": language.candidate(c)]
        }
        let data = (try? JSONSerialization.data(withJSONObject: Array(items), options: [.sortedKeys])) ?? Data("[]".utf8)
        return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "application/json; charset=utf-8"]), body: data)
    }

    // MARK: The analysis

    /// A problem with a form post: the form again with the message (HTML), or the message as JSON for the page's script.
    func problem(_ request: HTTPRequest, _ message: String, status: HTTPStatusCode, language: Language,
                 columns: ColumnChoice? = nil, form: [String: String] = [:]) -> HTTPResponse {
        let words = ServeWords.of(language)
        if wantsJSON(request) {
            // The page's script shows the message; the request itself succeeded (a 4xx here would
            // be a console error in the browser). The HTTP status is in the body for scripts.
            var object: [String: Any] = ["message": message, "csrf": csrf.token(), "status": Int(status.code)]
            if let columns { object["columns"] = Pages.columnChoice(columns, words: words) }
            var response = json(object, status: .ok)
            if status == .serviceUnavailable { response.headers[HTTPHeader("Retry-After")] = "60" }
            return response
        }
        return html(Pages.form(language: language, csrf: csrf.token(), maxUploadBytes: configuration.maxUploadBytes, message: message,
                               columns: columns, area: form["gebied"] ?? "", from: form["van"] ?? "", to: form["tot"] ?? "",
                               title: form["titel"] ?? ""), status: status)
    }

    func analyse(_ request: HTTPRequest) async -> HTTPResponse {
        var language = language(request)
        var words = ServeWords.of(language)
        let headers = request.headers
        guard requestGuard.sameOrigin(origin: headers[HTTPHeader("Origin")], referer: headers[HTTPHeader("Referer")], host: headers[HTTPHeader("Host")]) else {
            return await drained(request, problem(request, words.formExpired, status: .forbidden, language: language))
        }
        guard let boundary = MultipartParser.boundary(contentType: headers[.contentType]) else {
            return await drained(request, problem(request, words.badForm, status: .badRequest, language: language))
        }
        // The form's own fields take a few kB besides the file.
        let limit = configuration.maxUploadBytes
        if let length = request.bodySequence.count, length > limit + 1024 * 1024 {
            return await drained(request, problem(request, words.tooLarge(String(limit / (1024 * 1024))), status: .payloadTooLarge, language: language))
        }
        guard await limiter.admit() else {
            return await drained(request, problem(request, words.busy, status: .serviceUnavailable, language: language).retryAfter())
        }
        // The request's private directory: only this process's user can read it; removed on every path.
        let directory = configuration.temporaryDirectory.appendingPathComponent("bereik-serve-\(randomID())")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            await limiter.withdraw()
            configuration.log(ServeWords.of(configuration.language).logNoDirectory("\(type(of: error))"))
            return await drained(request, problem(request, words.unexpected, status: .internalServerError, language: language))
        }
        uploads.add(directory)
        var handedOver = false
        defer { if !handedOver { uploads.remove(directory) } }

        var parser = MultipartParser(boundary: boundary, maxFileBytes: limit) { name in
            directory.appendingPathComponent(Self.safeFileName(name))
        }
        do {
            for try await chunk in request.bodySequence { try parser.feed(chunk) }
            try parser.finish()
        } catch {
            parser.abandon()
            await limiter.withdraw()
            var response: HTTPResponse
            if case MultipartParser.Problem.tooLarge = error {
                response = problem(request, words.tooLarge(String(limit / (1024 * 1024))), status: .payloadTooLarge, language: language)
            } else {
                response = problem(request, words.badForm, status: .badRequest, language: language)
            }
            response.headers[.connection] = "close"  // the rest of the body is unread
            return response
        }
        let fields = parser.fields
        language = self.language(request, form: fields)
        words = ServeWords.of(language)
        guard csrf.isValid(fields["csrf"]) else {
            await limiter.withdraw()
            return problem(request, words.formExpired, status: .forbidden, language: language, form: fields)
        }
        guard let file = parser.file else {
            await limiter.withdraw()
            return problem(request, words.noFile, status: .unprocessableContent, language: language, form: fields)
        }
        var columns: [AttendanceRole: String] = [:]
        for role in AttendanceRole.allCases {
            if let h = fields["kolom_\(role.rawValue)"], !h.isEmpty { columns[role] = h }
        }
        let form = AnalysisForm(file: file.url, displayName: file.filename, area: fields["gebied"] ?? "", from: fields["van"] ?? "",
                                to: fields["tot"] ?? "", title: fields["titel"] ?? "", sheet: fields["blad"] ?? "", columns: columns)
        guard await limiter.acquire(timeout: configuration.timeout) else {
            return problem(request, words.busy, status: .serviceUnavailable, language: language, form: fields).retryAfter()
        }
        // From here the worker owns the directory and the slot: both are given back when it ends,
        // also when the page has stopped waiting for it.
        handedOver = true
        let analysis = Analysis(configuration: configuration)
        let limiter = self.limiter, chosen = language, uploads = self.uploads
        let outcome = await Self.runOffTasks(timeout: configuration.timeout, work: { analysis.run(form, language: chosen) }, finally: {
            uploads.remove(directory)
            Task { await limiter.release() }
        })
        guard let outcome else {
            return problem(request, words.timeout(String(Int(configuration.timeout))), status: .gatewayTimeout, language: language, form: fields)
        }
        switch outcome {
        case .problem(let message, let columns):
            return problem(request, message, status: .unprocessableContent, language: language, columns: columns, form: fields)
        case .answer(let report, let columns):
            let id = await results.put(report, columns: columns)
            let url = "/uitslag/\(id)?lang=\(language.rawValue)"
            if wantsJSON(request) { return json(["url": url], status: .ok) }
            return HTTPResponse(statusCode: .seeOther, headers: HTTPHeaders([.location: url]))
        }
    }

    /// The upload's name on disk: letters, digits, dot, dash, underscore (the report names the file; the log never does).
    static func safeFileName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        var safe = String(name.map { allowed.contains($0) ? $0 : "_" }.prefix(100))
        while safe.hasPrefix(".") { safe.removeFirst() }
        return safe.isEmpty ? "deelnemers" : safe
    }

    /// Runs blocking work on its own thread; nil when it takes longer than `timeout` (the work
    /// then finishes in the background). `finally` runs when the work ends, whichever came first.
    static func runOffTasks<T: Sendable>(timeout: TimeInterval, work: @escaping @Sendable () -> T, finally: @escaping @Sendable () -> Void) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let once = Once(continuation)
            let thread = Thread {
                let value = work()
                finally()
                once.resume(value)
            }
            thread.stackSize = 16 << 20
            thread.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { once.resume(nil) }
        }
    }

    final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T?, Never>?
        init(_ c: CheckedContinuation<T?, Never>) { continuation = c }
        func resume(_ value: T?) {
            lock.lock()
            let c = continuation
            continuation = nil
            lock.unlock()
            c?.resume(returning: value)
        }
    }

    // MARK: The answer and its downloads

    func result(path: String, language: Language) async -> HTTPResponse {
        let words = ServeWords.of(language)
        let parts = path.dropFirst("/uitslag/".count).split(separator: "/").map(String.init)
        guard let id = parts.first, id.count == 32, id.allSatisfy(\.isHexDigit), parts.count <= 2 else {
            return html(Pages.message(words.notFound, language: language), status: .notFound)
        }
        guard let entry = await results.get(id) else {
            return html(Pages.message(words.resultGone, language: language), status: .notFound)
        }
        let version = configuration.version
        guard parts.count == 2 else {
            return html(Pages.answer(id: id, entry: entry, language: language, version: version, pdf: PDFPrinter.chromium != nil))
        }
        func download(_ body: Data, type: String, name: String) -> HTTPResponse {
            HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: type, HTTPHeader("Content-Disposition"): "attachment; filename=\"\(name)\""]), body: body)
        }
        let stem = language == .nl ? "bereik-rapport" : "bereik-report"
        switch parts[1] {
        case "rapport.html":
            return download(Data(ReportHTML.render(entry.report, language: language, version: version).utf8), type: "text/html; charset=utf-8", name: "\(stem).html")
        case "uitslag.csv":
            return download(Data(entry.report.compare.render(.csv, language: language, version: version).utf8), type: "text/csv; charset=utf-8", name: "\(stem).csv")
        case "uitslag.json":
            return download(Data(entry.report.compare.render(.json, language: language, version: version).utf8), type: "application/json; charset=utf-8", name: "\(stem).json")
        case "rapport.pdf":
            guard PDFPrinter.chromium != nil else { return html(Pages.message(words.noPDF, language: language), status: .notFound) }
            // Chromium is heavy: a PDF takes an analysis slot.
            guard await limiter.admit() else { return html(Pages.message(words.busy, language: language), status: .serviceUnavailable).retryAfter() }
            guard await limiter.acquire(timeout: configuration.timeout) else {
                return html(Pages.message(words.busy, language: language), status: .serviceUnavailable).retryAfter()
            }
            let html = ReportHTML.render(entry.report, language: language, version: version)
            let limiter = self.limiter
            let pdf = await Self.runOffTasks(timeout: configuration.timeout, work: { try? PDFPrinter.pdf(html: html, name: "\(stem).pdf") },
                                             finally: { Task { await limiter.release() } })
            guard let pdf = pdf ?? nil else { return self.html(Pages.message(words.noPDF, language: language), status: .internalServerError) }
            return download(pdf, type: "application/pdf", name: "\(stem).pdf")
        default:
            return html(Pages.message(words.notFound, language: language), status: .notFound)
        }
    }
}

extension HTTPResponse {
    func retryAfter() -> HTTPResponse {
        var r = self
        r.headers[HTTPHeader("Retry-After")] = "60"
        return r
    }

    func withBody(_ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: statusCode, headers: headers, body: Data(text.utf8))
    }
}
