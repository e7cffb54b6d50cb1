import ArgumentParser
import BereikPipeline
import BereikReport
import Foundation

extension HeterogeneityUnit: ExpressibleByArgument {}

struct Heterogeneity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heterogeneity",
        abstract: "How much reach varies between buurten, wijken, activities or initiatives beyond chance (funnel, I², τ², segregation).")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: "buurt, wijk, activity or initiative (an initiative column: several initiatives in one file).")
    var by: HeterogeneityUnit = .buurt

    func run() throws {
        let (request, project) = try input.request(with: analysis)
        if let level = by.level {
            let result = try HeterogeneityPipeline.run(request, by: level)
            InputOptions.clearProgress(request)
            try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
        } else {
            let result = try HeterogeneityPipeline.activities(request, inputs: PreparedInputs(request), membership: by.membership ?? .activity)
            InputOptions.clearProgress(request)
            try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
        }
    }
}

struct Gradient: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradient",
        abstract: "Reach along the SES-WOA gradient: reach per SES group, SII/RII (PHE method) and the concentration index.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: "Monte Carlo repetitions for the SII/RII intervals.")
    var repetitions: Int = 100_000

    func validate() throws {
        guard (1000...1_000_000).contains(repetitions) else { throw ValidationError("--repetitions must lie between 1,000 and 1,000,000") }
    }

    func run() throws {
        let (request, project) = try input.request(with: analysis)
        guard request.ses != nil else { throw ValidationError("gradient needs --ses (CBS SES-WOA scores per wijk/buurt)") }
        let result = try GradientPipeline.run(request, repetitions: repetitions)
        InputOptions.clearProgress(request)
        try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
    }
}
