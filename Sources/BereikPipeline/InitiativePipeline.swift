import BereikData
import BereikStats

/// One person dimension of `compare --by-initiative`: the whole run (as `compare`) and each
/// initiative's persons against the same residents, and how the initiatives overlap.
public struct InitiativeDimension: Sendable {
    public let all: DimensionResult
    public let perInitiative: [DimensionResult]
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
    /// Persons by their exact set of initiatives (for the disclosure ledger).
    public let sets: MembershipSets
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
        let dimensions = compared.map { InitiativeDimension(all: $0.results[n], perInitiative: Array($0.results[0..<n])) }
        // Per dimension a person's column as the side-by-side tables count it: category, or the
        // rest (unknown, or in a buurt without counts).
        let membership = MembershipSets(persons: p.count, member: { sets[$0] }, categories: compared.map { d in
            let keys = d.table.keys.count
            return (d.table.dimension, keys, { person in
                let v = Int(d.values[person])
                return !d.apart(person) && v >= 0 && v < keys ? v : keys
            })
        })
        return InitiativeResult(request: request, sources: inputs.sources, area: inputs.area, reconciliation: inputs.attendance.reconciliation,
                                notes: inputs.notes, names: names, persons: (0..<n).map { i in sets.filter { $0.contains(i) }.count },
                                personsByCount: byCount, dimensions: dimensions, sets: membership)
    }
}
