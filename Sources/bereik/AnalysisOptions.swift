import ArgumentParser
import BereikPipeline
import BereikStats
import Foundation

/// The statistical settings shared by compare, heterogeneity and gradient.
struct AnalysisOptions: ParsableArguments {
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
        guard (0...10_000_000).contains(draws) else { throw ValidationError("--draws must lie between 0 and 10,000,000") }
        guard PValueAdjustment(rawValue: adjustment) != nil else { throw ValidationError("--adjustment must be holm, bh or none") }
        guard let m = IntervalMethod(rawValue: interval), m == .wilson || m == .clopperPearson else {
            throw ValidationError("--interval must be wilson or clopper-pearson")
        }
    }

    /// The analysis settings of these flags, unless a project file set them.
    func apply(to request: CompareRequest, fromProject: Bool = false) throws -> CompareRequest {
        if fromProject { return request }
        var request = request
        request.sesGroups = sesGroups
        request.settings = ComparisonSettings(confidence: try ConfidenceLevel(confidence),
                                              reachInterval: IntervalMethod(rawValue: interval)!,
                                              adjustment: PValueAdjustment(rawValue: adjustment)!,
                                              fit: .init(draws: draws, seed: seed))
        return request
    }
}
