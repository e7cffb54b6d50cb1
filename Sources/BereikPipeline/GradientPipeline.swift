import BereikData
import BereikStats

public struct GradientResult: Sendable {
    public let request: AnalysisRequest
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let notes: [RunNote]
    /// Reach by SES-WOA group, as `compare --by ses`.
    public let groups: DimensionResult?
    public let sii: SlopeIndexOfInequality?
    /// Why there is no SII although there are SES groups.
    public let siiOmission: SlopeIndexOfInequality.Omission?
    /// Over buurten ranked by SES-WOA score.
    public let concentration: ConcentrationIndex?
    public let buurtenRanked: Int
    /// Buurt (cluster) bootstrap intervals of the SII and the concentration index.
    public var bootstrap: ClusterBootstrap? = nil
    /// The buurten of the concentration index, in SES order, with their participants.
    public let rankedBuurten: [RankedBuurt]
}

/// A buurt of the concentration index: its code and participants.
public struct RankedBuurt: Sendable {
    public let code: RegionCode
    public let participants: Int
}

/// `bereik gradient`: reach along the SES-WOA gradient of the area's buurten.
public enum GradientPipeline {
    public static func run(_ request: AnalysisRequest, repetitions: Int) throws -> GradientResult {
        try run(request, repetitions: repetitions, inputs: PreparedInputs(request))
    }

    public static func run(_ request: AnalysisRequest, repetitions: Int, inputs: PreparedInputs) throws -> GradientResult {
        var notes = inputs.notes
        guard let grouping = try inputs.sesGrouping(notes: &notes) else {
            return GradientResult(request: request, sources: inputs.sources, area: inputs.area,
                                  reconciliation: inputs.attendance.reconciliation, notes: notes, groups: nil, sii: nil, siiOmission: nil,
                                  concentration: nil, buurtenRanked: 0, rankedBuurten: [])
        }
        let table = CountTable.sesTable(participants: inputs.attendance.participants, grouping: grouping)
        let groups = try ComparePipeline.result(table, request, grouping: grouping)
        let nonEmpty = zip(table.participants, table.residents).filter { $0.1 > 0 }.map { (x: $0.0, n: $0.1) }
        let siiOmission = SlopeIndexOfInequality.omission(groups: nonEmpty)
        let sii = try SlopeIndexOfInequality(groups: nonEmpty, confidence: request.settings.confidence,
                                             repetitions: repetitions, seed: request.settings.fit.seed)
        let perBuurt = inputs.participantsPerBuurt()
        let ranked = grouping.groupOf.keys.compactMap { code -> (RegionCode, Double, Int, Int)? in
            guard let score = inputs.ses?.scores[code], let n = inputs.residents(code), n > 0 else { return nil }
            return (code, score, perBuurt[code] ?? 0, n)
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        let concentration = try ConcentrationIndex(units: ranked.map { (x: $0.2, n: $0.3) }, confidence: request.settings.confidence)
        var result = GradientResult(request: request, sources: inputs.sources, area: inputs.area,
                              reconciliation: inputs.attendance.reconciliation, notes: notes, groups: groups, sii: sii, siiOmission: siiOmission,
                              concentration: concentration, buurtenRanked: ranked.count,
                              rankedBuurten: ranked.map { RankedBuurt(code: $0.0, participants: $0.2) })
        result.bootstrap = try ClusterBootstrap(units: ranked.map { (score: $0.1, x: $0.2, n: $0.3) }, groups: grouping.groups,
                                                cutPoints: grouping.cutPoints,
                                                replicates: Self.bootstrapReplicates, seed: request.settings.fit.seed,
                                                confidence: request.settings.confidence)
        return result
    }

    /// Replicates of the buurt bootstrap (percentile limits; 2,000 keep the Monte Carlo error of a
    /// 2.5% limit near 5% of the interval's width).
    public static let bootstrapReplicates = 2000
}
