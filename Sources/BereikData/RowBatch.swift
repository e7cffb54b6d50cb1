import Foundation

/// What one attendance row says, after classification, on its way to the person accumulator.
/// One flat record per row (48 bytes) so that a row costs one append, not one per field.
struct RowRecord {
    enum Status: UInt8 { case used, excluded, noPerson }
    /// The row's number in the whole attendance (1-based, across files): "the latest visit" breaks ties by it.
    var row: Int64
    /// The end of the row's person id in `RowBatch.idBytes`.
    var idEnd: Int32
    var day: Int32
    var buurt: Int32
    var activity: Int32
    var initiative: Int32
    var role: Int32
    /// The days between which the row says the person was born (Int32.min/max when it says nothing).
    var bornFrom: Int32
    var bornTo: Int32
    var gender: Int8
    var age: Int8
    var origin: Int8
    var status: Status
}

/// Rows on their way from the classifier to the person accumulator: per row the person id bytes
/// and what the row says. Manual storage: `Array.append(contentsOf:)` for each id was a generic
/// call per row (2% of a 10M-row run).
final class RowBatch: @unchecked Sendable {
    @exclusivity(unchecked) private var idStorage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var idCapacity: Int
    @exclusivity(unchecked) private var idCount = 0
    @exclusivity(unchecked) private var recordStorage: UnsafeMutablePointer<RowRecord>
    @exclusivity(unchecked) private var recordCapacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    /// The id bytes of all rows, one after the other (`RowRecord.idEnd` marks each end).
    var idBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: idStorage, count: idCount) }
    var records: UnsafeMutableBufferPointer<RowRecord> { UnsafeMutableBufferPointer(start: recordStorage, count: count) }

    init(capacity: Int) {
        recordCapacity = max(16, capacity)
        idCapacity = recordCapacity * 12
        idStorage = .allocate(capacity: idCapacity)
        recordStorage = .allocate(capacity: recordCapacity)
    }

    deinit {
        idStorage.deallocate()
        recordStorage.deallocate()
    }

    func reset() {
        idCount = 0
        count = 0
    }

    @inline(__always)
    func append(id: UnsafeBufferPointer<UInt8>, status: RowRecord.Status, row: Int64, day: Int32 = Int32.min, buurt: Int32 = -1,
                gender: Int8 = -1, age: Int8 = -1, origin: Int8 = -1, activity: Int32 = -1, initiative: Int32 = -1, role: Int32 = -1,
                born: (from: Int32, to: Int32) = (Int32.min, Int32.max)) {
        let n = id.count
        if idCount + n > idCapacity { growBuffer(&idStorage, count: idCount, capacity: &idCapacity, toHold: idCount + n) }
        if count == recordCapacity { growBuffer(&recordStorage, count: count, capacity: &recordCapacity, toHold: count + 1) }
        if let base = id.baseAddress {
            let to = idStorage + idCount
            if n <= 16 { for k in 0..<n { to[k] = base[k] } } else { to.update(from: base, count: n) }
        }
        idCount += n
        guard let idEnd = Int32(exactly: idCount) else { preconditionFailure("a batch holds less than 2 GiB of ids") }
        (recordStorage + count).initialize(to: RowRecord(row: row, idEnd: idEnd, day: day, buurt: buurt, activity: activity,
                                                         initiative: initiative, role: role, bornFrom: born.from, bornTo: born.to,
                                                         gender: gender, age: age, origin: origin, status: status))
        count += 1
    }
}

/// A bounded hand-over of batches between two threads (condition variable).
final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var full: [RowBatch] = []
    private var free: [RowBatch]
    private var finished = false
    private var consumerFinished = false

    init(batches: Int, capacity: Int) {
        free = (0..<batches).map { _ in RowBatch(capacity: capacity) }
    }

    func emptyBatch() -> RowBatch {
        condition.lock(); defer { condition.unlock() }
        while free.isEmpty { condition.wait() }
        let batch = free.removeLast()
        batch.reset()
        return batch
    }

    func put(_ batch: RowBatch) {
        condition.lock(); defer { condition.unlock() }
        full.append(batch)
        condition.broadcast()
    }

    func take() -> RowBatch? {
        condition.lock(); defer { condition.unlock() }
        while full.isEmpty && !finished { condition.wait() }
        return full.isEmpty ? nil : full.removeFirst()
    }

    func recycle(_ batch: RowBatch) {
        condition.lock(); defer { condition.unlock() }
        free.append(batch)
        condition.broadcast()
    }

    func finish() {
        condition.lock(); defer { condition.unlock() }
        finished = true
        condition.broadcast()
    }

    func consumerDone() {
        condition.lock(); defer { condition.unlock() }
        consumerFinished = true
        condition.broadcast()
    }

    func waitForConsumer() {
        condition.lock(); defer { condition.unlock() }
        while !consumerFinished { condition.wait() }
    }
}
