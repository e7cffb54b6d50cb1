import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import BereikStats
import Foundation

/// `bereik`: who does an initiative reach, and who does it miss?
/// Commands stay thin: they parse, call BereikPipeline, render with BereikReport and set exit codes
/// (0 success, 1 data problem, 2 usage error).
@main
struct Bereik: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bereik",
        abstract: "Wie bereiken we, wie missen we? Compare participants of an initiative with the people living in its area.",
        version: BereikVersion.current,
        subcommands: [Compare.self, Areas.self, Heterogeneity.self, Gradient.self, Trend.self, Model.self, Report.self, Map.self, Init.self, Validate.self, Simulate.self, Serve.self]
    )

    static func main() {
        if let l = Diagnostics.language(in: CommandLine.arguments) { Diagnostics.language = l }
        // `bereik serve …` is the program bereik-serve, with its own options and help.
        if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "serve" {
            do { try ServeProgram.run(Array(CommandLine.arguments.dropFirst(2))) } catch {
                FileHandle.standardError.write(Data("bereik: \(Diagnostics.message(error) ?? "\(error)")\n".utf8))
                Foundation.exit(1)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as AreaNameProblem {
            // A name no region has (or several have) is a wrong argument: a usage error.
            FileHandle.standardError.write(Data("bereik: \(Diagnostics.message(error)!)\n".utf8))
            Foundation.exit(2)
        } catch let error as ModelProblem where error.isUsage {
            // A wrong --by or --reference is a wrong argument too.
            FileHandle.standardError.write(Data("bereik: \(Diagnostics.message(error)!)\n".utf8))
            Foundation.exit(2)
        } catch let error where Diagnostics.message(error) != nil {
            FileHandle.standardError.write(Data("bereik: \(Diagnostics.message(error)!)\n".utf8))
            Foundation.exit(1)
        } catch is DataProblemsFound {
            Foundation.exit(1)
        } catch {
            // Usage errors (bad flags or values) exit with 2, as the README promises; help and
            // version requests and anything else keep ArgumentParser's handling.
            if exitCode(for: error) == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Thrown by `validate` after it has printed the problems: exit code 1, nothing more to print.
struct DataProblemsFound: Error {}
