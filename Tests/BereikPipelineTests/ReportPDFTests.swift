import Foundation
import Testing
@testable import BereikReport

/// Issue 13, "done when": the example project's report printed to PDF by `bereik report --format
/// pdf` (headless Chromium), its text extracted page by page with pdftotext (poppler-utils; both
/// installed by scripts/test.sh) and read as a funder would: names beside codes, the period in
/// words on the first page, the initiative's name and the page number in every footer, one
/// language throughout. And the chart text widths the layout relies on, measured in Chromium.
@Suite(.serialized) struct ReportPDFTests {
    static var pdftotext: String? { ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) } }
    static var available: Bool { ReportTests.browserAvailable && pdftotext != nil }
    static let title = "Samen Gezond Nieuw-West 2019"

    @Test func theToolsAreThereWhenRequired() {
        if ProcessInfo.processInfo.environment["BEREIK_REQUIRE_BROWSER"] == "1" {
            #expect(Self.pdftotext != nil, "pdftotext is required (BEREIK_REQUIRE_BROWSER=1) but not installed (Debian: poppler-utils)")
        }
    }

    /// The PDF's pages as text (pdftotext separates pages with a form feed).
    static func pages(_ language: String) throws -> [String] {
        let pdf = Repo.temporary("rapport-\(language).pdf")
        let run = try runBereik(["report", Repo.path("bereik.toml"), "--format", "pdf", "--output", pdf, "--lang", language])
        #expect(run.code == 0, "\(run.err)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftotext!)
        process.arguments = ["-layout", "-enc", "UTF-8", pdf, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// "k/N" in the footer; pdftotext may space it as "k / N".
    static func pageNumber(_ footer: Substring, _ k: Int, of n: Int) -> Bool {
        footer.replacingOccurrences(of: " ", with: "").hasSuffix("\(k)/\(n)")
    }

    /// Every buurt or wijk code on the page stands in brackets after its name: "Geuzenveld (WK036378)".
    static func bareCodes(_ text: String) -> [String] {
        let code = try! NSRegularExpression(pattern: #"(.{0,2})\b((?:WK|BU|GM)\d{4,8})\b"#)
        return code.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            let before = String(text[Range(m.range(at: 1), in: text)!])
            return before.hasSuffix("(") && before.count == 2 && before.first != "(" ? nil : String(text[Range(m.range(at: 2), in: text)!])
        }
    }

    @Test(.enabled(if: ReportPDFTests.available, "Chromium or pdftotext is not installed (scripts/test.sh installs them)"))
    func theDutchPDFReadsRightPageByPage() throws {
        let pages = try Self.pages("nl")
        #expect(pages.count >= 4, "\(pages.count) pages")
        for (i, page) in pages.enumerated() {
            let footer = page.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            #expect(footer.contains(Self.title) && Self.pageNumber(footer, i + 1, of: pages.count), "page \(i + 1) footer: \(footer)")
        }
        let first = pages[0]
        for expected in ["In het kort", "Wie missen we, en waar?", "bezoeken van 1 januari 2019 tot en met 31 december 2019",
                         "Geuzenveld (WK036378)", "Slotermeer-Noordoost (WK036376)"] {
            #expect(first.contains(expected), "page 1 lacks '\(expected)'")
        }
        #expect(Self.bareCodes(first).isEmpty, "codes without a name on page 1: \(Self.bareCodes(first))")
        // The buurten are named in the body; the methods section (English citations) is left out of the word check.
        let body = pages.joined(separator: "\n").components(separatedBy: "Methoden en bronnen")[0]
        #expect(body.contains("Buurt 9 (BU03637803)"))
        let english = OneLanguageTests.words(body).intersection(OneLanguageTests.englishWords)
        #expect(english.isEmpty, "English in the Dutch PDF: \(english.sorted())")
    }

    @Test(.enabled(if: ReportPDFTests.available, "Chromium or pdftotext is not installed (scripts/test.sh installs them)"))
    func theEnglishPDFHasNoDutch() throws {
        let pages = try Self.pages("en")
        #expect(pages[0].contains("visits from 1 January 2019 to 31 December 2019") && pages[0].contains("Who do we miss, and where?"))
        #expect(Self.bareCodes(pages[0]).isEmpty, "codes without a name on page 1: \(Self.bareCodes(pages[0]))")
        let body = pages.joined(separator: "\n").components(separatedBy: "Methods and sources")[0]
        let dutch = OneLanguageTests.words(body).intersection(OneLanguageTests.dutchWords)
        #expect(dutch.isEmpty, "Dutch in the English PDF: \(dutch.sorted())")
    }

    @Test func theCodeCheckCanFail() {
        #expect(Self.bareCodes("Geuzenveld (WK036378) en BU03637803") == ["BU03637803"])
        #expect(Self.bareCodes("(WK036378)") == ["WK036378"])
        #expect(Self.bareCodes("Buurt 9 (BU03637803; 3.050 inwoners)").isEmpty)
    }

    /// `ChartText` measures with DejaVu Sans's advance widths; Chromium, drawing the same text in
    /// the same font, agrees to within 2% (kerning) and is never wider by more than 0.5 px.
    @Test(.enabled(if: ReportTests.browserAvailable, "headless Chromium is not installed"))
    func chartTextWidthsAgreeWithChromium() throws {
        let samples = ["Slotermeer-Noordoost", "Lucas/Andreasziekenhuis e.o.", "verhouding (logaritmische schaal)", "68,3%", "10.000",
                       "0,25", "Q1 (laagste SES)", "niet-westers", "Overtoomse Veld Noord", "Şahin Çelik – één", "WWW iii MMM", "boven de grenzen (99,8%)"]
        let texts = samples.enumerated().map { "<text id=\"t\($0.offset)\" x=\"0\" y=\"\(20 * ($0.offset + 1))\" font-size=\"\($0.offset % 2 == 0 ? 10 : 12)\">\(htmlEscape($0.element))</text>" }
        let page = """
            <!doctype html><html><head><meta charset="utf-8"><style>svg text { font-family: "DejaVu Sans", Arial, sans-serif; }</style></head>
            <body><svg xmlns="http://www.w3.org/2000/svg" width="800" height="400">\(texts.joined())</svg><pre id="out"></pre>
            <script>document.getElementById('out').textContent = Array.from(document.querySelectorAll('text')).map(t => t.getComputedTextLength()).join(' ');</script>
            </body></html>
            """
        let file = Repo.temporary("widths.html")
        try page.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", ReportTests.chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(file)"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let measured = try #require(dom.components(separatedBy: "<pre id=\"out\">").last?.components(separatedBy: "</pre>").first)
            .split(separator: " ").compactMap { Double($0) }
        #expect(measured.count == samples.count)
        for (i, (text, chromium)) in zip(samples, measured).enumerated() {
            let ours = ChartText.width(text, size: i % 2 == 0 ? 10 : 12)
            #expect(abs(ours - chromium) / chromium < 0.02 && chromium - ours < 0.5, "'\(text)': ours \(ours), Chromium \(chromium)")
        }
    }
}
