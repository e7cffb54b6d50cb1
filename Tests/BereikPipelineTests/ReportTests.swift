import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikReport

/// The example report in a real browser (headless Chromium): no console message (a blocked external
/// request shows up as one, because the report's Content-Security-Policy forbids them), and it prints
/// to PDF. CI installs Chromium (scripts/test.sh); set BEREIK_SKIP_BROWSER=1 to skip on a machine without it.
@Suite(.serialized) struct ReportTests {
    static let result: ReportResult = {
        try! ReportPipeline.run(Repo.exampleRequest(), repetitions: 2000, title: "Samen <Gezond> & \"Nieuw-West\"")
    }()

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ arguments: [String]) throws -> (code: Int32, err: String) {
        let r = try browser(arguments, logging: true)
        return (r.code, r.err)
    }

    /// Headless Chromium with its standard output (a page's DOM) and, with `logging`, its console on stderr.
    static func browser(_ arguments: [String], logging: Bool = false) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", chromium!, "--headless", "--no-sandbox", "--disable-gpu"]
            + (logging ? ["--enable-logging=stderr", "--v=0"] : []) + arguments
        let out = Repo.temporary("chromium-out.txt"), err = Repo.temporary("chromium-err.txt")
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        try process.run()
        process.waitUntilExit()
        let text = { (p: String) in (try? String(contentsOfFile: p, encoding: .utf8)) ?? "" }
        return (process.terminationStatus, text(out), text(err))
    }

    @Test func reportIsSelfContainedAndEscaped() throws {
        for language in Language.allCases {
            let html = ReportHTML.render(Publisher.publish(Self.result, control: DisclosureControl()), language: language, version: "test")
            #expect(html.contains("Content-Security-Policy"))
            #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http"))
            #expect(html.contains("Samen &lt;Gezond&gt; &amp; &quot;Nieuw-West&quot;") && !html.contains("<Gezond>"))
            #expect(html.components(separatedBy: "<svg").count - 1 >= 5)  // ratios, 4 compositions, funnel, SES
            #expect(html.components(separatedBy: "<desc>").count == html.components(separatedBy: "<svg").count)  // text alternatives
            for sha in Self.result.files.map(\.sha256) { #expect(html.contains(sha)) }
            let summary = ReportSummary.sentences(Publisher.publish(Self.result, control: DisclosureControl()), language: language)
            #expect(summary.count <= 5 && summary.count >= 3)
        }
        let md = ReportMarkdown.render(Publisher.publish(Self.result, control: DisclosureControl()), language: .nl, version: "test")
        #expect(md.hasPrefix("# Samen \\<Gezond\\>") && md.contains("## Methoden en bronnen"))
    }

    /// Without Chromium the browser test shows as skipped (a plain `swift test` passes);
    /// scripts/test.sh installs Chromium and sets BEREIK_REQUIRE_BROWSER=1, so in CI it must run.
    static var browserAvailable: Bool { chromium != nil && ProcessInfo.processInfo.environment["BEREIK_SKIP_BROWSER"] != "1" }

    @Test func theBrowserIsThereWhenRequired() {
        if ProcessInfo.processInfo.environment["BEREIK_REQUIRE_BROWSER"] == "1" {
            #expect(Self.chromium != nil, "Chromium is required (BEREIK_REQUIRE_BROWSER=1) but not installed")
        }
    }

    @Test(.enabled(if: ReportTests.browserAvailable, "headless Chromium is not installed (scripts/test.sh installs it)"))
    func rendersInChromiumWithoutConsoleMessagesAndPrintsToPDF() throws {
        let html = Repo.temporary("report.html"), pdf = Repo.temporary("report.pdf")
        try ReportHTML.render(Publisher.publish(Self.result, control: DisclosureControl()), language: .nl, version: "test").write(toFile: html, atomically: true, encoding: .utf8)
        let dom = try Self.run(["--dump-dom", "file://\(html)"])
        #expect(dom.code == 0)
        let console = dom.err.split(separator: "\n").filter { $0.contains("CONSOLE") }
        #expect(console.isEmpty, "console messages: \(console)")
        // The check can fail: a page that loads something external produces a console message.
        let bad = Repo.temporary("bad.html")
        try (try String(contentsOfFile: html, encoding: .utf8)).replacingOccurrences(of: "</body>", with: "<img src=\"http://example.invalid/x.png\"></body>")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try Self.run(["--dump-dom", "file://\(bad)"]).err.contains("CONSOLE"))
        try? FileManager.default.removeItem(atPath: pdf)
        _ = try Self.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"])
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.count > 20_000 && data.prefix(5) == Data("%PDF-".utf8))
    }
}
