import BereikReport
import Foundation

/// The settings of `bereik serve` (the command's flags).
public struct ServeConfiguration: Sendable {
    /// The address to listen on: loopback unless another is named (then the log warns).
    public var host = "127.0.0.1"
    /// Host names a reverse proxy passes on (the page is then reached as https://NAME/); on
    /// loopback every other name is refused (against DNS rebinding).
    public var allowedHosts: [String] = []
    /// 0: any free port (tests); `Server.port` tells which.
    public var port: UInt16 = 8080
    public var maxUploadBytes = 200 * 1024 * 1024
    /// Analyses at once; more wait their turn (up to `maxWaiting`), beyond that the "busy" page.
    public var maxAnalyses = 2
    public var maxWaiting = 32
    /// Seconds an analysis (and the wait for its turn) may take; the upload itself gets as long again.
    public var timeout: TimeInterval = 600
    /// Answers kept for download (30 minutes each, in memory).
    public var maxResults = 50
    /// The page's language when the request does not choose one.
    public var language: Language = .nl
    /// Population, SES-WOA and postcode tables (nil: the bundled CBS tables, as in the CLI).
    public var population: String?
    public var ses: String?
    public var postcodes: String?
    public var repetitions = 100_000
    public var disclosureThreshold = 5
    /// Bereik's version, printed in the report.
    public var version: String
    /// Where each request's private directory is made.
    public var temporaryDirectory: URL = FileManager.default.temporaryDirectory
    /// One line of the server log (stderr by default). Lines hold method, path, status, sizes and
    /// times, and the start-up notes: never file names, contents or persons.
    public var log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }

    public init(version: String) { self.version = version }

    /// Whether the address is loopback only.
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
