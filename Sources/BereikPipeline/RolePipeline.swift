import BereikData
import BereikStats
import Foundation

/// The ordered participation ladder (bottom first): a role text belongs to the level whose name or
/// synonyms it matches (lower case, letters and digits only). A project may set its own levels
/// (`[roles] ladder`); their names then match themselves, plus the standard synonyms of a
/// standard level with the same name.
public struct RoleLadder: Sendable, Equatable {
    public let levels: [String]
    let words: [Set<String>]

    static let standardWords: [String: [String]] = [
        "deelnemer": ["deelnemer", "deelnemers", "deelneemster", "participant", "participants", "bezoeker", "bezoekers", "visitor", "visitors",
                      "lid", "leden", "member", "members", "cursist", "cursisten", "attendee", "attendees"],
        "vrijwilliger": ["vrijwilliger", "vrijwilligers", "vrijwilligster", "volunteer", "volunteers", "helper", "helpers", "maatje", "buddy", "meedenker", "ambassadeur",
                         "ambassador", "sleutelpersoon"],
        "kernteam": ["kernteam", "kernteamlid", "kernteamleden", "coreteam", "coreteammember", "kerngroep", "kerngroeplid", "organisator", "organiser", "organizer", "bewonersraad", "residentscouncil",
                     "cocreator", "cocreatie", "stuurgroep", "steeringgroup", "trekker", "initiatiefnemer", "bestuur", "board"],
    ]

    /// deelnemer < vrijwilliger < kernteam, with Dutch and English synonyms.
    public static let standard = RoleLadder(levels: ["deelnemer", "vrijwilliger", "kernteam"])

    public init(levels: [String]) {
        self.levels = levels
        words = levels.map { level in
            let key = Self.normalised(level)
            return Set([key] + (Self.standardWords[key] ?? []))
        }
    }

    static func normalised(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Whether a role text is the level's own name (ignoring case and punctuation), not a synonym.
    public func isName(_ text: String, of level: Int) -> Bool { Self.normalised(text) == Self.normalised(levels[level]) }

    /// The level of a role text, or nil when it matches none.
    public func level(of text: String) -> Int? {
        let key = Self.normalised(text)
        // A level's own name first: a project's "bewonersraad" level is not the standard kernteam's synonym.
        if let own = levels.firstIndex(where: { Self.normalised($0) == key }) { return own }
        return words.firstIndex { $0.contains(key) }
    }
}

/// One level of the ladder: the persons at this level or above (everyone who decides also attends).
public struct RoleLevel: Sendable {
    public let level: Int
    public let name: String
    public let persons: Int
    /// Per dimension, the comparison of these persons with the area's residents.
    public let dimensions: [DimensionResult]
}

/// Per dimension and group: does its share change along the ladder? Cochran–Armitage over the
/// persons' highest levels (disjoint groups, level index as score; R `prop.trend.test`), exact
/// (`ExactTrendTest`) when an expected count is below five, as it is with a small core team; and the
/// ratio of its share at the top level to its share at the bottom level (persons whose highest
/// level it is: two disjoint groups, log interval as `ShareChange`).
public struct LadderTest: Sendable {
    public let dimension: BereikData.Dimension
    public let key: String
    /// Persons of the group at each highest level, and all persons at each highest level.
    public let atLevel: [Int]
    public let totalAtLevel: [Int]
    public let trend: TrendTest?
    /// The exact conditional test, when an expected count (group or not, at a level) is below five.
    public let exact: ExactTrendTest?
    public let topToBottom: Interval?

    /// The p-value the ladder reading rests on: the exact one when computed.
    public var pValue: Double? { exact?.pValue ?? trend?.pValue }

    /// Cochran's rule: the χ² is trusted when every expected count is at least five.
    static func needsExact(successes x: [Int], trials n: [Int]) -> Bool {
        let total = n.reduce(0, +), group = x.reduce(0, +)
        guard total > 0 else { return false }
        return n.contains { nl in
            let e = Double(nl) * Double(group) / Double(total)
            return e < 5 || Double(nl) - e < 5
        }
    }
}

public struct RoleResult: Sendable {
    public let request: AnalysisRequest
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let notes: [RunNote]
    public let ladder: RoleLadder
    public let levels: [RoleLevel]
    public let tests: [LadderTest]
    /// Role texts that match no level, with the persons whose rows carry them.
    public let unrecognised: [(text: String, persons: Int)]
    /// Role texts read as a level by a synonym (e.g. "co-creator" → kernteam), with the persons whose
    /// rows carry them, so a reader can check the harmonisation; texts equal to a level's name
    /// (ignoring case and punctuation) are not listed.
    public let recognised: [(text: String, level: Int, persons: Int)]
}

/// `compare --by-role`: who is at each level of participation, against the area's residents.
public enum RolePipeline {
    public static func run(_ request: AnalysisRequest, ladder: RoleLadder = .standard) throws -> RoleResult {
        try run(request, ladder: ladder, inputs: PreparedInputs(request))
    }

    public static func run(_ request: AnalysisRequest, ladder: RoleLadder, inputs: PreparedInputs) throws -> RoleResult {
        let p = inputs.attendance.participants
        guard inputs.attendance.columns[.role] != nil else { throw RoleProblem.noRoleColumn(file: inputs.attendance.source) }
        // Each role text's level; a person's level is the highest of their rows (blank or
        // unrecognised rows: they took part, so at least the bottom level).
        let levelOfText = p.roleNames.map { ladder.level(of: $0) }
        var personsWithText = [Int](repeating: 0, count: p.roleNames.count)
        var level = [Int](repeating: 0, count: p.count)
        for person in 0..<p.count {
            for t in p.roles(of: person) {
                personsWithText[Int(t)] += 1
                if let l = levelOfText[Int(t)] { level[person] = max(level[person], l) }
            }
        }
        let k = ladder.levels.count
        // Nobody above the bottom: tables of dashes would answer nothing; say why instead.
        if !level.contains(where: { $0 > 0 }) {
            throw RoleProblem.nobodyAboveBottom(bottom: ladder.levels[0], levels: ladder.levels,
                                                texts: p.roleNames.filter { !$0.isEmpty }.count)
        }
        var levels: [RoleLevel] = [], tests: [LadderTest] = []
        var dimensionsByLevel = [[DimensionResult]](repeating: [], count: k)
        let compared = try SubsetComparison.compare(inputs, request, subsets: k) { Array(0...level[$0]) }
        for d in compared {
            let table = d.table, dimension = table.dimension
            for l in 0..<k { dimensionsByLevel[l].append(d.results[l]) }
            // Persons by their highest level, for the ladder test.
            var exact = [[Int]](repeating: [Int](repeating: 0, count: table.keys.count), count: k)
            for person in 0..<p.count where !d.apart(person) {
                let v = Int(d.values[person])
                if v >= 0, v < table.keys.count { exact[level[person]][v] += 1 }
            }
            let totals = (0..<k).map { l in exact[l].reduce(0, +) }
            let used = (0..<k).filter { totals[$0] > 0 }
            for (c, key) in table.keys.enumerated() {
                let x = used.map { exact[$0][c] }, n = used.map { totals[$0] }
                let trend = used.count >= 2 ? try TrendTest(successes: x, trials: n, scores: used.map(Double.init)) : nil
                let exactTest = trend != nil && LadderTest.needsExact(successes: x, trials: n)
                    ? try ExactTrendTest(successes: x, trials: n, scores: used.map(Double.init)) : nil
                var ratio: Interval? = nil
                // The ladder's own top and bottom: with nobody at the top there is no ratio (not the next level's under its name).
                let bottom = 0, top = k - 1
                if totals[bottom] > 0, totals[top] > 0 {
                    let change = try ShareChange(periodA: [exact[bottom][c], totals[bottom] - exact[bottom][c]],
                                                 periodB: [exact[top][c], totals[top] - exact[top][c]], confidence: request.settings.confidence)
                    ratio = change.categories[0].ratio
                }
                tests.append(LadderTest(dimension: dimension, key: key, atLevel: (0..<k).map { exact[$0][c] }, totalAtLevel: totals,
                                        trend: trend, exact: exactTest, topToBottom: ratio))
            }
        }
        for l in 0..<k {
            levels.append(RoleLevel(level: l, name: ladder.levels[l], persons: level.filter { $0 >= l }.count, dimensions: dimensionsByLevel[l]))
        }
        return RoleResult(request: request, sources: inputs.sources, area: inputs.area, reconciliation: inputs.attendance.reconciliation,
                          notes: inputs.notes, ladder: ladder, levels: levels, tests: tests,
                          unrecognised: p.roleNames.indices.filter { levelOfText[$0] == nil }.map { (p.roleNames[$0], personsWithText[$0]) },
                          recognised: p.roleNames.indices.compactMap { t in
                              guard let l = levelOfText[t], !ladder.isName(p.roleNames[t], of: l) else { return nil }
                              return (p.roleNames[t], l, personsWithText[t])
                          })
    }
}

/// Why `compare --by-role` cannot answer (exit 1; worded by BereikReport).
public enum RoleProblem: Error, Sendable, Equatable {
    case noRoleColumn(file: String)
    /// Every person is at the bottom level: no role text above it (`texts` different role texts in the file).
    case nobodyAboveBottom(bottom: String, levels: [String], texts: Int)
}
