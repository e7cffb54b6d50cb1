import BereikData
import Foundation

/// Reads every field of a `;`-separated file with each reader and reports rows, a checksum of
/// field lengths, wall time and the process's peak memory so far.
let path = CommandLine.arguments[1]
func peakMB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM") } ?? ""
    return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}
func measure(_ name: String, _ body: () throws -> (Int, Int)) rethrows {
    let start = Date()
    let (rows, checksum) = try body()
    let label = name.padding(toLength: 38, withPad: " ", startingAt: 0)
    print(label + String(format: "%9d rows  checksum %11d  %6.2f s  peak %5d MB", rows, checksum,
                         Date().timeIntervalSince(start), peakMB()))
}
try measure("Bereik CSVReader (bytes)") {
    let r = try CSVReader(path: path)
    var rows = 0, sum = 0
    while try r.next() { rows += 1; for i in 0..<r.fieldCount { sum += r.withBytes(i) { $0.count } } }
    return (rows, sum)
}
try measure("Bereik CSVReader (String per field)") {
    let r = try CSVReader(path: path)
    var rows = 0, sum = 0
    while try r.next() { rows += 1; for i in 0..<r.fieldCount { sum += r.string(i).utf8.count } }
    return (rows, sum)
}
try measure("CSV.swift 2.5.2 (streaming)") { try readWithCSVSwift(path) }
try measure("SwiftCSV 0.10.0 (whole file)") { try readWithSwiftCSV(path) }
