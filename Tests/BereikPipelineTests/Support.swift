import Foundation
import BereikData
import BereikPipeline

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let exampleArea = ["WK036376", "WK036377", "WK036378", "WK036386", "WK036388"]
    static let amsterdam2019 = path("Datasets/cbs/kwb2019_84583NED_amsterdam.csv")
    static let ses2019 = path("Datasets/cbs/seswoa2019_85163NED_amsterdam.csv")
    static let example = path("Datasets/example/deelnemers_nieuw_west_2019.csv")

    /// The example project's request (Amsterdam KWB and SES-WOA 2019, five wijken of Nieuw-West)
    /// for `attendance`, by default the example attendance.
    static func exampleRequest(_ attendance: String = example, area: [String] = exampleArea) -> AnalysisRequest {
        var r = AnalysisRequest(attendance: attendance, referenceDate: CivilDate(year: 2019, month: 12, day: 31)!)
        r.population = amsterdam2019
        r.ses = ses2019
        r.area = area
        return r
    }

    /// Writes `text` to a fresh temporary file named after `name` and returns its path.
    static func write(_ text: String, _ name: String) throws -> String {
        let path = temporary(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func temporary(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-pipeline-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Unique per call: suites run in parallel and must never share a file.
        return dir.appendingPathComponent("\(UUID().uuidString.prefix(8))-\(name)").path
    }
}

/// Runs the built `bereik` executable (next to the test bundle) and returns exit code, stdout, stderr.
/// `killAfter`: seconds after which a program that is still running (a server that should have
/// refused to start) is stopped, so that a regression fails the test instead of hanging it.
func runBereik(_ arguments: [String], in directory: URL? = nil, killAfter: Double? = nil) throws -> (code: Int32, out: String, err: String) {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
    var dir = testBinary.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("bereik").path), dir.path != "/" {
        dir = dir.deletingLastPathComponent()
    }
    let process = Process()
    process.executableURL = dir.appendingPathComponent("bereik")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ["LANG": "nl_NL.UTF-8", "PATH": "/usr/bin:/bin"]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let killAfter {
        nonisolated(unsafe) let running = process
        DispatchQueue.global().asyncAfter(deadline: .now() + killAfter) { if running.isRunning { running.terminate() } }
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// `runBereik` with English output (the default language follows the locale, else Dutch).
func runBereik(english arguments: [String]) throws -> (code: Int32, out: String, err: String) {
    try runBereik(arguments + ["--lang", "en"])
}
