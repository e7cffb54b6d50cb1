import BereikReport
@testable import BereikServe
import Foundation
import Testing

/// The page in real headless Chromium, driven over the DevTools protocol by
/// `Driver/serve_browser.py` (Python standard library only): the example CSV and an Excel
/// workbook uploaded, the area picked by name, the answer read, the report and CSV downloaded,
/// bad files refused with a Dutch sentence; any console error or request outside the server fails.
/// Skipped without Chromium; scripts/test.sh installs it and sets BEREIK_REQUIRE_BROWSER=1.
struct BrowserTests {
    static var chromium: String? { PDFPrinter.chromium }
    static var python: String? { ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? which("python3") }
    static var available: Bool { chromium != nil && python != nil && ProcessInfo.processInfo.environment["BEREIK_SKIP_BROWSER"] != "1" }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    @Test func theBrowserIsThereWhenRequired() {
        if ProcessInfo.processInfo.environment["BEREIK_REQUIRE_BROWSER"] == "1" {
            #expect(Self.chromium != nil, "Chromium is required (BEREIK_REQUIRE_BROWSER=1) but not installed")
            #expect(Self.python != nil, "python3 is required for the browser test")
        }
    }

    @Test(.enabled(if: BrowserTests.available, "headless Chromium is not installed (scripts/test.sh installs it)"))
    func aCoordinatorUsesThePageInChromium() async throws {
        let example = try await TestServer.start()
        let bundled = try await TestServer.start(example: false)
        let work = Repo.temporaryDirectory("browser")
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["1500", Self.python!, Repo.driver, "--chromium", Self.chromium!, "--example-url", example.origin,
                             "--bundled-url", bundled.origin, "--example", Repo.example, "--workbook", Repo.workbook, "--work", work.path]
        let output = work.appendingPathComponent("driver.txt")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        // Wait off the cooperative threads: the servers answer on them.
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { process.waitUntilExit(); c.resume() }
        }
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "the browser test failed:\n\(text)")
        #expect(text.contains("checks passed, 0 failed"), "\(text)")
        #expect(example.leftovers.isEmpty && bundled.leftovers.isEmpty, "uploads left behind")
        let log = (example.log.all + bundled.log.all).joined(separator: "\n")
        #expect(!log.contains("deelnemers") && !log.contains("rotterdam") && !log.contains("D000001"), "the log names files or persons")
        await example.stop()
        await bundled.stop()
    }
}
