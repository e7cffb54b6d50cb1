import Foundation
import Testing

/// docs/json-schema.md and the JSON every command writes name the same keys, for every schema: each
/// key in the output is documented, and each documented key occurs in the output. The documents are
/// `Encodable` types (`Sources/BereikReport/JSON`); running the commands encodes them, with and
/// without disclosure control (which adds `suppressed` and verdicts).
@Suite struct SchemaDocTests {
    /// Per schema (`bereik.compare/2`, …), the key sets of its tables in order: the backticked
    /// names in each table's first column, `[]` removed.
    static func documentedTables() throws -> [String: [Set<String>]] {
        let doc = try String(contentsOf: Repo.root.appendingPathComponent("docs/json-schema.md"), encoding: .utf8)
        var out: [String: [Set<String>]] = [:], schema: String?, current = Set<String>()
        func close() {
            if let schema, !current.isEmpty { out[schema, default: []].append(current) }
            current = []
        }
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ") {
                close()
                schema = line.hasPrefix("# `bereik.") ? String(line.split(separator: "`")[1]) : nil
            } else if line.hasPrefix("| `") {
                let first = line.split(separator: "|")[0]
                for part in first.split(separator: "`").enumerated() where part.offset % 2 == 1 {
                    current.insert(String(part.element).replacingOccurrences(of: "[]", with: ""))
                }
            } else if !line.hasPrefix("|") {
                close()
            }
        }
        close()
        return out
    }

    /// The keys of every object at `path` ("" the top level, "dimensions[].groups[]" nested arrays).
    static func keys(at path: String, in documents: [[String: Any]]) -> Set<String> {
        var objects: [[String: Any]] = documents
        for step in path.split(separator: ".") {
            let name = String(step.dropLast(2))
            objects = objects.flatMap { ($0[name] as? [[String: Any]]) ?? [] }
        }
        return Set(objects.flatMap(\.keys))
    }

    static func documents(_ runs: [[String]]) throws -> [[String: Any]] {
        try runs.map { args in
            let r = try runBereik(args)
            #expect(r.code == 0, "\(args): \(r.err)")
            return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        }
    }

    /// Checks the tables `first..<first + paths.count` of `schema` against the objects at `paths`.
    static func check(_ schema: String, tables first: Int = 0, paths: [String], runs: [[String]]) throws {
        let tables = try #require(try documentedTables()[schema], "no section for \(schema)")
        let docs = try documents(runs)
        #expect(docs.allSatisfy { ($0["schema"] as? String) == schema })
        for (i, path) in paths.enumerated() {
            let table = tables[first + i]
            let documented = Set(table.map { String($0.split(separator: ".")[0]) })
            let found = keys(at: path, in: docs)
            #expect(found == documented, "\(schema) \(path.isEmpty ? "top level" : path): undocumented \(found.subtracting(documented).sorted()), absent \(documented.subtracting(found).sorted())")
        }
        // Dotted keys (`input.rows`) document the members of a top-level object.
        for prefix in Set(tables[first].filter { $0.contains(".") }.map { String($0.split(separator: ".")[0]) }) {
            let documented = Set(tables[first].filter { $0.hasPrefix(prefix + ".") }.map { String($0.dropFirst(prefix.count + 1)) })
            let found = Set(docs.flatMap { ($0[prefix] as? [String: Any])?.keys.map { $0 } ?? [] })
            #expect(found == documented, "\(schema) \(prefix): \(found.symmetricDifference(documented).sorted())")
        }
    }

    static func project(_ args: String...) -> [String] { [args[0], "--project", Repo.path("bereik.toml"), "--format", "json"] + args.dropFirst() }
    static let safe = ["--disclosure-safe", "--disclosure-threshold"]

    @Test func compareKeysAreTheDocumentedOnes() throws {
        #expect(try Self.documentedTables()["bereik.compare/2"]?.count == 5, "expected the top-level, dimension, group, crossing and crossing-group tables")
        try Self.check("bereik.compare/2", paths: ["", "dimensions[]", "dimensions[].groups[]", "crossings[]", "crossings[].groups[]"],
                       runs: [Self.project("compare", "--by", "gender,age,origin,ses,gender:ses,age:wijk", "--period-a", "2019-01-01..2019-06-30",
                                           "--period-b", "2019-07-01..2019-12-31"),
                              Self.project("compare", "--by", "gender,ses,origin:ses") + Self.safe + ["300"]])
    }

    @Test func heterogeneityKeysAreTheDocumentedOnes() throws {
        try Self.check("bereik.heterogeneity/1", paths: ["", "units[]"],
                       runs: [Self.project("heterogeneity", "--by", "buurt"), Self.project("heterogeneity", "--by", "wijk"),
                              Self.project("heterogeneity", "--by", "buurt") + Self.safe + ["50"]])
        try Self.check("bereik.heterogeneity/1", tables: 2, paths: ["", "dimensions[]", "dimensions[].activities[]"],
                       runs: [Self.project("heterogeneity", "--by", "activity"), Self.project("heterogeneity", "--by", "activity") + Self.safe + ["30"]])
    }

    @Test func gradientAndTrendKeysAreTheDocumentedOnes() throws {
        try Self.check("bereik.gradient/1", paths: [""],
                       runs: [Self.project("gradient"), Self.project("gradient") + Self.safe + ["200"]])
        try Self.check("bereik.trend/1", paths: ["", "periods[]"],
                       runs: [Self.project("trend", "--period", "quarter"), Self.project("trend", "--period", "month") + Self.safe + ["30"]])
    }

    @Test func modelKeysAreTheDocumentedOnes() throws {
        try Self.check("bereik.model/1", paths: ["", "levels[]", "terms[]", "term_tests[]"],
                       runs: [Self.project("model", "--by", "origin", "--adjust", "ses"), Self.project("model", "--by", "gender"),
                              Self.project("model", "--by", "age", "--adjust", "ses", "--ses-as", "score", "--se", "robust"),
                              Self.project("model", "--by", "origin", "--adjust", "ses") + Self.safe + ["300"]])
    }

    @Test func roleKeysAreTheDocumentedOnes() throws {
        let file = RoleTests.file.path
        let base = ["compare", "--by-role", "--attendance", file, "--population", Repo.amsterdam2019, "--area", Repo.exampleArea.joined(separator: ","), "--format", "json"]
        try Self.check("bereik.roles/1", paths: ["", "roles[]", "ladder_tests[]"], runs: [base, base + Self.safe + ["30"]])
    }

    @Test func areaKeysAreTheDocumentedOnes() throws {
        try Self.check("bereik.areas/1", paths: ["", "areas[]"], runs: [["areas", "bloemhof", "--format", "json"]])
    }
}
