import ArgumentParser
import BereikReport
import BereikServe
import Foundation

extension Language: ExpressibleByArgument {}

/// `bereik serve`: the web page for project teams (drop the file, pick the area, read who is missing).
/// A program of its own, `bereik-serve`, which `bereik serve` runs: the server's library links
/// FoundationNetworking and through it libcurl and about thirty more shared libraries, whose
/// loading cost every other command 9 ms at start (issue 15).
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bereik serve",
        abstract: "Start the web page for project teams: drop the attendance file, pick the area, read who is missing (http://127.0.0.1:8080/).",
        version: BereikVersion.current)

    @Option(name: .long, help: "Port to listen on.") var port: UInt16 = 8080
    @Option(name: .long, help: "Address to listen on (default 127.0.0.1: this computer only). Another address opens the page to the network: put a reverse proxy with login in front of it.")
    var host: String = "127.0.0.1"
    @Option(name: .customLong("allowed-host"), parsing: .singleValue, help: "Host name a reverse proxy passes on, e.g. bereik.ggd.intern (repeatable); on loopback other names are refused.")
    var allowedHosts: [String] = []
    @Option(name: .long, help: "Largest attendance file accepted, in MB.") var maxUploadMb: Int = 200
    @Option(name: .long, help: "Analyses at the same time (more wait their turn; beyond that the page says to try again).") var maxAnalyses: Int = 2
    @Option(name: .long, help: "Seconds an analysis may take (and, before it, its wait for a turn).") var timeout: Int = 600
    @Option(name: .long, help: "Language of the page and the log when the visitor does not choose: nl (default) or en.") var lang: Language = .nl
    @Option(name: .long, help: "Population table for every analysis and the area suggestions (default: the bundled CBS KWB 2024).") var population: String?
    @Option(name: .long, help: "SES-WOA scores per wijk/buurt (CBS 85163NED).") var ses: String?
    @Option(name: .long, help: "PC6 → buurt table, used when a row has no buurt code.") var postcodes: String?
    @Option(name: .long, help: "Disclosure threshold: participant counts from 1 to N − 1 are withheld (default 5).") var disclosureThreshold: Int = 5

    func validate() throws {
        guard (1...10_000).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb must lie between 1 and 10000") }
        guard (1...64).contains(maxAnalyses) else { throw ValidationError("--max-analyses must lie between 1 and 64") }
        guard (5...86_400).contains(timeout) else { throw ValidationError("--timeout must lie between 5 and 86400 seconds") }
        guard (2...1000).contains(disclosureThreshold) else { throw ValidationError("--disclosure-threshold must lie between 2 and 1000 (5 is usual)") }
    }

    func run() throws {
        var configuration = ServeConfiguration(version: BereikVersion.current)
        configuration.host = host
        configuration.port = port
        configuration.allowedHosts = allowedHosts
        configuration.maxUploadBytes = maxUploadMb * 1024 * 1024
        configuration.maxAnalyses = maxAnalyses
        configuration.timeout = TimeInterval(timeout)
        configuration.language = lang
        configuration.population = population
        configuration.ses = ses
        configuration.postcodes = postcodes
        configuration.disclosureThreshold = disclosureThreshold
        let server = try BereikServer(configuration: configuration)
        // `Bereik.main()` is synchronous: the server runs on its own task while this thread waits.
        // Ctrl-C or a service manager's stop: remove the uploads still being analysed, then end.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stops = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in stops {
            source.setEventHandler {
                server.removeUploads()
                Foundation.exit(0)
            }
            source.resume()
        }
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task.detached {
            do {
                async let serving: Void = server.run()
                _ = try await server.waitUntilListening()
                try await serving
            } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        stops.forEach { $0.cancel() }
        if let error = failure.error { throw error }
    }

    final class Failure: @unchecked Sendable { var error: Error? }

    /// Errors as `bereik` gives them: a data problem in one sentence in the output language
    /// (`--lang`, else the locale) with exit 1, a usage error with exit 2.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = Language.flag(in: arguments) ?? .fromEnvironment()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if let sentence = language.sentence(for: error) {
                FileHandle.standardError.write(Data("bereik serve: \(sentence)\n".utf8))
                Foundation.exit(1)
            }
            if exitCode(for: error) == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
