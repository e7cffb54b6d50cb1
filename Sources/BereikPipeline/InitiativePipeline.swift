import BereikData
import BereikStats

/// One person dimension of `compare --by-initiative`: the whole run (as `compare`) and each
/// initiative's persons against the same residents, and how the initiatives overlap.
public struct InitiativeDimension: Sendable {
    public let all: DimensionResult
    public let perInitiative: [DimensionResult]
    /// `overlap[k − 1][c]`: persons of category c (index `keys.count`: unknown or set apart) who
    /// took part in exactly k initiatives. Not published; the ledger needs it, since a reader can
    /// add the initiatives' counts of a group (Σ_k k·overlap) and compare with the whole.
    public let overlap: [[Int]]
}

public struct InitiativeResult: Sendable {
    public let request: AnalysisRequest
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let notes: [RunNote]
    public let names: [String]
    /// Persons per initiative.
    public let persons: [Int]
    /// Persons by the number of initiatives they took part in (index 0 = one).
    public let personsByCount: [Int]
    public let dimensions: [InitiativeDimension]
}

/// `compare --by-initiative`: several initiatives side by side — from several attendance files
/// (`--attendance "Naam=file"` repeated) or an initiative column — each compared with the area's
/// residents as `compare` does, beside the whole run, where a person in several initiatives
/// counts once. Whether the initiatives' composition differs beyond chance is
/// `heterogeneity --by initiative`.
public enum InitiativePipeline {
    public static func run(_ request: AnalysisRequest) throws -> InitiativeResult {
        try run(request, inputs: PreparedInputs(request))
    }

    public static func run(_ request: AnalysisRequest, inputs: PreparedInputs) throws -> InitiativeResult {
        let p = inputs.attendance.participants
        let names = p.initiativeNames
        guard names.count >= 2 else { throw ActivityProblem.fewerThanTwoInitiatives(file: inputs.attendance.source, found: names) }
        let n = names.count
        let sets = (0..<p.count).map { p.initiatives(of: $0).map(Int.init) }
        // Subset n is everyone: the run as `compare` sees it.
        let compared = try SubsetComparison.compare(inputs, request, subsets: n + 1) { sets[$0] + [n] }
        let most = sets.map(\.count).max() ?? 0
        var byCount = [Int](repeating: 0, count: most)
        for s in sets where !s.isEmpty { byCount[s.count - 1] += 1 }
        let dimensions = compared.map { d -> InitiativeDimension in
            let keys = d.table.keys.count
            var overlap = [[Int]](repeating: [Int](repeating: 0, count: keys + 1), count: most)
            for person in 0..<p.count where !sets[person].isEmpty {
                let v = Int(d.values[person])
                overlap[sets[person].count - 1][!d.apart(person) && v >= 0 && v < keys ? v : keys] += 1
            }
            return InitiativeDimension(all: d.results[n], perInitiative: Array(d.results[0..<n]), overlap: overlap)
        }
        return InitiativeResult(request: request, sources: inputs.sources, area: inputs.area, reconciliation: inputs.attendance.reconciliation,
                                notes: inputs.notes, names: names, persons: (0..<n).map { i in sets.filter { $0.contains(i) }.count },
                                personsByCount: byCount, dimensions: dimensions)
    }
}
