import Testing
@testable import BereikData
import BereikTestSupport

/// The interner against a dictionary keyed by the bytes: ids in order of first appearance, the same
/// id for the same bytes wherever they lie in memory (the hash reads words, unaligned, and its last
/// word overlaps bytes already hashed), and a hash that spreads values that differ in one byte.
@Suite struct ByteInternerTests {
    @Test func idsAgreeWithADictionary() {
        var rng = SplitMix64(state: 2026)
        let interner = ByteInterner(capacity: 4)   // grows many times
        var reference: [[UInt8]: Int32] = [:]
        // Values of every length from 0 to 40, many sharing prefixes and suffixes, each placed at a
        // random offset in a larger buffer so loads start at every alignment.
        let stems: [[UInt8]] = (0..<60).map { _ in (0..<rng.int(0...40)).map { _ in UInt8(rng.int(0...255)) } }
        for _ in 0..<50_000 {
            var value = rng.pick(stems)
            if !value.isEmpty, rng.chance(0.5) { value[rng.int(0...(value.count - 1))] = UInt8(rng.int(48...57)) }
            let offset = rng.int(0...15)
            let buffer = Array(repeating: UInt8(rng.int(0...255)), count: offset) + value + Array(repeating: UInt8(rng.int(0...255)), count: 9)
            let (id, isNew) = buffer.withUnsafeBufferPointer { b in
                interner.intern(UnsafeBufferPointer(rebasing: b[offset..<(offset + value.count)]))
            }
            if let known = reference[value] {
                #expect(id == known && !isNew)
            } else {
                #expect(isNew && id == Int32(reference.count))
                reference[value] = id
            }
            #expect(Array(interner.bytes(id)) == value)
        }
        #expect(interner.count == reference.count)
        #expect(reference.count > 5_000)
    }

    @Test func hashDependsOnEveryByteAndTheLength() {
        var rng = SplitMix64(state: 11)
        let interner = ByteInterner()
        var slotBits = Set<UInt64>(), fingerprints = Set<UInt64>()
        for length in 0...24 {
            let base = (0..<length).map { _ in UInt8(rng.int(0...255)) }
            let h = base.withUnsafeBufferPointer { interner.hash($0) }
            // One more zero byte is another value.
            let longer = (base + [0]).withUnsafeBufferPointer { interner.hash($0) }
            #expect(h != longer)
            for position in 0..<length {
                var changed = base
                changed[position] ^= 1 << UInt8(rng.int(0...7))
                let g = changed.withUnsafeBufferPointer { interner.hash($0) }
                #expect(g != h, "length \(length), byte \(position)")
                slotBits.insert(g >> 48)
                fingerprints.insert(g >> 32)
            }
        }
        // 300 one-bit changes land on (nearly) distinct slots and fingerprints.
        #expect(slotBits.count > 290)
        #expect(fingerprints.count == 300)
    }
}
