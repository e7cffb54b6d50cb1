import Testing
@testable import BereikData
import BereikTestSupport

/// `Tally` (inline value, lists for persons whose rows disagree) against the rule written out
/// directly: the most frequent value; on a tie the one with the latest stamp (date, then row).
@Suite struct TallyTests {
    @Test func agreesWithTheRuleWrittenOut() {
        var rng = SplitMix64(state: 15)
        var lists = TallyLists()
        var tallies: [Tally] = []
        var seen: [[(value: Int32, stamp: Int64)]] = []
        // 3,000 persons, interleaved as rows of a file are: many agree, some disagree, some tie.
        for _ in 0..<3_000 {
            tallies.append(Tally())
            seen.append([])
        }
        for _ in 0..<20_000 {
            let p = rng.int(0...2_999)
            let values = p % 3 == 0 ? 1 : rng.int(1...4)
            let value = Int32(rng.int(0...(values - 1)))
            let stamp = Int64(rng.int(0...400)) << 32 | Int64(rng.int(0...100_000))
            tallies[p].add(value, stamp: stamp, lists: &lists)
            seen[p].append((value, stamp))
        }
        for p in 0..<3_000 {
            let got = tallies[p].resolved(lists)
            guard !seen[p].isEmpty else {
                #expect(got.value == nil && !got.conflict)
                continue
            }
            var count: [Int32: Int] = [:], latest: [Int32: Int64] = [:]
            for (v, s) in seen[p] {
                count[v, default: 0] += 1
                latest[v] = max(latest[v] ?? .min, s)
            }
            let best = count.keys.max { (count[$0]!, latest[$0]!) < (count[$1]!, latest[$1]!) }!
            #expect(got.value == best, "person \(p)")
            #expect(got.conflict == (count.count > 1), "person \(p)")
        }
        #expect(!lists.entries.isEmpty)
    }

    @Test func personStateHoldsNoReference() {
        // 112 bytes and a plain value: no release pass over the persons at the end (issue 15).
        #expect(MemoryLayout<PersonAccumulator.PersonState>.stride == 112)
        #expect(_isPOD(PersonAccumulator.PersonState.self))
    }
}
