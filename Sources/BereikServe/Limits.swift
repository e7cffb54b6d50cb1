import BereikPublish
import Foundation

/// At most `running` analyses at once; up to `waiting` more wait their turn (first come, first
/// served). A request beyond that, or one that waited too long, gets the "busy" page (503).
actor AnalysisLimiter {
    let maxRunning: Int
    let maxWaiting: Int
    private(set) var running = 0
    private var queue: [(id: UUID, continuation: CheckedContinuation<Bool, Never>)] = []
    private var admitted = 0

    init(maxRunning: Int, maxWaiting: Int) {
        self.maxRunning = max(1, maxRunning)
        self.maxWaiting = max(0, maxWaiting)
    }

    /// A place in line, taken before the upload is read; false when the line is full.
    func admit() -> Bool {
        guard admitted < maxRunning + maxWaiting else { return false }
        admitted += 1
        return true
    }

    /// Gives back a place taken by `admit()` that will not run (a bad form, a failed upload).
    func withdraw() { admitted -= 1 }

    /// Waits for a free slot (after `admit()`); false after `timeout` seconds (the place is given back).
    func acquire(timeout: TimeInterval) async -> Bool {
        if running < maxRunning { running += 1; return true }
        let id = UUID()
        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
            await self?.expire(id)
        }
        let got = await withCheckedContinuation { continuation in queue.append((id, continuation)) }
        timer.cancel()
        if !got { admitted -= 1 }
        return got
    }

    private func expire(_ id: UUID) {
        if let i = queue.firstIndex(where: { $0.id == id }) { queue.remove(at: i).continuation.resume(returning: false) }
    }

    /// Ends an analysis: the next in line runs.
    func release() {
        admitted -= 1
        if !queue.isEmpty { queue.removeFirst().continuation.resume(returning: true) } else { running -= 1 }
    }
}

/// Answers kept for download: only published (disclosure-controlled) results, never the upload or
/// person-level data; in memory only, for 30 minutes, at most `capacity` (the oldest go first).
actor ResultStore {
    struct Entry: Sendable {
        let report: PublishedReport
        /// Role → header of the columns used (shown on the page).
        let columns: [(role: String, header: String)]
        let created: Date
    }

    static let lifetime: TimeInterval = 30 * 60
    let capacity: Int
    private var entries: [String: Entry] = [:]

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func put(_ report: PublishedReport, columns: [(role: String, header: String)], now: Date = Date()) -> String {
        expire(now: now)
        while entries.count >= capacity, let oldest = entries.min(by: { $0.value.created < $1.value.created })?.key {
            entries[oldest] = nil
        }
        let id = randomID()
        entries[id] = Entry(report: report, columns: columns, created: now)
        return id
    }

    func get(_ id: String, now: Date = Date()) -> Entry? {
        expire(now: now)
        return entries[id]
    }

    var count: Int { entries.count }

    private func expire(now: Date) {
        entries = entries.filter { now.timeIntervalSince($0.value.created) < Self.lifetime }
    }
}
