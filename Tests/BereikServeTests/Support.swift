import BereikReport
@testable import BereikServe
import Foundation

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let example = path("Datasets/example/deelnemers_nieuw_west_2019.csv")
    static let amsterdam2019 = path("Datasets/cbs/kwb2019_84583NED_amsterdam.csv")
    static let ses2019 = path("Datasets/cbs/seswoa2019_85163NED_amsterdam.csv")
    static let workbook = path("Tests/BereikPipelineTests/Fixtures/rotterdam_openpyxl.xlsx")
    static let driver = path("Tests/BereikServeTests/Driver/serve_browser.py")

    static func temporaryDirectory(_ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-serve-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)-\(UUID().uuidString.prefix(6))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// The server's log lines, kept for the test to read.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

/// A server of its own for a test, on a free loopback port, with its own temporary directory and log.
struct TestServer {
    let server: BereikServer
    let port: UInt16
    let temporary: URL
    let log: LogLines
    let task: Task<Void, Never>

    static func start(example: Bool = true, _ adjust: (inout ServeConfiguration) -> Void = { _ in }) async throws -> TestServer {
        var configuration = ServeConfiguration(version: "test")
        configuration.port = 0
        if example {
            configuration.population = Repo.amsterdam2019
            configuration.ses = Repo.ses2019
        }
        configuration.repetitions = 2_000
        let temporary = Repo.temporaryDirectory("tmp")
        configuration.temporaryDirectory = temporary
        let log = LogLines()
        configuration.log = { log.add($0) }
        adjust(&configuration)
        let server = try BereikServer(configuration: configuration)
        let task = Task { _ = try? await server.run() }
        let port = try await server.waitUntilListening()
        return TestServer(server: server, port: port, temporary: temporary, log: log, task: task)
    }

    /// A server for the length of `body`, stopped (and its directory removed) whatever happens.
    static func with(example: Bool = true, _ adjust: (inout ServeConfiguration) -> Void = { _ in },
                     _ body: (TestServer) async throws -> Void) async throws {
        let s = try await start(example: example, adjust)
        do { try await body(s) } catch { await s.stop(); throw error }
        await s.stop()
    }

    func stop() async {
        await server.stop()
        task.cancel()
        try? FileManager.default.removeItem(at: temporary)
    }

    var origin: String { "http://127.0.0.1:\(port)" }

    /// What is left in the temporary directory (nothing, after every answer).
    var leftovers: [String] { (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? ["(unreadable)"] }

    func get(_ path: String, headers: [String: String] = [:]) async -> HTTPAnswer {
        await HTTPAnswer.send(port: port, method: "GET", path: path, headers: headers)
    }

    /// The page's CSRF token.
    func token() async -> String {
        let page = await get("/").text
        let start = page.range(of: "name=\"csrf\" value=\"")!.upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    /// Posts the form as the page's script does (JSON answers) or as a plain form (HTML answers).
    func post(fields: [String: String], file: (name: String, data: Data)?, json: Bool = true, origin: String? = nil,
              host: String? = nil, token: String? = nil) async -> HTTPAnswer {
        var fields = fields
        if fields["csrf"] == nil {
            if let token { fields["csrf"] = token } else { fields["csrf"] = await self.token() }
        }
        let boundary = "----bereik\(UUID().uuidString.prefix(8))"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = ["Content-Type": "multipart/form-data; boundary=\(boundary)", "Origin": origin ?? self.origin]
        if json { headers["Accept"] = "application/json" }
        if let host { headers["Host"] = host }
        return await HTTPAnswer.send(port: port, method: "POST", path: "/analyse", headers: headers, body: body)
    }
}

/// One HTTP/1.1 exchange over a plain socket (Connection: close), so a test controls every header.
struct HTTPAnswer: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    func header(_ name: String) -> String? { headers[name.lowercased()] }

    static func send(port: UInt16, method: String, path: String, headers: [String: String] = [:], body: Data = Data()) async -> HTTPAnswer {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: blockingSend(port: port, method: method, path: path, headers: headers, body: body))
            }
        }
    }

    static func blockingSend(port: UInt16, method: String, path: String, headers: [String: String], body: Data) -> HTTPAnswer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return HTTPAnswer(status: -1, headers: [:], body: Data()) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { return HTTPAnswer(status: -1, headers: [:], body: Data()) }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        var all = headers
        if all["Host"] == nil { all["Host"] = "127.0.0.1:\(port)" }
        all["Connection"] = "close"
        if method == "POST" { all["Content-Length"] = String(body.count) }
        for (k, v) in all { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        let request = Data(head.utf8) + body
        var sent = 0
        request.withUnsafeBytes { raw in
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { break }
                sent += n
            }
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { return HTTPAnswer(status: -1, headers: [:], body: response) }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? -1
        var parsed: [String: String] = [:]
        for line in lines.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return HTTPAnswer(status: status, headers: parsed, body: Data(response[split.upperBound...]))
    }
}
