/// The values one person's rows gave for one attribute, resolved by Bereik's documented rule:
/// the most frequent value wins; on a tie, the one seen latest (latest visit date, then latest
/// row). Held inline (16 bytes, no reference) while all the person's rows agree; when a second
/// distinct value appears, the values move to a list in `TallyLists` and the tally keeps its
/// number. A plain value type keeps `PersonAccumulator.PersonState` free of references: no
/// release pass over millions of persons at the end, and 32 bytes less per person (issue 15).
struct Tally {
    struct Entry { var value: Int32; var count: Int32; var stamp: Int64 }
    /// The only value so far (`value` ≥ 0), none (`count` 0), or the list `-2 - value`.
    private var first = Entry(value: -1, count: 0, stamp: .min)

    @inline(__always) mutating func add(_ value: Int32, stamp: Int64, lists: inout TallyLists) {
        if first.value == value || first.count == 0 {
            first.value = value
            first.count += 1
            if stamp > first.stamp { first.stamp = stamp }
            return
        }
        addToList(value, stamp: stamp, lists: &lists)
    }

    @inline(never) private mutating func addToList(_ value: Int32, stamp: Int64, lists: inout TallyLists) {
        if first.value >= 0 {
            lists.entries.append([first])
            first.value = -1 - Int32(lists.entries.count)
        }
        let list = Int(-2 - first.value)
        if let i = lists.entries[list].firstIndex(where: { $0.value == value }) {
            lists.entries[list][i].count += 1
            if stamp > lists.entries[list][i].stamp { lists.entries[list][i].stamp = stamp }
        } else {
            lists.entries[list].append(Entry(value: value, count: 1, stamp: stamp))
        }
    }

    /// The resolved value (nil when none was seen) and whether the rows disagreed.
    @inline(__always) func resolved(_ lists: TallyLists) -> (value: Int32?, conflict: Bool) {
        if first.value < -1 { return (resolvedList(lists), true) }
        return (first.count > 0 ? first.value : nil, false)
    }

    @inline(never) private func resolvedList(_ lists: TallyLists) -> Int32 {
        lists.entries[Int(-2 - first.value)].max { ($0.count, $0.stamp) < ($1.count, $1.stamp) }!.value
    }
}

/// The values of the tallies whose rows disagreed (few persons), one list per tally.
struct TallyLists {
    var entries: [[Tally.Entry]] = []
}
