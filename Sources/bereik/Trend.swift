import ArgumentParser
import BereikPipeline
import BereikReport
import Foundation

extension TrendPeriod: ExpressibleByArgument {}

struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "How reach develops over time, and whether it is the same faces: per month, quarter or year.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: "month, quarter or year.") var period: TrendPeriod = .quarter

    func run() throws {
        let (request, project) = try input.request(with: analysis)
        let result = try TrendPipeline.run(request, period: period)
        InputOptions.clearProgress(request)
        try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
    }
}
