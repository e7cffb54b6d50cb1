import BereikData

/// Persons by their exact set of overlapping groups (initiatives or activities), in all and per
/// category. Not published: these are the cells a reader can reach by adding and subtracting the
/// groups' counts and the whole ("together" minus one initiative is the persons only in the
/// others), so the disclosure ledger holds them as hidden cells tying the published counts together.
public struct MembershipSets: Sendable {
    /// The distinct non-empty sets of groups, each sorted.
    public let sets: [[Int]]
    /// Persons per set.
    public let persons: [Int]
    /// Persons in no group.
    public let inNone: Int
    /// Per dimension, `[set][c]`: persons of category c in the set; the last column the rest
    /// (unknown, or set apart as `compare` does).
    public let byCategory: [(dimension: Dimension, counts: [[Int]])]

    /// `member(person)`: the person's groups; `categories`: per dimension, a person's column
    /// (0..<keys for a category, keys for the rest).
    public init(persons count: Int, member: (Int) -> [Int], categories: [(Dimension, Int, (Int) -> Int)]) {
        var index: [[Int]: Int] = [:], sets: [[Int]] = [], persons: [Int] = [], none = 0
        var setOf = [Int](repeating: -1, count: count)
        for person in 0..<count {
            let s = member(person).sorted()
            guard !s.isEmpty else { none += 1; continue }
            let i = index[s] ?? { sets.append(s); persons.append(0); index[s] = sets.count - 1; return sets.count - 1 }()
            persons[i] += 1
            setOf[person] = i
        }
        self.sets = sets
        self.persons = persons
        inNone = none
        byCategory = categories.map { dimension, keys, column in
            var counts = [[Int]](repeating: [Int](repeating: 0, count: keys + 1), count: sets.count)
            for person in 0..<count where setOf[person] >= 0 { counts[setOf[person]][min(max(column(person), 0), keys)] += 1 }
            return (dimension, counts)
        }
    }
}
