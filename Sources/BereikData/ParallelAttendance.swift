import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads one large attendance file on all cores, with a result identical to the one-thread reader.
///
/// The text after the header is cut into chunks of about `chunkBytes`, each ending at a line feed
/// that the quotes before it say lies outside quotes (an even number of `"` since the chunk's
/// start: the quote-parity guess of Ge et al. 2019, "Speculative Distributed CSV Data Parsing for
/// Big Data Analytics", SIGMOD 2019). Workers parse and classify chunks with their own
/// `RowClassifier` (own interners: no lock per row). One thread takes the chunks in file order,
/// renumbers their rows, buurten, activities, initiatives and roles to what one thread would have
/// numbered (order of first appearance) and adds them to the one `PersonAccumulator`, so every
/// person sees the same rows, in the same order, with the same numbers.
///
/// The guess is checked by the parse: a chunk cut inside a quoted field (a `"` inside an unquoted
/// field fools the count) ends inside quotes, which the chunk's reader reports as an error. On that,
/// and on any other error in the text, `Fallback` is thrown and the caller reads the file on one
/// thread, which gives the error with its file, line and column.
final class ParallelAttendance: @unchecked Sendable {
    /// The chunked reading gave up; read the file on one thread.
    struct Fallback: Error {}

    /// Files below this size are read on one thread (the threads cost more than they save).
    static let minimumSize = 8 << 20
    static let defaultChunkBytes = 2 << 20
    /// A chunk that finds no line feed outside quotes in this many bytes (a file with CR line ends
    /// only, or one long quoted text) is not cut: the file is read on one thread.
    static let longestChunk = 64 << 20

    private let source: CSVReader
    private let options: AttendanceOptions
    private let columns: AttendanceColumns
    private let initiative: String?
    private let chunkBytes: Int
    private let workerCount: Int

    private let condition = NSCondition()
    private var pending: [Chunk] = []
    private var results: [Int: ChunkResult] = [:]
    private var submitted = 0
    private var consumed = 0
    private var closed = false
    private var failed = false
    private var workersDone = 0
    private var consumerDone = false
    private var classifiers: [RowClassifier?]
    /// The consumer's; read by the calling thread after the consumer is done.
    @exclusivity(unchecked) private var merged: Merged

    private struct Chunk {
        let index: Int
        let bytes: UnsafeMutablePointer<UInt8>
        let count: Int
        let capacity: Int
    }

    /// Chunk buffers and row batches are reused: allocating 2 MiB per chunk cost page faults.
    private var freeBuffers: [UnsafeMutablePointer<UInt8>] = []
    private var freeBatches: [RowBatch] = []

    deinit { for b in freeBuffers { b.deallocate() } }

    private func buffer(capacity: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity == chunkBytes {
            condition.lock(); defer { condition.unlock() }
            if let b = freeBuffers.popLast() { return b }
        }
        return .allocate(capacity: capacity)
    }

    private func release(_ bytes: UnsafeMutablePointer<UInt8>, capacity: Int) {
        guard capacity == chunkBytes else { bytes.deallocate(); return }
        condition.lock(); defer { condition.unlock() }
        freeBuffers.append(bytes)
    }

    private func batch() -> RowBatch {
        condition.lock(); defer { condition.unlock() }
        if let b = freeBatches.popLast() { b.reset(); return b }
        return RowBatch(capacity: chunkBytes / 48)
    }

    private func recycle(_ batch: RowBatch) {
        condition.lock(); defer { condition.unlock() }
        freeBatches.append(batch)
    }

    private final class ChunkResult {
        let worker: Int
        let batch: RowBatch
        var records: Int64 = 0
        var blankLines = 0
        var newBuurten: ArraySlice<RegionCode> = []
        var newActivities: ArraySlice<String> = [], newInitiatives: ArraySlice<String> = [], newRoles: ArraySlice<String> = []
        var error: Error?
        init(worker: Int, batch: RowBatch) {
            self.worker = worker
            self.batch = batch
        }
    }

    init(source: CSVReader, columns: AttendanceColumns, initiative: String?, options: AttendanceOptions, chunkBytes: Int, workers: Int) {
        self.source = source
        self.columns = columns
        self.initiative = initiative
        self.options = options
        self.chunkBytes = max(64, chunkBytes)
        workerCount = max(1, workers)
        classifiers = Array(repeating: nil, count: max(1, workers))
        merged = Merged(initiatives: [])
    }

    /// Whether `reading` asks for chunks on this source.
    static func settings(_ reading: AttendanceReading, files: Int, options: AttendanceOptions, size: Int) -> (bytes: Int, workers: Int)? {
        guard files == 1, !options.strict, options.onExclusion == nil else { return nil }
        switch reading {
        case .serial: return nil
        case .chunks(let bytes, let workers): return (bytes, workers)
        case .automatic:
            let cores = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
            guard size >= minimumSize, cores > 1 else { return nil }
            return (defaultChunkBytes, cores)
        }
    }

    /// The chunks cut (after `read`).
    var chunkCount: Int { submitted }

    /// Reads every record after the header into `accumulator` and hands `classifier` (the run's,
    /// which has read nothing) what the workers found. Returns the blank lines skipped.
    func read(into accumulator: PersonAccumulator, classifier global: RowClassifier) throws -> Int {
        var workers: [Thread] = []
        for w in 0..<workerCount {
            let thread = Thread { [self] in work(w) }
            thread.stackSize = 1 << 20
            workers.append(thread)
            thread.start()
        }
        merged = Merged(initiatives: global.initiatives.names)
        let consumer = Thread { [self] in consume(into: accumulator) }
        consumer.stackSize = 1 << 20
        consumer.start()

        let cut = cutChunks()
        condition.lock()
        if !cut { failed = true }
        closed = true
        condition.broadcast()
        while !(consumerDone && workersDone == workerCount) { condition.wait() }
        let failed = self.failed
        condition.unlock()
        if failed { throw Fallback() }

        var reconciliation = Reconciliation()
        var unrecognised: [AttendanceRole: [String: Int]] = [:]
        for case let c? in classifiers {
            reconciliation.rows += c.reconciliation.rows
            reconciliation.rowsUsed += c.reconciliation.rowsUsed
            reconciliation.excluded.merge(c.reconciliation.excluded, uniquingKeysWith: +)
            for (role, examples) in c.allUnrecognised() { unrecognised[role, default: [:]].merge(examples, uniquingKeysWith: +) }
        }
        global.adopt(buurtCodes: merged.buurtCodes, activities: merged.activities.names, initiatives: merged.initiatives.names,
                     roles: merged.roles.names, reconciliation: reconciliation, unrecognised: unrecognised)
        return merged.blankLines
    }

    // MARK: Cutting (the calling thread)

    /// Reads the text in chunks and queues them; false when a chunk could not be cut.
    private func cutChunks() -> Bool {
        let (buffered, file) = source.detachRemainder()
        // The text comes from three places, in this order: what the last chunk left after its
        // border, what the header's reader had read ahead, then the file.
        var leftover: [UInt8] = []
        var readAhead = buffered[...]
        var atEnd = file == nil
        var size = chunkBytes
        while true {
            let capacity = max(size, leftover.count + 1)
            let bytes = buffer(capacity: capacity)
            leftover.withUnsafeBufferPointer { if let base = $0.baseAddress { bytes.update(from: base, count: $0.count) } }
            var count = leftover.count
            let take = min(capacity - count, readAhead.count)
            readAhead.withUnsafeBufferPointer { if let base = $0.baseAddress { (bytes + count).update(from: base, count: take) } }
            readAhead = readAhead.dropFirst(take)
            count += take
            while !atEnd, count < capacity, let file {
                let n = fread(bytes + count, 1, capacity - count, file)
                if n == 0 { atEnd = true }
                count += n
            }
            if count == 0 { release(bytes, capacity: capacity); return true }
            let last = atEnd && readAhead.isEmpty
            var cutAt = count
            if !last {
                guard let border = Self.lastRecordEnd(bytes, count) else {
                    // No line feed outside quotes: a longer chunk, up to a limit.
                    leftover = Array(UnsafeBufferPointer(start: bytes, count: count))
                    release(bytes, capacity: capacity)
                    size = count * 2
                    if count > Self.longestChunk { return false }
                    continue
                }
                cutAt = border
            }
            leftover = Array(UnsafeBufferPointer(start: bytes + cutAt, count: count - cutAt))
            size = chunkBytes
            guard submit(Chunk(index: submitted, bytes: bytes, count: cutAt, capacity: capacity)) else { release(bytes, capacity: capacity); return true }
            if last { return true }
        }
    }

    /// The position after the last line feed with an even number of quotes before it, if any.
    static func lastRecordEnd(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int? {
        var lf = count - 1
        while lf >= 0, bytes[lf] != 0x0A { lf -= 1 }
        guard lf >= 0 else { return nil }
        var quotes = countQuotes(bytes, from: 0, to: lf)
        while quotes & 1 == 1 {
            var previous = lf - 1
            while previous >= 0, bytes[previous] != 0x0A { previous -= 1 }
            guard previous >= 0 else { return nil }
            quotes -= countQuotes(bytes, from: previous, to: lf)
            lf = previous
        }
        return lf + 1
    }

    private static func countQuotes(_ bytes: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0, p = from
        while p < to, let hit = memchr(bytes + p, 0x22, to - p) {
            n += 1
            p = bytes.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return n
    }

    /// Queues a chunk, waiting while too many are on their way (memory stays bounded); false after a failure.
    private func submit(_ chunk: Chunk) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while !failed && submitted - consumed >= workerCount + 2 { condition.wait() }
        if failed { return false }
        pending.append(chunk)
        submitted += 1
        condition.broadcast()
        return true
    }

    // MARK: Classifying (the workers)

    private func work(_ w: Int) {
        let classifier = RowClassifier(options: options, columns: columns, encoding: source.dialect.encoding)
        if let initiative { classifier.nextFile(columns: columns, encoding: source.dialect.encoding, initiative: initiative) }
        while let chunk = take() {
            if isFailed {
                // After a failure the chunks still queued are freed, not classified.
                release(chunk.bytes, capacity: chunk.capacity)
                let result = ChunkResult(worker: w, batch: RowBatch(capacity: 0))
                result.error = Fallback()
                post(result, index: chunk.index)
                continue
            }
            let result = ChunkResult(worker: w, batch: batch())
            let before = (classifier.buurtCodes.count, classifier.activities.names.count,
                          classifier.initiatives.names.count, classifier.roles.names.count)
            let reader = CSVReader(chunk: chunk.bytes, count: chunk.count, of: source)
            do {
                var row: Int64 = 0
                while try reader.next() {
                    try reader.requireHeaderWidth()
                    row += 1
                    _ = classifier.classify(reader, row: row, into: result.batch)
                }
                result.records = row
            } catch {
                result.error = error
            }
            result.blankLines = reader.blankLines
            release(chunk.bytes, capacity: chunk.capacity)
            result.newBuurten = classifier.buurtCodes[before.0...]
            result.newActivities = classifier.activities.names[before.1...]
            result.newInitiatives = classifier.initiatives.names[before.2...]
            result.newRoles = classifier.roles.names[before.3...]
            post(result, index: chunk.index)
        }
        condition.lock()
        classifiers[w] = classifier
        workersDone += 1
        condition.broadcast()
        condition.unlock()
    }

    private func take() -> Chunk? {
        condition.lock(); defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private func post(_ result: ChunkResult, index: Int) {
        condition.lock(); defer { condition.unlock() }
        results[index] = result
        condition.broadcast()
    }

    // MARK: Merging (one thread, in file order)

    /// The serial numbering, built as the chunks arrive in file order.
    private struct Merged {
        var buurtCodes: [RegionCode] = []
        var buurtIndex: [RegionCode: Int32] = [:]
        var activities = Names(), initiatives: Names, roles = Names()
        var blankLines = 0
        init(initiatives: [String]) { self.initiatives = Names(names: initiatives) }
    }

    private struct Names {
        var names: [String] = []
        var index: [String: Int32] = [:]
        init(names: [String] = []) {
            self.names = names
            index = Dictionary(names.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        }
        mutating func id(_ name: String) -> Int32 {
            if let i = index[name] { return i }
            names.append(name)
            index[name] = Int32(names.count - 1)
            return Int32(names.count - 1)
        }
    }

    /// A worker's numbers and what they stand for: local id → serial id (-1 until first used).
    private struct LocalNumbers<Value> {
        var values: [Value] = []
        var serial: [Int32] = []
        mutating func add(_ new: ArraySlice<Value>) {
            values.append(contentsOf: new)
            serial.append(contentsOf: repeatElement(-1, count: new.count))
        }
        @inline(__always) mutating func map(_ local: Int32, _ assign: (Value) -> Int32) -> Int32 {
            if local < 0 { return local }
            let s = serial[Int(local)]
            if s >= 0 { return s }
            let new = assign(values[Int(local)])
            serial[Int(local)] = new
            return new
        }
    }

    private var isFailed: Bool {
        condition.lock(); defer { condition.unlock() }
        return failed
    }

    private func consume(into accumulator: PersonAccumulator) {
        var buurten = [LocalNumbers<RegionCode>](repeating: .init(), count: workerCount)
        var activities = [LocalNumbers<String>](repeating: .init(), count: workerCount)
        var initiatives = activities, roles = activities
        var rowOffset: Int64 = 0
        var nextProgress = 1 << 20
        var index = 0
        while let result = nextResult(index) {
            index += 1
            if result.error != nil || isFailed {
                condition.lock(); failed = true; condition.broadcast(); condition.unlock()
                finishedOne()
                continue
            }
            let w = result.worker
            buurten[w].add(result.newBuurten)
            activities[w].add(result.newActivities)
            initiatives[w].add(result.newInitiatives)
            roles[w].add(result.newRoles)
            let records = result.batch.records
            for i in records.indices {
                records[i].row += rowOffset
                guard records[i].status == .used else { continue }
                records[i].buurt = buurten[w].map(records[i].buurt) { code in
                    if let s = merged.buurtIndex[code] { return s }
                    merged.buurtCodes.append(code)
                    merged.buurtIndex[code] = Int32(merged.buurtCodes.count - 1)
                    return Int32(merged.buurtCodes.count - 1)
                }
                records[i].activity = activities[w].map(records[i].activity) { merged.activities.id($0) }
                records[i].initiative = initiatives[w].map(records[i].initiative) { merged.initiatives.id($0) }
                records[i].role = roles[w].map(records[i].role) { merged.roles.id($0) }
            }
            accumulator.add(result.batch)
            recycle(result.batch)
            rowOffset += result.records
            merged.blankLines += result.blankLines
            while rowOffset >= nextProgress {
                options.progress?(nextProgress)
                nextProgress += 1 << 20
            }
            finishedOne()
        }
        condition.lock()
        consumerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// The result of chunk `index` once it is classified; nil after the last chunk.
    private func nextResult(_ index: Int) -> ChunkResult? {
        condition.lock(); defer { condition.unlock() }
        while results[index] == nil && !(closed && index >= submitted) { condition.wait() }
        return results.removeValue(forKey: index)
    }

    private func finishedOne() {
        condition.lock()
        consumed += 1
        condition.broadcast()
        condition.unlock()
    }
}
