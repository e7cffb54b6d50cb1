import Foundation
import Testing

/// docs/json-schema.md and the JSON `compare` writes name the same keys: every key in the output is
/// documented, and every documented key occurs in the output (top level, `input`, a dimension, a group).
@Suite struct SchemaDocTests {
    /// The keys in backticks in the first column of each table of the `bereik.compare/2` section.
    static func documentedTables() throws -> [Set<String>] {
        let doc = try String(contentsOf: Repo.root.appendingPathComponent("docs/json-schema.md"), encoding: .utf8)
        let section = doc.components(separatedBy: "# `bereik.heterogeneity/1`")[0]
        var tables: [Set<String>] = [], current = Set<String>()
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| `") {
                let first = line.split(separator: "|")[0]
                for part in first.split(separator: "`").enumerated() where part.offset % 2 == 1 {
                    current.insert(String(part.element).replacingOccurrences(of: "[]", with: ""))
                }
            } else if !current.isEmpty, !line.hasPrefix("|") {
                tables.append(current); current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    @Test func compareJSONKeysAreTheDocumentedOnes() throws {
        let tables = try Self.documentedTables()
        #expect(tables.count == 3, "expected the top-level, dimension and group tables")
        let r = try runBereik(["compare", "--project", Repo.path("bereik.toml"), "--format", "json"])
        let doc = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let top = Set(tables[0].map { String($0.split(whereSeparator: { $0 == "." || $0 == "[" })[0]) })
        #expect(Set(doc.keys) == top, "top level: output \(Set(doc.keys).subtracting(top)) undocumented, \(top.subtracting(doc.keys)) missing")
        let inputDocumented = Set(tables[0].filter { $0.hasPrefix("input.") }.map { String($0.dropFirst("input.".count)) })
        let input = doc["input"] as! [String: Any]
        #expect(Set(input.keys) == inputDocumented, "input: \(Set(input.keys).symmetricDifference(inputDocumented))")
        let dimensions = doc["dimensions"] as! [[String: Any]]
        let dimensionKeys = Set(dimensions.flatMap(\.keys))
        #expect(dimensionKeys == tables[1], "dimension: \(dimensionKeys.symmetricDifference(tables[1]))")
        let groupKeys = Set(dimensions.flatMap { ($0["groups"] as! [[String: Any]]).flatMap(\.keys) })
        // `suppressed` appears only under disclosure control.
        let safe = try runBereik(["compare", "--project", Repo.path("bereik.toml"), "--format", "json", "--disclosure-safe", "--disclosure-threshold", "300"])
        let safeDoc = try JSONSerialization.jsonObject(with: Data(safe.out.utf8)) as! [String: Any]
        let safeGroupKeys = Set((safeDoc["dimensions"] as! [[String: Any]]).flatMap { ($0["groups"] as! [[String: Any]]).flatMap(\.keys) })
        #expect(groupKeys.union(safeGroupKeys) == tables[2], "group: \(groupKeys.union(safeGroupKeys).symmetricDifference(tables[2]))")
    }
}
