import ArgumentParser
import BereikData
import BereikStats
import Foundation

/// `bereik`: who does an initiative reach, and who does it miss?
/// Commands stay thin: they parse, call BereikPipeline, render with BereikReport and set exit codes
/// (0 success, 1 data problem, 2 usage error).
@main
struct Bereik: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "bereik",
        abstract: "Wie bereiken we, wie missen we? Compare participants of an initiative with the people living in its area.",
        version: version,
        subcommands: [Compare.self, Heterogeneity.self, Gradient.self, Trend.self, Report.self, Init.self, Validate.self, Simulate.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as DataError {
            FileHandle.standardError.write(Data("bereik: \(error)\n".utf8))
            Foundation.exit(1)
        } catch let error as StatsError {
            FileHandle.standardError.write(Data("bereik: \(error)\n".utf8))
            Foundation.exit(1)
        } catch let error as DataProblemsFound {
            _ = error
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure && "\(error)".isEmpty {
                exit(withError: error)
            }
            // Usage errors (bad flags, bad values) exit with 2, as the README promises.
            let message = fullMessage(for: error)
            if code == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data("\(message)\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Thrown by `validate` after it has printed the problems: exit code 1, nothing more to print.
struct DataProblemsFound: Error {}
