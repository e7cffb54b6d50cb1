/// Maps byte strings to dense ids (0, 1, 2, … in order of first appearance) with an open-addressing
/// hash table (linear probing) over a byte arena. The attendance reader looks up every field of
/// every row here instead of building a `String` per field: a row then costs a few lookups, not
/// seven allocations. Storage is manual (unsafe pointers) because Swift arrays held by a class pay
/// a dynamic exclusivity check on every access (measured: BENCHMARKS.md).
///
/// Most attendance values are at most 16 bytes (dates, buurt codes, postcodes, ids, categories).
/// Such a value is held as its length and two words that cover all its bytes (`Key`), beside its
/// id in `entries`: a lookup compares two words instead of reading a length and the arena from two
/// more places in memory (three cache misses per buurt on 14,574 buurten; issue 15), and its hash
/// is two multiplications, inline. Longer values hash word by word and are compared in the arena.
final class ByteInterner {
    /// A value's length and two words over its bytes: for 8–16 bytes the first eight and the last
    /// eight (they overlap below 16), for 4–7 the first four and the last four, for 1–3 the first,
    /// middle and last byte. Given the length these cover every byte, so two values of at most 16
    /// bytes are equal exactly when their keys are. Only bytes inside the value are read.
    struct Key: Equatable {
        var w0: UInt64, w1: UInt64, count: Int

        @inline(__always) init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let n = bytes.count
            count = n
            guard let base = bytes.baseAddress, n > 0 else { w0 = 0; w1 = 0; return }
            let raw = UnsafeRawPointer(base)
            if n >= 8 {
                w0 = raw.loadUnaligned(as: UInt64.self)
                w1 = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                w0 = UInt64(raw.loadUnaligned(as: UInt32.self))
                w1 = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else {
                w0 = UInt64(base[0]) | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1]) << 16
                w1 = 0
            }
        }
    }

    /// One interned value: its key, and where its bytes lie in the arena.
    private struct Entry {
        var key: Key
        var start: Int
    }

    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var arenaCapacity: Int
    @exclusivity(unchecked) private var arenaUsed = 0
    /// Per id.
    @exclusivity(unchecked) private var entries: UnsafeMutablePointer<Entry>
    @exclusivity(unchecked) private var idCapacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    /// Per slot: upper 32 bits of the hash, then id + 1 (0 = empty), so a probe rejects other keys
    /// without touching their entries. A key's probe starts at the slot numbered by the hash's top
    /// bits (`h >> shift`), which the slot itself keeps: growing then reads the old table in order
    /// and writes the new one nearly in order, without reading an entry or hashing again (on 2.5
    /// million persons, rehashing in id order was a random write per person: 4% of the run).
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var slotCount: Int
    /// 64 − log2(slotCount).
    @exclusivity(unchecked) private var shift: UInt64

    /// The id returned last: a column's value often repeats on the next row (rows sorted by person
    /// or by date), and then a key compare replaces hashing.
    @exclusivity(unchecked) private var lastID = -1
    /// Its key, held here so that the check reads nothing else.
    @exclusivity(unchecked) private var lastKey = Key(UnsafeBufferPointer(start: nil, count: 0))
    /// Hash seeds, drawn per process: the ids do not depend on them (first appearance decides),
    /// and a file made to collide with fixed seeds cannot slow a lookup down (hash flooding).
    private let seed0: UInt64, seed1: UInt64

    private static let seeds: (UInt64, UInt64) = {
        var g = SystemRandomNumberGenerator()
        return (g.next(), g.next())
    }()

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slotCount = size
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        idCapacity = max(16, capacity)
        entries = .allocate(capacity: idCapacity)
        arenaCapacity = max(4096, capacity * 16)
        arena = .allocate(capacity: arenaCapacity)
        (seed0, seed1) = Self.seeds
    }

    /// Forgets every value (ids start again at 0) and gives back the memory beyond a small table.
    /// Lets a holder keep the interner in a `let` (a `var` of class type costs a retain and a
    /// release around every use on the hot path).
    func removeAll() {
        arena.deallocate(); entries.deallocate(); slots.deallocate()
        slotCount = 16
        shift = 60
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        idCapacity = 16
        entries = .allocate(capacity: idCapacity)
        arenaCapacity = 4096
        arena = .allocate(capacity: arenaCapacity)
        arenaUsed = 0
        count = 0
        lastID = -1
        lastKey = Key(UnsafeBufferPointer(start: nil, count: 0))
    }

    deinit {
        arena.deallocate()
        entries.deallocate()
        slots.deallocate()
    }

    /// The 64×64 → 128-bit product folded to 64 bits (the "mum" of wyhash, Wang Yi 2019).
    @inline(__always) private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let p = a.multipliedFullWidth(by: b)
        return p.high ^ p.low
    }

    /// The hash of `bytes` (slot and fingerprint from the high end). A value of
    /// at most 16 bytes: its key's two words folded twice with the seeds and the length. Longer:
    /// eight bytes at a time, multiply–xorshift per word, then the MurmurHash3 fmix64 finaliser
    /// (Appleby 2011). Every input bit reaches every output bit in both.
    @inline(__always) func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.count <= 16 ? hash(Key(bytes)) : longHash(bytes)
    }

    @inline(__always) private func hash(_ key: Key) -> UInt64 {
        let h = Self.fold(key.w0 ^ seed0, key.w1 ^ seed1)
        return Self.fold(h ^ UInt64(truncatingIfNeeded: key.count) << 56 ^ 0xE703_7ED1_A0B4_28DB, seed0 ^ 0x8EBC_6AF0_9C88_C6E3)
    }

    /// Not inlined: only values longer than 16 bytes come here.
    @inline(never) private func longHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = seed0 ^ UInt64(truncatingIfNeeded: n)
        guard let base = bytes.baseAddress, n > 0 else { return Self.fmix(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            // The last eight bytes, of which the first 8 − rest were hashed already (n > 16).
            let w = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64(8 * (8 - (n - i)))
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return Self.fmix(h ^ seed1)
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
        let key = Key(bytes)
        if key == lastKey, lastID >= 0, key.count <= 16 || matches(lastID, key, bytes) { return (Int32(lastID), false) }
        return intern(bytes, key: key, hash: key.count <= 16 ? hash(key) : longHash(bytes))
    }

    /// Reads the slot where a key of hash `h` starts its probe, so that a later `intern` finds it in
    /// the cache: issued for several keys before any is interned, the reads overlap instead of
    /// waiting one after another (a large table misses the cache on almost every key). Returns the
    /// slot's value so that the read is not optimised away.
    @inline(__always) func touch(hash h: UInt64) -> UInt64 {
        slots[Int(truncatingIfNeeded: h >> shift)]
    }

    /// `intern` with the hash already computed (`hash(_:)`).
    @inline(__always) func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (id: Int32, isNew: Bool) {
        intern(bytes, key: Key(bytes), hash: h)
    }

    @inline(__always) private func intern(_ bytes: UnsafeBufferPointer<UInt8>, key: Key, hash h: UInt64) -> (id: Int32, isNew: Bool) {
        let fingerprint = h & 0xFFFF_FFFF_0000_0000
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: h >> shift)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let i = Int(entry & 0xFFFF_FFFF) - 1
                if matches(i, key, bytes) { lastID = i; lastKey = key; return (Int32(i), false) }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        lastID = count
        lastKey = key
        append(bytes, key: key)
        slots[slot] = fingerprint | UInt64(id + 1)
        if count * 2 > slotCount { grow() }
        return (id, true)
    }

    /// The bytes of an id.
    func bytes(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        let e = entries[Int(id)]
        return UnsafeBufferPointer(start: arena + e.start, count: e.key.count)
    }

    /// Whether id `i` holds `bytes` (whose key is `key`): the key decides up to 16 bytes.
    @inline(__always) private func matches(_ i: Int, _ key: Key, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = entries[i]
        guard e.key == key else { return false }
        guard key.count > 16, let base = bytes.baseAddress else { return true }
        return memcmpBytes(arena + e.start, base, key.count)
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>, key: Key) {
        if arenaUsed + bytes.count > arenaCapacity {
            growBuffer(&arena, count: arenaUsed, capacity: &arenaCapacity, toHold: arenaUsed + bytes.count)
        }
        if count == idCapacity { growBuffer(&entries, count: count, capacity: &idCapacity, toHold: count + 1) }
        if let base = bytes.baseAddress { (arena + arenaUsed).update(from: base, count: bytes.count) }
        (entries + count).initialize(to: Entry(key: key, start: arenaUsed))
        arenaUsed += bytes.count
        count += 1
    }

    private func grow() {
        let old = slots, oldCount = slotCount
        slotCount *= 2
        shift -= 1
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for k in 0..<oldCount where old[k] != 0 {
            let value = old[k]
            var slot = Int(truncatingIfNeeded: value >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
        old.deallocate()
    }
}

@inline(__always) private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for k in 0..<n where a[k] != b[k] { return false }
    return true
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Without leading and trailing ASCII spaces and tabs.
    @inline(__always) func trimmedASCII() -> UnsafeBufferPointer<UInt8> {
        // Almost every value has nothing to trim: both ends above space (tab and space are not).
        if let base = baseAddress, count > 0, base[0] > 0x20, base[count - 1] > 0x20 { return self }
        var lo = 0, hi = count
        while lo < hi, self[lo] == 0x20 || self[lo] == 0x09 { lo += 1 }
        while hi > lo, self[hi - 1] == 0x20 || self[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeBufferPointer(rebasing: self[lo..<hi])
    }
}
