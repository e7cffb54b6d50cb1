/// Maps byte strings to dense ids (0, 1, 2, … in order of first appearance) with an open-addressing
/// hash table (word-at-a-time multiply-xorshift, linear probing) over a byte arena. The attendance reader looks up every
/// field of every row here instead of building a `String` per field: a row then costs a few
/// hashes, not seven allocations. Storage is manual (unsafe pointers) because Swift arrays held by
/// a class pay a dynamic exclusivity check on every access (measured: BENCHMARKS.md).
final class ByteInterner {
    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var arenaCapacity: Int
    @exclusivity(unchecked) private var arenaUsed = 0
    /// Per id: start in the arena, length, hash.
    @exclusivity(unchecked) private var starts: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var lengths: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var hashes: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var idCapacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    /// Per slot: upper 32 bits of the hash, then id + 1 (0 = empty), so a probe rejects other keys
    /// without touching their entries (one cache miss instead of three on large tables).
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var slotCount: Int
    /// The id returned last: a column's value often repeats on the next row (rows sorted by person
    /// or by date), and then a length check and a byte compare replace hashing.
    @exclusivity(unchecked) private var lastID = -1

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slotCount = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        idCapacity = max(16, capacity)
        starts = .allocate(capacity: idCapacity)
        lengths = .allocate(capacity: idCapacity)
        hashes = .allocate(capacity: idCapacity)
        arenaCapacity = max(4096, capacity * 16)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        lengths.deallocate()
        hashes.deallocate()
        slots.deallocate()
    }

    /// Eight bytes at a time: each word is xored in and multiplied, the last partial word read in
    /// one or three loads, then the fmix64 finaliser of MurmurHash3 (Appleby 2011) spreads every
    /// input bit over the slot bits and the fingerprint. FNV-1a took one multiply per byte, in a
    /// chain: with six values of ~10 bytes per row, about 0.8 s of CPU on 10M rows (issue 15).
    /// Not inlined: inlined, it made `intern` too large to be inlined into the classifier, and 3M
    /// rows took longer than with FNV-1a (measured alternately, three runs each).
    @inline(never) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = bytes.baseAddress, n > 0 else { return fmix(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        let rest = n - i
        if rest > 0 {
            var w: UInt64
            if n >= 8 {
                // The last eight bytes, of which the first 8 − rest were hashed already.
                w = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64(8 * (8 - rest))
            } else {
                w = 0
                var k = 0
                if rest & 4 != 0 { w = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)); k = 4 }
                if rest & 2 != 0 { w |= UInt64(raw.loadUnaligned(fromByteOffset: k, as: UInt16.self)) << UInt64(8 * k); k += 2 }
                if rest & 1 != 0 { w |= UInt64(base[k]) << UInt64(8 * k) }
            }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return fmix(h)
    }

    @inline(__always) private static func fmix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// The id of `bytes`, adding it when new; `isNew` tells which.
    @inline(__always) func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        if lastID >= 0, lengths[lastID] == bytes.count, equal(lastID, bytes) { return (Int32(lastID), false) }
        return intern(bytes, hash: Self.hash(bytes))
    }

    /// Reads the slot where a key of hash `h` starts its probe, so that a later `intern` finds it in
    /// the cache: issued for several keys before any is interned, the reads overlap instead of
    /// waiting one after another (a large table misses the cache on almost every key). Returns the
    /// slot's value so that the read is not optimised away.
    @inline(__always) func touch(hash h: UInt64) -> UInt64 {
        slots[Int(truncatingIfNeeded: h) & (slotCount - 1)]
    }

    /// `intern` with the hash already computed (`hash(_:)`).
    @inline(__always) func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (id: Int32, isNew: Bool) {
        let fingerprint = h & 0xFFFF_FFFF_0000_0000
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let i = Int(entry & 0xFFFF_FFFF) - 1
                if lengths[i] == bytes.count, equal(i, bytes) { lastID = i; return (Int32(i), false) }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        lastID = count
        append(bytes, hash: h)
        slots[slot] = fingerprint | UInt64(id + 1)
        if count * 2 > slotCount { grow() }
        return (id, true)
    }

    /// The bytes of an id.
    func bytes(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: arena + starts[Int(id)], count: lengths[Int(id)])
    }

    @inline(__always) private func equal(_ i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return memcmpBytes(arena + starts[i], base, bytes.count)
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if arenaUsed + bytes.count > arenaCapacity {
            var capacity = arenaCapacity * 2
            while arenaUsed + bytes.count > capacity { capacity *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: arena, count: arenaUsed)
            arena.deallocate()
            arena = bigger
            arenaCapacity = capacity
        }
        if count == idCapacity {
            idCapacity *= 2
            starts = Self.grown(starts, count: count, to: idCapacity)
            lengths = Self.grown(lengths, count: count, to: idCapacity)
            hashes = Self.grown(hashes, count: count, to: idCapacity)
        }
        if let base = bytes.baseAddress { (arena + arenaUsed).update(from: base, count: bytes.count) }
        starts[count] = arenaUsed
        lengths[count] = bytes.count
        hashes[count] = hash
        arenaUsed += bytes.count
        count += 1
    }

    private static func grown<T>(_ old: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }

    private func grow() {
        slots.deallocate()
        slotCount *= 2
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for i in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[i]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hashes[i] & 0xFFFF_FFFF_0000_0000 | UInt64(i + 1)
        }
    }
}

@inline(__always) private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for k in 0..<n where a[k] != b[k] { return false }
    return true
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Without leading and trailing ASCII spaces and tabs.
    @inline(__always) func trimmedASCII() -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = count
        while lo < hi, self[lo] == 0x20 || self[lo] == 0x09 { lo += 1 }
        while hi > lo, self[hi - 1] == 0x20 || self[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeBufferPointer(rebasing: self[lo..<hi])
    }
}
