import BereikData
import Foundation

/// `bereik report --format pdf`: the HTML report printed by headless Chromium (its print engine
/// honours the report's `@page` rules: A4, page numbers and the title in the footer, no table row
/// or chart split across pages). Chromium is found in `BEREIK_CHROMIUM` or the usual places; without
/// it the error says how to install it. `bereik report --format pdf` writes the bytes to a file;
/// `bereik serve` offers them as a download.
public enum PDFPrinter {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
                             "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]

    public static var chromium: String? {
        if let given = ProcessInfo.processInfo.environment["BEREIK_CHROMIUM"], FileManager.default.isExecutableFile(atPath: given) { return given }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static func print(html: String, to output: String, protecting inputs: [String]) throws {
        try OutputFile.write(data: pdf(html: html, name: output), to: output, protecting: inputs)
    }

    /// The printed PDF's bytes; `name` is what error messages call the output.
    public static func pdf(html: String, name: String) throws -> Data {
        guard let chromium else {
            throw DataError(SourceLocation(file: name), Bilingual(
                en: "a PDF needs Chromium or Chrome, which was not found; install it (Debian: sudo apt-get install chromium), set BEREIK_CHROMIUM to its path, or write HTML and print that from a browser",
                nl: "voor een PDF is Chromium of Chrome nodig, maar die is niet gevonden; installeer het (Debian: sudo apt-get install chromium), geef het pad in BEREIK_CHROMIUM, of maak HTML en druk die af vanuit een browser"))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("rapport.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let pdf = dir.appendingPathComponent("rapport.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(dir.path)/profile",
                             "--print-to-pdf=\(pdf.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: pdf.path), data.starts(with: Array("%PDF".utf8)) else {
            throw DataError(SourceLocation(file: name), Bilingual(
                en: "Chromium could not print the report to PDF (exit status \(process.terminationStatus)); write HTML and print that from a browser",
                nl: "Chromium kon het rapport niet als PDF afdrukken (afsluitcode \(process.terminationStatus)); maak HTML en druk die af vanuit een browser"))
        }
        return data
    }
}
