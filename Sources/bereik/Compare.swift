import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import BereikStats
import Foundation

extension ClusterChoice: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare who is reached with who lives in the area, per gender, age, origin and SES.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, parsing: .singleValue, help: "Dimensions: gender, age, origin, ses (comma-separated). Default: all the attendance has.")
    var by: [String] = []

    @Option(name: .long, help: "none (default) or buurt: participants clustered in their buurten — intervals and tests with design effects (Kish; Korn & Graubard), the fit test by Rao–Scott.")
    var cluster: ClusterChoice = .none

    func validate() throws {
        _ = try dimensions()
        if cluster == .buurt && output.disclosureSafe {
            throw ValidationError("--cluster buurt cannot be combined with --disclosure-safe: design effects are computed from counts per buurt, which could reveal small numbers")
        }
    }

    func dimensions() throws -> [BereikData.Dimension]? {
        let names = by.flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces).lowercased() }
        if names.isEmpty { return nil }
        return try names.map { name in
            guard let d = BereikData.Dimension(rawValue: name) else {
                throw ValidationError("--by '\(name)' is not a dimension; expected gender, age, origin or ses")
            }
            return d
        }
    }

    func run() throws {
        var (request, project) = try input.request(with: analysis)
        if let d = try dimensions() { request.dimensions = d }
        request.cluster = cluster
        let result = try ComparePipeline.run(request)
        InputOptions.clearProgress(request)
        try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
    }
}
