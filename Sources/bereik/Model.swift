import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import Foundation

extension SESForm: ExpressibleByArgument {}
extension ModelStandardErrors: ExpressibleByArgument {}

/// What `--adjust` can take (buurt-level characteristics; person × person needs joint counts CBS does not publish).
enum ModelAdjustment: String, ExpressibleByArgument, CaseIterable { case ses }

struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Rate ratios from a Poisson regression on buurt × group cells: is a group's reach lower once the buurt's SES is taken into account, and is the SES gradient explained by the group?")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .customLong("by"), help: "The person characteristic: gender, age or origin.")
    var modelBy: String

    @Option(name: .long, help: "Adjust for a buurt characteristic: ses.")
    var adjust: [ModelAdjustment] = []

    @Option(name: .customLong("ses-as"), help: "SES as groups (Q1 … Qk, the highest the reference) or as a score (per standard deviation).")
    var sesAs: SESForm?

    @Option(name: .long, help: "The reference group of --by (default: the group with the most residents).")
    var reference: String?

    @Option(name: .customLong("se"), help: "quasi (default), model or robust (by buurt).")
    var standardErrors: ModelStandardErrors = .quasi

    func validate() throws {
        guard BereikData.Dimension(rawValue: modelBy) != nil else {
            throw ValidationError(Diagnostics.language == .nl ? "--by kan gender, age of origin zijn" : "--by must be gender, age or origin")
        }
        if sesAs != nil && !adjust.contains(.ses) {
            throw ValidationError(Diagnostics.language == .nl ? "--ses-as hoort bij --adjust ses" : "--ses-as goes with --adjust ses")
        }
    }

    func run() throws {
        guard let by = BereikData.Dimension(rawValue: modelBy) else {
            throw ValidationError(Diagnostics.language == .nl ? "--by kan gender, age of origin zijn" : "--by must be gender, age or origin")
        }
        let (request, project) = try input.request(with: analysis)
        var question = ModelQuestion(by: by, adjustForSES: adjust.contains(.ses), sesForm: sesAs ?? .groups, reference: reference, standardErrors: standardErrors)
        for language in Language.allCases {
            for (key, label) in language.words.category { question.referenceLabels[label.lowercased()] = key }
        }
        let result = try ModelPipeline.run(request, question: question)
        InputOptions.clearProgress(request)
        try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
    }
}
