import BereikData
import BereikPipeline
import BereikStats

/// `compare --by-role`, published. Per level and dimension the counts of the persons at that level
/// or above go into the ledger, each level's count linked to the next (the persons whose highest
/// level it is, hidden, make the difference), so withholding a small count at the top protects it
/// across levels too. A ladder test whose counts include a withheld cell keeps only its verdict.
public struct PublishedRoles: Sendable {
    public struct Level: Sendable {
        public let name: String
        public let persons: PublishedCount
        public let dimensions: [PublishedDimension]
    }

    public struct Test: Sendable {
        public let dimension: Dimension
        public let key: String
        public let trend: TrendTest?
        public let exact: ExactTrendTest?
        /// Whether the reading rests on the exact test (also when its numbers are withheld).
        public let usesExact: Bool
        /// Holm-adjusted over the groups of the dimension.
        public let pAdjusted: Double?
        public let topToBottom: Interval?
        /// When the numbers are withheld: whether the adjusted p was below α.
        public let verdict: Bool?
    }

    public let context: PublishedContext
    public let levels: [Level]
    public let tests: [Test]
    /// Role texts on no level, with their persons; empty under disclosure control (a typed text
    /// may hold a name), where only `unrecognisedTexts` says how many there were.
    public let unrecognised: [(text: String, persons: PublishedCount)]
    public let unrecognisedTexts: Int
    /// Role texts read as a level by a synonym, with the level's name; under disclosure control
    /// without persons (the level's total less a synonym's persons would be a difference of totals).
    public let recognised: [(text: String, level: String, persons: PublishedCount)]
}

extension RoleResult: RunResult {}

struct RoleCells {
    let persons: [DisclosureLedger.Cell]
    let dimensions: [[DimensionCells]]  // [level][dimension]
    let unrecognised: [DisclosureLedger.Cell]
    let recognised: [DisclosureLedger.Cell]

    init(_ r: RoleResult, persons all: DisclosureLedger.Cell, _ ledger: inout DisclosureLedger) {
        persons = r.levels.map { ledger.cell($0.persons, key: "role.\($0.level).persons") }
        if let first = persons.first { ledger.partition(total: all, parts: [first]) }
        for l in persons.indices.dropLast() {
            let exact = ledger.cell(r.levels[l].persons - r.levels[l + 1].persons, key: "role.\(l).exact_persons", published: false)
            ledger.partition(total: persons[l], parts: [exact, persons[l + 1]])
        }
        // The bottom level is everyone: the same cells as `compare` (and the report's main table).
        let levelPersons = persons
        dimensions = r.levels.map { level in
            level.dimensions.map {
                DimensionCells($0, persons: levelPersons[level.level], key: level.level == 0 ? nil : "role.\(level.level).\($0.counts.dimension.rawValue)", &ledger)
            }
        }
        // Per dimension and group: the count at a level = those whose highest level it is + the count a level up.
        for l in r.levels.indices.dropLast() {
            for (d, cells) in dimensions[l].enumerated() where d < dimensions[l + 1].count {
                for (c, cell) in cells.groups.enumerated() {
                    let value = r.levels[l].dimensions[d].counts.participants[c] - r.levels[l + 1].dimensions[d].counts.participants[c]
                    let exact = ledger.cell(value, key: "role.\(l).\(d).\(c).exact", published: false)
                    ledger.partition(total: cell, parts: [exact, dimensions[l + 1][d].groups[c]])
                }
            }
        }
        unrecognised = r.unrecognised.enumerated().map { ledger.cell($1.persons, key: "role.unrecognised.\($0)") }
        recognised = r.recognised.enumerated().map { ledger.cell($1.persons, key: "role.recognised.\($0)") }
    }

    func publish(_ r: RoleResult, context: PublishedContext, _ ledger: DisclosureLedger) -> PublishedRoles {
        let levels = r.levels.enumerated().map { l, level in
            PublishedRoles.Level(name: level.name, persons: ledger.count(persons[l]),
                                 dimensions: zip(level.dimensions, dimensions[l]).map { $1.publish($0, ledger) })
        }
        let alpha = 1 - r.request.settings.confidence.value
        var tests: [PublishedRoles.Test] = []
        for dimension in Set(r.tests.map(\.dimension)).sorted() {
            let group = r.tests.filter { $0.dimension == dimension }
            let d = r.levels.first?.dimensions.firstIndex { $0.counts.dimension == dimension }
            let tainted = d.map { d in dimensions.contains { $0.count > d && ledger.anyWithheld($0[d].cells) } } ?? true
            // Two groups (men, women) are one test seen from both sides: nothing to adjust for.
            let raw = group.map { $0.pValue ?? 1 }
            let adjusted = group.count == 2 ? raw : PValueAdjustment.holm.adjust(raw)  // the plain Cochran–Armitage p: levels are not periods, no quasi reading
            for (t, p) in zip(group, adjusted) {
                tests.append(PublishedRoles.Test(dimension: dimension, key: t.key, trend: tainted ? nil : t.trend, exact: tainted ? nil : t.exact, usesExact: t.exact != nil,
                                                 pAdjusted: tainted || t.trend == nil ? nil : p,
                                                 topToBottom: tainted ? nil : t.topToBottom, verdict: tainted && t.trend != nil ? p < alpha : nil))
            }
        }
        return PublishedRoles(context: context, levels: levels, tests: tests,
                              unrecognised: ledger.control != nil ? [] : zip(r.unrecognised, unrecognised).map { ($0.text, ledger.count($1)) },
                              unrecognisedTexts: r.unrecognised.count,
                              recognised: zip(r.recognised, recognised).map {
                                  ($0.text, r.ladder.levels[$0.level], ledger.control != nil ? .withheld : ledger.count($1))
                              })
    }
}

extension Publisher {
    public static func publish(_ r: RoleResult, control: DisclosureControl?) -> PublishedRoles {
        publishing(r, control, register: { RoleCells(r, persons: $1, &$0) }, build: { $0.publish(r, context: $1, $2) }).published
    }

    /// The ledger of a role comparison (for the tests' attacker).
    static func ledgerOfRoles(_ r: RoleResult, control: DisclosureControl?) -> DisclosureLedger {
        publishing(r, control, register: { RoleCells(r, persons: $1, &$0) }, build: { _, _, _ in () }).ledger
    }
}
