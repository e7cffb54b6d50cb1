#if canImport(Glibc)
import Glibc
#endif
/// The person side of reading attendance: looks each row's person up by its id bytes and updates
/// that person's visits, dates, activities and value tallies. Runs on its own thread; the ids never
/// leave this type (the participant table it helps build has none).
final class PersonAccumulator: @unchecked Sendable {
    /// All of a person's state together: 112 bytes, no references (the wider fields first, so
    /// that no padding is needed).
    struct PersonState {
        var activityMask: UInt64 = 0, initiativeMask: UInt64 = 0, roleMask: UInt64 = 0
        var buurt = Tally(), gender = Tally(), age = Tally(), origin = Tally()
        var visits: Int32 = 0
        var first = Int32.min
        var last = Int32.min
        /// The birth days all of the person's rows allow (an age of 24 at a visit allows a year of
        /// birth days; a birth date one day). Rows disagree on age only when nothing is left.
        var bornFrom = Int32.min, bornTo = Int32.max
        var ageConflict: Bool { bornFrom > bornTo }
    }

    /// The values of persons whose rows disagree (see `Tally`).
    @exclusivity(unchecked) private(set) var tallyLists = TallyLists()

    /// Person ids → person numbers; dropped by `forgetIDs` once every row is in (its memory goes
    /// before `RowClassifier.finish` builds the participant table).
    @exclusivity(unchecked) private var ids: ByteInterner? = ByteInterner(capacity: 1 << 16)
    @exclusivity(unchecked) private(set) var people = ChunkedArray<PersonState>()
    /// Activities beyond the first 64 (rare), as person << 24 | activity.
    @exclusivity(unchecked) private(set) var extraActivities: Set<Int64> = []
    /// Initiatives beyond the first 64, the same way.
    @exclusivity(unchecked) private(set) var extraInitiatives: Set<Int64> = []
    @exclusivity(unchecked) private(set) var extraRoles: Set<Int64> = []
    /// With `collectMonths`: person << 20 | month index (year·12 + month − 1) of every visit.
    @exclusivity(unchecked) private(set) var visitMonths: Set<Int64> = []
    let collectMonths: Bool

    init(collectMonths: Bool = false) {
        self.collectMonths = collectMonths
    }

    deinit { people.deallocate() }

    /// Keeps the reads of `ByteInterner.touch` alive.
    @exclusivity(unchecked) private var touched: UInt64 = 0
    /// The hashes of one group of rows (see `add`).
    @exclusivity(unchecked) private var hashes = [UInt64](repeating: 0, count: 64)

    func add(_ batch: RowBatch) {
        guard let ids else { preconditionFailure("rows added after forgetIDs") }
        let group = 64
        let bytes = batch.idBytes, records = UnsafeBufferPointer(batch.records)
        hashes.withUnsafeMutableBufferPointer { hash in
            func id(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[(i == 0 ? 0 : Int(records[i - 1].idEnd))..<Int(records[i].idEnd)])
            }
            var groupStart = 0
            while groupStart < records.count {
                let groupEnd = min(records.count, groupStart + group)
                // First the hashes of ids that differ from the row before, then a read of
                // each one's slot in a loop of its own (so that many reads are under way at
                // once), then the lookups, which hit the cache. A hash of 0 means "not
                // computed" (`intern` then hashes itself if needed).
                for i in groupStart..<groupEnd {
                    let this = id(i)
                    let skip = records[i].status == .noPerson || (i > 0 && Self.same(id(i - 1), this))
                    hash[i - groupStart] = skip ? 0 : ids.hash(this)
                }
                var sink: UInt64 = 0
                for k in 0..<(groupEnd - groupStart) where hash[k] != 0 { sink ^= ids.touch(hash: hash[k]) }
                touched ^= sink
                for i in groupStart..<groupEnd where records[i].status != .noPerson {
                    let h = hash[i - groupStart]
                    let (person, isNew) = h == 0 ? ids.intern(id(i)) : ids.intern(id(i), hash: h)
                    if isNew { people.append(PersonState()) }
                    if records[i].status == .used { update(Int(person), records[i]) }
                }
                groupStart = groupEnd
            }
        }
    }

    @inline(__always) private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count > 16 ? a.elementsEqual(b) : ByteInterner.Key(a) == ByteInterner.Key(b))
    }

    /// Frees the person-id table: the participant table has no ids, and the rows are all in.
    func forgetIDs() { ids = nil }

    @inline(__always) private func update(_ person: Int, _ r: RowRecord) {
        let dayNumber = r.day
        let stamp = Int64(dayNumber) << 32 | r.row
        let activity = r.activity, initiative = r.initiative, role = r.role
        people.withElement(person) { p in
            if r.bornFrom > p.bornFrom { p.bornFrom = r.bornFrom }
            if r.bornTo < p.bornTo { p.bornTo = r.bornTo }
            p.visits += 1
            if dayNumber != Int32.min {
                if p.first == Int32.min || dayNumber < p.first { p.first = dayNumber }
                if dayNumber > p.last { p.last = dayNumber }
            }
            if r.buurt >= 0 { p.buurt.add(r.buurt, stamp: stamp, lists: &tallyLists) }
            if r.gender >= 0 { p.gender.add(Int32(r.gender), stamp: stamp, lists: &tallyLists) }
            if r.age >= 0 { p.age.add(Int32(r.age), stamp: stamp, lists: &tallyLists) }
            if r.origin >= 0 { p.origin.add(Int32(r.origin), stamp: stamp, lists: &tallyLists) }
            if activity >= 0 && activity < 64 { p.activityMask |= 1 << UInt64(activity) }
            if initiative >= 0 && initiative < 64 { p.initiativeMask |= 1 << UInt64(initiative) }
            if role >= 0 && role < 64 { p.roleMask |= 1 << UInt64(role) }
        }
        if activity >= 64 { extraActivities.insert(Int64(person) << 24 | Int64(activity)) }
        if initiative >= 64 { extraInitiatives.insert(Int64(person) << 24 | Int64(initiative)) }
        if role >= 64 { extraRoles.insert(Int64(person) << 24 | Int64(role)) }
        if collectMonths, dayNumber != Int32.min {
            let c = CivilDate(dayNumber: Int(dayNumber)).components
            visitMonths.insert(Int64(person) << 20 | Int64(c.year * 12 + c.month - 1))
        }
    }
}

/// An append-only array stored in fixed chunks of 65,536 elements, so growing never copies (and
/// never briefly needs twice the memory, as `Array` does when it reallocates).
struct ChunkedArray<Element> {
    private static var shift: Int { 16 }
    private var chunks: [UnsafeMutablePointer<Element>] = []
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count & 0xFFFF == 0 { chunks.append(.allocate(capacity: 1 << Self.shift)) }
        (chunks[count >> Self.shift] + (count & 0xFFFF)).initialize(to: element)
        count += 1
    }

    subscript(index: Int) -> Element { chunks[index >> Self.shift][index & 0xFFFF] }

    /// Where element `index` lives: reading a field through it copies that field, not the element.
    @inline(__always) func pointer(_ index: Int) -> UnsafeMutablePointer<Element> { chunks[index >> Self.shift] + (index & 0xFFFF) }

    @inline(__always) mutating func withElement<R>(_ index: Int, _ body: (inout Element) -> R) -> R {
        body(&chunks[index >> Self.shift][index & 0xFFFF])
    }

    /// Frees the storage; the array must not be used afterwards.
    mutating func deallocate() {
        for (i, chunk) in chunks.enumerated() {
            let n = min(1 << Self.shift, count - i << Self.shift)
            chunk.deinitialize(count: n)
            chunk.deallocate()
        }
        chunks = []
        count = 0
    }
}
