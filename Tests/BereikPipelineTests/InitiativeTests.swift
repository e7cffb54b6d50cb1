import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport

/// Issue 14 (part 3, first step): an initiative column — two initiatives in one file, persons in
/// both counted once — and `heterogeneity --by initiative`, checked against a hand count of the
/// file's rows.
@Suite struct InitiativeTests {
    /// The example with an "initiatief" column: moving activities belong to "Bewegen Noord", the
    /// others to "Buurtkamer"; rows without an id or with a made-up buurt code are dropped, so a
    /// hand count of distinct ids is the person count.
    static let file: (path: String, lines: [[String]]) = {
        let lines = try! String(contentsOfFile: Repo.example, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let kept = lines.dropFirst().filter { !$0[0].isEmpty && !$0[3].hasPrefix("BU9999") }
        let rows = [lines[0] + ["initiatief"]] + kept.map { $0 + [["Wandelgroep", "Beweegles 65+"].contains($0[2]) ? "Bewegen Noord" : "Buurtkamer"] }
        return (try! Repo.write(rows.map { $0.joined(separator: ";") }.joined(separator: "\n"), "initiatieven.csv"), Array(kept))
    }()

    @Test func personsPerInitiativeAndOverlapEqualAHandCount() throws {
        var ids: [String: Set<String>] = [:]
        var gender: [String: String] = [:]
        for row in Self.file.lines {
            ids[["Wandelgroep", "Beweegles 65+"].contains(row[2]) ? "Bewegen Noord" : "Buurtkamer", default: []].insert(row[0])
            gender[row[0]] = ["M": "man", "V": "vrouw"][row[4]] ?? row[4]  // the file writes both M/V and man/vrouw
        }
        let both = ids["Bewegen Noord"]!.intersection(ids["Buurtkamer"]!).count
        let persons = ids.values.reduce(Set<String>()) { $0.union($1) }.count

        let inputs = try PreparedInputs(Repo.exampleRequest(Self.file.path))
        let p = inputs.attendance.participants
        #expect(p.count == persons && p.initiativeNames == ["Bewegen Noord", "Buurtkamer"])
        let r = try HeterogeneityPipeline.activities(Repo.exampleRequest(Self.file.path), inputs: inputs, membership: .initiative)
        #expect(r.membership == .initiative && r.personsByGroupCount == [persons - both, both], "\(r.personsByGroupCount), hand: \(persons - both), \(both)")
        let byGender = try #require(r.dimensions.first { $0.dimension == .gender })
        #expect(byGender.activities == ["Bewegen Noord", "Buurtkamer"])
        for (i, name) in byGender.activities.enumerated() {
            let men = ids[name]!.filter { gender[$0] == "man" }.count, women = ids[name]!.filter { gender[$0] == "vrouw" }.count
            #expect(byGender.table[i] == [men, women], "\(name): \(byGender.table[i]) vs hand \(men), \(women)")
        }
        #expect(byGender.independence != nil)
    }

    @Test func theCommandAndItsRefusal() throws {
        let run = try runBereik(["heterogeneity", "--by", "initiative", "--attendance", Self.file.path, "--population", Repo.amsterdam2019,
                                 "--area", Repo.exampleArea.joined(separator: ",")])
        #expect(run.code == 0 && run.out.contains("Samenstelling per initiatief") && run.out.contains("Bewegen Noord")
                && run.out.contains("Personen naar het aantal initiatieven"), "\(run.err)")
        let json = try runBereik(["heterogeneity", "--by", "initiative", "--attendance", Self.file.path, "--population", Repo.amsterdam2019,
                                  "--area", Repo.exampleArea.joined(separator: ","), "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(doc["by"] as? String == "initiative" && (doc["persons_by_group_count"] as? [Int])?.count == 2)
        let none = try runBereik(["heterogeneity", "--by", "initiative", "--project", Repo.path("bereik.toml")])
        #expect(none.code == 1 && none.err.contains("minstens twee nodig in een kolom 'initiatief'"), "\(none.err)")
    }

    /// A fresh-eyes test found that a small initiative's withheld count followed from the overlap
    /// (Σ k·persons in k initiatives = Σ of the initiatives' persons). With a third initiative of 3
    /// persons: the attacker on the ledger finds nothing, and neither does the reader's sum.
    @Test func aSmallInitiativeCannotBeRecoveredFromTheOverlap() throws {
        var lines = try String(contentsOfFile: Self.file.path, encoding: .utf8).split(separator: "\n").map(String.init)
        var small = Set<String>()
        for i in 1..<lines.count where small.count < 3 || small.contains(String(lines[i].split(separator: ";")[0])) {
            let id = String(lines[i].split(separator: ";")[0])
            if small.count < 3 || small.contains(id) { small.insert(id); lines[i] = lines[i].replacingOccurrences(of: ";Buurtkamer", with: ";Kleine Club").replacingOccurrences(of: ";Bewegen Noord", with: ";Kleine Club") }
        }
        let file = try Repo.write(lines.joined(separator: "\n"), "klein-initiatief.csv")
        let inputs = try PreparedInputs(Repo.exampleRequest(file))
        let r = try HeterogeneityPipeline.activities(Repo.exampleRequest(file), inputs: inputs, membership: .initiative)
        #expect(r.dimensions.first!.activities.contains("Kleine Club"))
        let (published, ledger) = Publisher.activitiesLedger(r, control: DisclosureControl(threshold: 5))
        #expect(ledger.derivableSensitiveCells().isEmpty && ledger.sensitiveRemainders().isEmpty)
        // The reader: memberships from the overlap, minus every shown initiative total.
        let counts = published.personsByGroupCount
        if counts.allSatisfy({ !$0.isWithheld }) {
            let memberships = counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element.value! }
            for d in published.dimensions {
                let totals = d.activities.map(\.comparison.participants)
                if totals.filter(\.isWithheld).count == 1 {
                    let rest = memberships - totals.compactMap(\.value).reduce(0, +)
                    #expect(!(1...4).contains(rest) || d.activities.count == 0, "\(d.dimension): withheld total recovered as \(rest)")
                }
            }
        }
    }
}
