import Foundation
import ZIPFoundation

/// Reads one entry of a ZIP (a workbook part, a zipped CSV) through ZIPFoundation, with a watchdog.
///
/// ZIPFoundation's inflate loop (`Data.decode`, 0.9.x) asks its provider for more input until the
/// deflate stream ends; a damaged stream that runs on to the end of the file is then asked forever
/// and never fails (libFuzzer, FuzzWorkbook: a part cut by `CopyPart` spun on `fread` at the end
/// of the file). The loop cannot be reached from outside, so the extraction runs on a thread of its
/// own: when it gives no output for `stall` seconds, the part is damaged and the caller gets the
/// error. A sound stream gives 64 KiB of output in well under a millisecond; a stalled thread is
/// left spinning until the process ends (a thread cannot be stopped), never with the caller's data.
enum ZipPart {
    /// Seconds without output after which a part counts as damaged.
    static let stall = 3.0

    /// Feeds the entry's bytes to `consumer` (on the extraction's thread, while the caller waits).
    static func extract(_ archive: Archive, _ entry: Entry, _ location: SourceLocation,
                        consumer: @escaping (Data) throws -> Void) throws {
        final class Run: @unchecked Sendable {
            let lock = NSLock()
            var lastOutput = Date()
            var finished = false
            var error: Error?
            /// Set when the caller gave up: later output is dropped, not handed to its consumer.
            var abandoned = false
        }
        let run = Run()
        nonisolated(unsafe) let archive = archive, consumer = consumer, entry = entry
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    run.lock.lock()
                    let abandoned = run.abandoned
                    run.lastOutput = Date()
                    run.lock.unlock()
                    if abandoned { throw Archive.ArchiveError.cancelledOperation }
                    try consumer(chunk)
                }
            } catch {
                run.lock.lock(); run.error = error; run.lock.unlock()
            }
            run.lock.lock(); run.finished = true; run.lock.unlock()
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        while done.wait(timeout: .now() + 0.25) == .timedOut {
            run.lock.lock()
            let stalled = Date().timeIntervalSince(run.lastOutput) > stall
            if stalled { run.abandoned = true }
            run.lock.unlock()
            if stalled { throw DataError(location, DataMessages.endlessPart(entry.path)) }
        }
        if let error = run.error { throw DataError(location, DataMessages.damagedPart(entry.path, "\(error)")) }
    }
}
