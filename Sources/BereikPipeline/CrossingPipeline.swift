import BereikData
import BereikStats
import Foundation

/// One place group of a crossing (an SES group, a wijk or a buurt) with the full comparison of the
/// person characteristic inside it: participants there against residents there.
public struct CrossedGroup: Sendable {
    public let key: String
    public let name: String
    public let result: DimensionResult
}

/// Whether the person characteristic's representation differs between the place groups: the
/// interaction term of a Poisson model on buurt × category cells with buurt fixed effects,
/// log E[n_bc] = log N_bc + α_c + δ_b (+ γ_c,g(b)), tested by likelihood ratio and, with the
/// interaction model's dispersion φ, by F (quasi-Poisson: category × buurt variation within a
/// group is not mistaken for an interaction; R `anova(..., test = "F")`; McCullagh & Nelder 1989
/// §6.2). With one buurt per group (`:buurt`) the interaction model is saturated and only the
/// likelihood ratio is available.
public struct InteractionTest: Sendable {
    public let statistic: Double
    public let df: Int
    public let pValue: Double
    public let f: Double?
    public let pValueF: Double?
    public let dispersion: Double?
    /// F's p when there is one, else the likelihood ratio's.
    public var readingPValue: Double { pValueF ?? pValue }
}

public struct CrossedResult: Sendable {
    public let crossing: Crossing
    public let groups: [CrossedGroup]
    public let interaction: InteractionTest?
    /// Why there is no interaction test (fewer than two groups or categories with participants, a failed fit).
    public let interactionOmitted: String?
    /// Persons with a known value outside every place group (no buurt, or a buurt without SES score or counts), per category.
    public let unplaced: [Int]
    /// Persons in each group whose value is unknown.
    public let unknownPerGroup: [Int]
    /// Persons whose value is unknown outside every group.
    public let unknownUnplaced: Int
}

/// `compare --by gender:ses` (and `origin:wijk`, `age:buurt`, …).
public enum CrossingPipeline {
    static func run(_ crossing: Crossing, request: AnalysisRequest, inputs: PreparedInputs, notes: inout [RunNote]) throws -> CrossedResult? {
        let p = inputs.attendance.participants
        guard let values = p.values(crossing.person) else { return nil }
        let keys = crossing.person == .origin ? inputs.population.originScheme.keys
            : CategoryKeys.keys(for: crossing.person, origin: inputs.population.originScheme, sesGroups: 0)

        // The place group of each buurt of the area (only buurten with counts for the characteristic).
        var groupKeys: [String] = [], groupNames: [String] = [], groupOf: [RegionCode: Int] = [:]
        let buurten = inputs.area.buurten.filter { inputs.population.region($0)?.counts[crossing.person] != nil }
        switch crossing.place {
        case .ses:
            guard let grouping = try inputs.sesGrouping(notes: &notes) else { return nil }
            groupKeys = CategoryKeys.ses(groups: grouping.groups)
            groupNames = groupKeys
            for b in buurten { if let g = grouping.groupOf[b] { groupOf[b] = g } }
        case .wijk, .buurt:
            guard inputs.attendance.hasBuurt else { notes.append(.sesUnavailable(reason: "no_buurt")); return nil }
            var index: [RegionCode: Int] = [:]
            for b in buurten {
                let place = crossing.place == .buurt ? b : b.lineage.first { $0.level == .wijk } ?? b
                if index[place] == nil {
                    index[place] = groupKeys.count
                    groupKeys.append(place.raw)
                    groupNames.append(inputs.population.region(place)?.name ?? place.raw)
                }
                groupOf[b] = index[place]
            }
        }
        let k = keys.count, g = groupKeys.count
        var residents = [[Int]](repeating: [Int](repeating: 0, count: k), count: g)
        for (b, group) in groupOf {
            for (c, n) in inputs.population.region(b)!.counts[crossing.person]!.enumerated() where c < k { residents[group][c] += n }
        }
        var participants = [[Int]](repeating: [Int](repeating: 0, count: k), count: g)
        var unplaced = [Int](repeating: 0, count: k), unknown = [Int](repeating: 0, count: g), unknownUnplaced = 0
        var perBuurt: [RegionCode: [Int]] = [:]
        for person in 0..<p.count {
            let v = Int(values[person])
            let b = p.buurt[person] >= 0 ? p.buurtCodes[Int(p.buurt[person])] : nil
            let group = b.flatMap { groupOf[$0] }
            guard v >= 0, v < k else { if let group { unknown[group] += 1 } else { unknownUnplaced += 1 }; continue }
            guard let group, let b else { unplaced[v] += 1; continue }
            participants[group][v] += 1
            perBuurt[b, default: [Int](repeating: 0, count: k)][v] += 1
        }
        var groups: [CrossedGroup] = []
        // A group with residents in fewer than two categories compares nothing: its persons count as unplaced.
        for i in 0..<g where residents[i].filter({ $0 > 0 }).count < 2 {
            for c in 0..<k { unplaced[c] += participants[i][c] }
            unknownUnplaced += unknown[i]
        }
        for i in 0..<g where residents[i].filter({ $0 > 0 }).count >= 2 {
            let table = CountTable(dimension: crossing.person, keys: keys, participants: participants[i], residents: residents[i],
                                   participantsUnknown: unknown[i], participantsWithoutData: 0, buurtenWithoutData: [],
                                   residentsSource: "buurt_sum", roundedRows: [Int](repeating: groupOf.values.filter { $0 == i }.count, count: k))
            groups.append(CrossedGroup(key: groupKeys[i], name: groupNames[i], result: try ComparePipeline.result(table, request)))
        }
        let (test, omitted) = interaction(buurten: groupOf, perBuurt: perBuurt, population: inputs.population, person: crossing.person, k: k)
        return CrossedResult(crossing: crossing, groups: groups, interaction: test, interactionOmitted: omitted, unplaced: unplaced,
                             unknownPerGroup: unknown, unknownUnplaced: unknownUnplaced)
    }

    /// The interaction test on buurt × category cells with residents (see `InteractionTest`).
    static func interaction(buurten groupOf: [RegionCode: Int], perBuurt: [RegionCode: [Int]], population: PopulationTable,
                            person: BereikData.Dimension, k: Int) -> (InteractionTest?, String?) {
        var cells: [(b: Int, g: Int, c: Int, y: Int, n: Int)] = []
        let ordered = groupOf.keys.sorted()
        for (bi, b) in ordered.enumerated() {
            let counts = population.region(b)!.counts[person]!
            for c in 0..<min(k, counts.count) where counts[c] > 0 {
                cells.append((bi, groupOf[b]!, c, perBuurt[b]?[c] ?? 0, counts[c]))
            }
        }
        // Only categories, groups and buurten with participants enter (a rate of 0 cannot be fitted).
        let withParticipants = Set(cells.filter { $0.y > 0 }.map(\.b))
        cells = cells.filter { withParticipants.contains($0.b) }
        let categories = Set(cells.filter { $0.y > 0 }.map(\.c)).sorted(), groups = Set(cells.filter { $0.y > 0 }.map(\.g)).sorted()
        guard categories.count >= 2, groups.count >= 2 else { return (nil, "too_few_groups") }
        cells = cells.filter { categories.contains($0.c) && groups.contains($0.g) }
        for c in categories { for g in groups where !cells.contains(where: { $0.c == c && $0.g == g && $0.y > 0 }) { return (nil, "empty_cell") } }
        let cIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        let gIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        let bIndex = Dictionary(uniqueKeysWithValues: Set(cells.map(\.b)).sorted().enumerated().map { ($1, $0) })
        // Buurt fixed effects (they contain the group's main effect): the interaction is tested
        // within buurten, so buurten that differ in overall reach do not pass for an interaction.
        func design(interaction: Bool) -> (x: [Double], p: Int) {
            var x: [Double] = []
            let p = 1 + (categories.count - 1) + (bIndex.count - 1) + (interaction ? (categories.count - 1) * (groups.count - 1) : 0)
            for cell in cells {
                let c = cIndex[cell.c]!, g = gIndex[cell.g]!, b = bIndex[cell.b]!
                x.append(1)
                for j in 1..<categories.count { x.append(c == j ? 1 : 0) }
                for j in 1..<bIndex.count { x.append(b == j ? 1 : 0) }
                if interaction { for gj in 1..<groups.count { for cj in 1..<categories.count { x.append(c == cj && g == gj ? 1 : 0) } } }
            }
            return (x, p)
        }
        do {
            let counts = cells.map(\.y), offset = cells.map { log(Double($0.n)) }
            let main = design(interaction: false), full = design(interaction: true)
            let reduced = try PoissonRegression(counts: counts, design: main.x, columns: main.p, offset: offset)
            let saturated = try PoissonRegression(counts: counts, design: full.x, columns: full.p, offset: offset)
            let t = try saturated.test(against: reduced)
            return (InteractionTest(statistic: t.statistic, df: t.df, pValue: t.p, f: t.f, pValueF: t.pF, dispersion: saturated.dispersion), nil)
        } catch {
            return (nil, "fit_failed")
        }
    }
}
