import Foundation
@_exported import BereikTestSupport

/// Reads the test fixtures bundled with this test target.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// A comma-separated fixture (double-quoted fields may hold commas), as rows of header → value.
    static func csvRows(_ name: String) throws -> [[String: String]] {
        var text = try String(contentsOf: url(name), encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = split(lines[0])
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, split($0))) }
    }

    private static func split(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { cells.append(cell); cell = "" } else { cell.append(ch) }
        }
        cells.append(cell)
        return cells
    }

    static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(name)))
    }
}

/// |a − b| ≤ tol · max(|b|, tiny): relative agreement, absolute near zero.
func close(_ a: Double?, _ b: Double?, rel tol: Double = 1e-6, abs absTol: Double = 1e-12) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= max(tol * abs(b), absTol)
}

