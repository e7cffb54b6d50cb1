import ArgumentParser
import BereikPipeline
import BereikStats
import Foundation

/// The statistical settings shared by compare, heterogeneity, gradient, trend and report. A flag
/// that is given overrides the project file; one that is not leaves the project's value (or the
/// default) in place.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .long, help: "Confidence level for intervals and α = 1 − confidence for flags (default 0.95).")
    var confidence: Double?

    @Option(name: .long, help: "Multiplicity adjustment across a dimension's groups (default holm).")
    var adjustment: PValueAdjustment?

    @Option(name: .long, help: "Reach interval (default wilson).")
    var interval: ReachIntervalChoice?

    @Option(name: .long, help: "Funnel limits: exact (binomial, Spiegelhalter 2005; default) or normal (PHE's approximation).")
    var funnel: FunnelMethod?

    @Option(name: .long, parsing: .unconditional, help: "SES-WOA groups: a number (resident-weighted quantiles, national when the SES file covers the country; default 5) or cut points such as -0.5,0,0.5.")
    var sesGroups: SESGroupsChoice?

    @Option(name: .long, help: "Monte Carlo draws for the exact fit test (0 to 10,000,000; default 10,000).")
    var draws: Int?

    @Option(name: .long, help: "Random seed (Monte Carlo; default 20261123).")
    var seed: UInt?

    func validate() throws {
        if let confidence { guard confidence > 0, confidence < 1 else { throw ValidationError("--confidence must lie between 0 and 1, e.g. 0.95") } }
        if let draws { guard (0...10_000_000).contains(draws) else { throw ValidationError("--draws must lie between 0 and 10,000,000") } }
    }

    /// The request with every flag that was given applied on top of it (project values stay otherwise).
    func apply(to request: AnalysisRequest) throws -> AnalysisRequest {
        var request = request
        sesGroups?.apply(to: &request)
        if let funnel { request.funnel = funnel }
        if let confidence { request.settings.confidence = try ConfidenceLevel(confidence) }
        if let interval { request.settings.reachInterval = interval.method }
        if let adjustment { request.settings.adjustment = adjustment }
        if let draws { request.settings.fit.draws = draws }
        if let seed { request.settings.fit.seed = seed }
        return request
    }
}

extension PValueAdjustment: ExpressibleByArgument {}
extension ReachIntervalChoice: ExpressibleByArgument {}
extension FunnelMethod: ExpressibleByArgument {}

extension SESGroupsChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}
