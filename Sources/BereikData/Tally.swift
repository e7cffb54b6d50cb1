/// The values one person's rows gave for one attribute, resolved by Bereik's documented rule:
/// the most frequent value wins; on a tie, the one seen latest (latest visit date, then latest
/// row). Stored inline until a second distinct value appears, so agreeing persons cost no allocation.
struct Tally {
    struct Entry { var value: Int32; var count: Int32; var stamp: Int64 }
    private var first = Entry(value: -1, count: 0, stamp: .min)
    private var others: [Entry]?

    mutating func add(_ value: Int32, stamp: Int64) {
        if others == nil {
            if first.count == 0 || first.value == value {
                first.value = value
                first.count += 1
                if stamp > first.stamp { first.stamp = stamp }
                return
            }
            others = [first]
        }
        if let i = others!.firstIndex(where: { $0.value == value }) {
            others![i].count += 1
            if stamp > others![i].stamp { others![i].stamp = stamp }
        } else {
            others!.append(Entry(value: value, count: 1, stamp: stamp))
        }
    }

    /// The resolved value (nil when none was seen) and whether the rows disagreed.
    var resolved: (value: Int32?, conflict: Bool) {
        if let others {
            let best = others.max { ($0.count, $0.stamp) < ($1.count, $1.stamp) }!
            return (best.value, true)
        }
        return (first.count > 0 ? first.value : nil, false)
    }
}
