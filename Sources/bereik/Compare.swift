import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import BereikStats
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare who is reached with who lives in the area, per gender, age, origin and SES.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, parsing: .singleValue, help: "Dimensions: gender, age, origin, ses (comma-separated). Default: all the attendance has.")
    var by: [String] = []

    @Option(name: .long, help: "Confidence level for intervals and α = 1 − confidence for flags.")
    var confidence: Double = 0.95

    @Option(name: .long, help: "Multiplicity adjustment across a dimension's groups: holm, bh or none.")
    var adjustment: String = "holm"

    @Option(name: .long, help: "Reach interval: wilson or clopper-pearson.")
    var interval: String = "wilson"

    @Option(name: .long, help: "Number of SES-WOA groups (resident-weighted quantiles).")
    var sesGroups: Int = 5

    @Option(name: .long, help: "Monte Carlo draws for the exact fit test.")
    var draws: Int = 10_000

    @Option(name: .long, help: "Random seed (Monte Carlo).")
    var seed: UInt = 20_261_123

    func validate() throws {
        guard confidence > 0, confidence < 1 else { throw ValidationError("--confidence must lie between 0 and 1, e.g. 0.95") }
        guard (2...20).contains(sesGroups) else { throw ValidationError("--ses-groups must be between 2 and 20") }
        guard draws >= 0 else { throw ValidationError("--draws cannot be negative") }
        _ = try dimensions()
        guard PValueAdjustment(rawValue: adjustment) != nil else { throw ValidationError("--adjustment must be holm, bh or none") }
        guard let m = IntervalMethod(rawValue: interval), m == .wilson || m == .clopperPearson else {
            throw ValidationError("--interval must be wilson or clopper-pearson")
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
        var request = try input.request()
        request.dimensions = try dimensions()
        request.sesGroups = sesGroups
        request.settings = ComparisonSettings(confidence: try ConfidenceLevel(confidence),
                                              reachInterval: IntervalMethod(rawValue: interval)!,
                                              adjustment: PValueAdjustment(rawValue: adjustment)!,
                                              fit: .init(draws: draws, seed: seed))
        let result = try ComparePipeline.run(request)
        if request.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let language = output.language
        switch output.format {
        case .table: try output.write(CompareTable.render(result, language: language))
        case .markdown: try output.write(CompareMarkdown.render(result, language: language))
        case .csv: try output.write(CompareCSV.render(result, language: language))
        case .json: try output.write(CompareJSON.render(result, version: Bereik.version))
        }
    }
}
