import Foundation
import Testing
import BereikTestSupport
import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport

/// Disclosure control as a property: on random small attendance files, no published number of any
/// command, format or language lets a reader derive a participant count from 1 to threshold − 1 —
/// not the count itself, not a total minus its shown parts, not a chain of such sums. Checked
/// twice: by solving the ledger's linear system (Gaussian elimination), and independently on the
/// rendered JSON and CSV, by re-adding the sums a reader can see there.
@Suite struct DisclosurePropertyTests {
    typealias Random = SplitMix64

    static let buurten = ["BU03637600", "BU03637601", "BU03637602", "BU03637603", "BU03637604", "BU03637605"]

    /// A random attendance file: few persons, skewed groups (so small cells are common), unknown
    /// values, rows outside the area, unknown buurten, missing ids and dates, several activities.
    static func attendance(_ random: inout Random) -> String {
        var text = "deelnemer;buurt;geslacht;leeftijd;herkomst;activiteit;datum;rol;initiatief\n"
        let persons = random.int(2...45)
        let genderWeights = random.chance(0.5) ? ["v", "v", "v", "v", "m", ""] : ["v", "m", "m", "x"]
        for p in 0..<persons {
            let id = random.chance(0.04) ? "" : "GEHEIM-\(p)"
            let buurt = random.chance(0.06) ? "BU03637700" : random.chance(0.04) ? "BU99999999" : random.pick(Array(buurten.prefix(random.int(1...6))))
            let gender = random.pick(genderWeights)
            let age = random.chance(0.1) ? "" : String(random.chance(0.7) ? random.int(25...70) : random.int(0...95))
            let origin = random.pick(["Nederland", "Nederland", "Marokko", "Turkije", "Duitsland", "", "Suriname"])
            for _ in 0..<random.int(1...3) {
                let activity = random.pick(["Koken", "Koken", "Taal", "Wandelen"])
                let date = random.chance(0.05) ? "" : String(format: "%02d-%02d-2019", random.int(1...28), random.int(1...12))
                let role = random.pick(["", "", "", "", "vrijwilliger", "kernteam", "stuurgroep", "gast"])
                // Initiatives overlap: a person mostly in one, now and then in another.
                let initiative = random.chance(0.8) ? ["Noord", "Zuid", "West"][p % 3] : random.pick(["Noord", "Zuid", "West", ""])
                text += "\(id);\(buurt);\(gender);\(age);\(origin);\(activity);\(date);\(role);\(initiative)\n"
            }
        }
        return text
    }

    static func request(_ path: String) -> AnalysisRequest {
        var r = Repo.exampleRequest(path, area: ["WK036376"])
        r.settings.fit.draws = 500
        return r
    }

    // MARK: the reader's view of the rendered JSON

    static let countKeys: Set<String> = ["participants", "persons", "persons_outside_area", "rows", "rows_used", "new", "returning",
                                         "retained", "cumulative", "participants_unknown", "participants_without_data", "undated_persons", "participants_a", "participants_b",
                                         "persons_unknown"]
    static let countMaps: Set<String> = ["excluded", "conflicts", "unknown", "unplaced", "left_out", "unrecognised_roles"]
    static let countLists: Set<String> = ["periods_attended", "persons_by_initiative_count", "persons_by_group_count"]

    /// Every published count in a JSON document.
    static func counts(_ value: Any, key: String? = nil, into out: inout [(String, Int)]) {
        if let object = value as? [String: Any] {
            for (k, v) in object {
                if countKeys.contains(k), let n = v as? Int { out.append((k, n)) }
                if countMaps.contains(k), let map = v as? [String: Any] { for (m, n) in map { if let n = n as? Int { out.append(("\(k).\(m)", n)) } } }
                if countLists.contains(k), let list = v as? [Any] { for n in list { if let n = n as? Int { out.append((k, n)) } } }
                counts(v, key: k, into: &out)
            }
        } else if let array = value as? [Any] {
            for v in array { counts(v, key: key, into: &out) }
        }
    }

    /// A sum a reader can see: total = Σ parts, each shown (Int) or withheld (nil). Returns a
    /// problem when a withheld value, or the withheld parts together, follow and are sensitive.
    static func attack(total: Int?, parts: [Int?], control: DisclosureControl, _ what: String) -> String? {
        let unknown = parts.filter { $0 == nil }.count
        let shown = parts.compactMap { $0 }.reduce(0, +)
        if let total {
            if unknown >= 1, control.isSensitive(total - shown) { return "\(what): withheld parts add up to \(total - shown)" }
        } else if unknown == 0, control.isSensitive(shown) {
            return "\(what): withheld total is \(shown)"
        }
        return nil
    }

    static func int(_ v: Any?) -> Int? { v as? Int }

    /// Re-adds every sum visible in a published JSON document.
    static func attacks(_ root: [String: Any], control: DisclosureControl) -> [String] {
        var problems: [String?] = []
        let input = root["input"] as? [String: Any] ?? [:]
        let excluded = (input["excluded"] as? [String: Any] ?? [:]).values.map { $0 as? Int }
        problems.append(attack(total: int(input["rows"]), parts: [int(input["rows_used"])] + excluded, control: control, "rows"))
        let persons = int(input["persons"])
        for d in root["dimensions"] as? [[String: Any]] ?? [] {
            let groups = (d["groups"] as? [[String: Any]] ?? []).map { int($0["participants"]) }
            if d["participants_unknown"] != nil {
                problems.append(attack(total: persons, parts: [int(d["participants"]), int(d["participants_unknown"]), int(d["participants_without_data"])],
                                       control: control, "persons of \(d["dimension"] ?? "")"))
            }
            if !groups.isEmpty { problems.append(attack(total: int(d["participants"]), parts: groups, control: control, "groups of \(d["dimension"] ?? "")")) }
            for a in d["activities"] as? [[String: Any]] ?? [] {
                let cells = (a["groups"] as? [[String: Any]] ?? []).map { int($0["participants"]) }
                problems.append(attack(total: int(a["participants"]), parts: cells, control: control, "activity"))
            }
        }
        // Role levels and initiatives: a part's persons = its dimension's known + unknown + set apart;
        // its groups add up to the known; a level's count less the next level's is those exactly at it.
        let parts = (root["roles"] ?? root["initiatives"]) as? [[String: Any]] ?? []
        for (i, part) in parts.enumerated() {
            for d in part["dimensions"] as? [[String: Any]] ?? [] {
                let groups = (d["groups"] as? [[String: Any]] ?? []).map { int($0["participants"]) }
                problems.append(attack(total: int(part["persons"]), parts: [int(d["participants"]), int(d["participants_unknown"]), int(d["participants_without_data"])],
                                       control: control, "part \(i) persons of \(d["dimension"] ?? "")"))
                problems.append(attack(total: int(d["participants"]), parts: groups, control: control, "part \(i) groups of \(d["dimension"] ?? "")"))
            }
        }
        if root["roles"] != nil {
            for (lower, upper) in zip(parts, parts.dropFirst()) {
                problems.append(attack(total: int(lower["persons"]), parts: [int(upper["persons"]), nil], control: control, "persons exactly at \(lower["role"] ?? "")"))
                let a = lower["dimensions"] as? [[String: Any]] ?? [], b = upper["dimensions"] as? [[String: Any]] ?? []
                for (da, db) in zip(a, b) {
                    let ga = (da["groups"] as? [[String: Any]] ?? []).map { int($0["participants"]) }
                    let gb = (db["groups"] as? [[String: Any]] ?? []).map { int($0["participants"]) }
                    for (x, y) in zip(ga, gb) { problems.append(attack(total: x, parts: [y, nil], control: control, "a group exactly at \(lower["role"] ?? "")")) }
                }
            }
        }
        if let groups = root["groups"] as? [[String: Any]], root["schema"] as? String == "bereik.gradient/1" {
            problems.append(attack(total: persons, parts: groups.map { int($0["participants"]) } + [nil], control: control, "ses groups"))
        }
        let periods = root["periods"] as? [[String: Any]] ?? []
        var previous: Int?? = .some(0)
        for p in periods {
            problems.append(attack(total: int(p["participants"]), parts: [int(p["new"]), int(p["returning"])], control: control, "period"))
            if let prev = previous {
                problems.append(attack(total: int(p["cumulative"]), parts: [prev, int(p["new"])], control: control, "cumulative"))
            }
            previous = .some(int(p["cumulative"]))
        }
        if let attended = root["periods_attended"] as? [Any] {
            problems.append(attack(total: persons, parts: attended.map { $0 as? Int } + [int(root["undated_persons"])], control: control, "attended"))
        }
        return problems.compactMap { $0 }
    }

    /// Statistics of a table with a withheld cell must be withheld too.
    static func statisticsOfWithheldTables(_ root: [String: Any]) -> [String] {
        var out: [String] = []
        for d in root["dimensions"] as? [[String: Any]] ?? [] {
            let withheld = (d["groups"] as? [[String: Any]] ?? []).contains { $0["participants"] is NSNull }
            if withheld, let test = d["test"] as? [String: Any], test["chi2"] != nil { out.append("exact test beside a withheld cell") }
            if withheld, d["dissimilarity"] is Double { out.append("D beside a withheld cell") }
            let activityWithheld = (d["activities"] as? [[String: Any]] ?? []).contains { a in
                (a["groups"] as? [[String: Any]] ?? []).contains { $0["participants"] is NSNull }
            }
            if activityWithheld, let ind = d["independence"] as? [String: Any], ind["chi2"] != nil { out.append("activity X² beside a withheld cell") }
        }
        if let units = root["units"] as? [[String: Any]], units.contains(where: { $0["participants"] is NSNull }),
           let h = root["homogeneity"] as? [String: Any], h["q"] != nil {
            out.append("Q beside a withheld unit")
        }
        return out
    }

    /// CSV count columns hold a shown count (0 or ≥ threshold), the withheld label, or nothing.
    static func csvProblems(_ text: String, language: Language, control: DisclosureControl) -> [String] {
        let sep = Character(language.csvSeparator)
        let lines = text.split(separator: "\r\n").map { $0.split(separator: sep, omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return ["empty CSV"] }
        let countColumns = header.indices.filter { countKeys.contains(header[$0]) }
        var out: [String] = []
        for row in lines.dropFirst() where row.count == header.count {
            for c in countColumns {
                let cell = row[c]
                if cell.isEmpty || cell == control.label { continue }
                guard let n = Int(cell) else { out.append("\(header[c]) = \(cell)"); continue }
                if control.isSensitive(n) { out.append("\(header[c]) = \(n)") }
            }
        }
        return out
    }

    @Test(arguments: 0..<60)
    func noPublishedNumberRevealsASmallCount(seed: Int) throws {
        var random = Random(state: UInt64(seed) &* 7919 &+ 17)
        let control = DisclosureControl(threshold: random.pick([3, 5, 5, 10]))
        let path = Repo.temporary("disclosure-\(seed).csv")
        try Self.attendance(&random).write(toFile: path, atomically: true, encoding: .utf8)
        let request = Self.request(path)
        let report: ReportResult
        // With two periods (each half-year) when both have visits, so the report's period section is attacked too.
        var withPeriods = request
        withPeriods.periodA = Period(from: CivilDate(year: 2019, month: 1, day: 1)!, to: CivilDate(year: 2019, month: 6, day: 30)!)
        withPeriods.periodB = Period(from: CivilDate(year: 2019, month: 7, day: 1)!, to: CivilDate(year: 2019, month: 12, day: 31)!)
        if let r = try? ReportPipeline.run(withPeriods, repetitions: 1000, title: "T") { report = r }
        else { do { report = try ReportPipeline.run(request, repetitions: 1000, title: "T") } catch { return } }  // e.g. no usable row

        // 1. The attacker on the report's ledger (every section in one system of sums).
        let (published, ledger) = Publisher.ledger(report, control: control)
        #expect(ledger.derivableSensitiveCells().isEmpty, "seed \(seed): derivable \(ledger.derivableSensitiveCells().map { ledger.values[$0] })")
        #expect(ledger.sensitiveRemainders().isEmpty, "seed \(seed)")
        #expect(Publisher.ledger(report.compare, control: control).derivableSensitiveCells().isEmpty)
        // Crossings beside their plain dimensions, and the model.
        var crossingRequest = request
        crossingRequest.dimensions = [.gender, .origin, .ses]
        crossingRequest.crossings = [Crossing(person: .gender, place: .ses), Crossing(person: .origin, place: .buurt)]
        let crossed = try ComparePipeline.run(crossingRequest)
        let crossedLedger = Publisher.ledger(crossed, control: control)
        #expect(crossedLedger.derivableSensitiveCells().isEmpty && crossedLedger.sensitiveRemainders().isEmpty,
                "seed \(seed): crossing derivable \(crossedLedger.derivableSensitiveCells().map { crossedLedger.values[$0] })")
        let model = try? ModelPipeline.run(request, question: ModelQuestion(by: .origin, adjustForSES: true))
        // Two periods (each its own table; persons may be in both).
        let halves = try? PeriodChangePipeline.run(request, a: Period(from: CivilDate(year: 2019, month: 1, day: 1)!, to: CivilDate(year: 2019, month: 6, day: 30)!),
                                                   b: Period(from: CivilDate(year: 2019, month: 7, day: 1)!, to: CivilDate(year: 2019, month: 12, day: 31)!))
        if let halves {
            let l = Publisher.ledger(halves, control: control)
            #expect(l.derivableSensitiveCells().isEmpty && l.sensitiveRemainders().isEmpty, "seed \(seed): periods")
        }
        // Initiatives side by side (overlapping persons; the whole as compare).
        let initiatives = try? InitiativePipeline.run(request)
        if let initiatives {
            let l = Publisher.ledgerOfInitiatives(initiatives, control: control)
            #expect(l.derivableSensitiveCells().isEmpty && l.sensitiveRemainders().isEmpty,
                    "seed \(seed): initiatives derivable \(l.derivableSensitiveCells().map { l.values[$0] })")
        }

        // 2. Every command, format and language, read back as a reader would.
        let documents: [any Renderable] = [
            Publisher.publish(report.compare, control: control), Publisher.publish(report.buurten, control: control),
            Publisher.publish(try TrendPipeline.run(request, period: .month, inputs: try PreparedInputs({ var r = request; r.collectMonths = true; return r }())), control: control),
            Publisher.publish(crossed, control: control),
        ] + (model.map { [Publisher.publish($0, control: control)] } ?? [])
          + (initiatives.map { [Publisher.publish($0, control: control)] } ?? [])
          + (halves.map { [Publisher.publish($0, control: control)] } ?? [])
          + (report.roles.map { [Publisher.publish($0, control: control)] } ?? []) + (report.activities.map { [Publisher.publish($0, control: control)] } ?? [])
          + (report.gradient.map { [Publisher.publish($0, control: control)] } ?? [])
          + (report.trend.map { [Publisher.publish($0, control: control)] } ?? [])
        var texts: [String] = []
        for document in documents {
            for language in Language.allCases {
                for format in OutputFormat.allCases {
                    let text = document.render(format, language: language, version: "t")
                    texts.append(text)
                    if format == .csv {
                        let problems = Self.csvProblems(text, language: language, control: control)
                        #expect(problems.isEmpty, "seed \(seed): \(problems)")
                    }
                }
            }
            let json = document.render(.json, language: .nl, version: "t")
            let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            var counts: [(String, Int)] = []
            Self.counts(root, into: &counts)
            let small = counts.filter { control.isSensitive($0.1) }
            #expect(small.isEmpty, "seed \(seed) \(root["schema"] ?? ""): \(small)")
            let problems = Self.attacks(root, control: control) + Self.statisticsOfWithheldTables(root)
            #expect(problems.isEmpty, "seed \(seed) \(root["schema"] ?? ""): \(problems)")
        }
        for language in Language.allCases {
            texts.append(ReportHTML.render(published, language: language, version: "t"))
            texts.append(ReportMarkdown.render(published, language: language, version: "t"))
        }
        for text in texts { #expect(!text.contains("GEHEIM"), "seed \(seed): a person id leaked") }
    }

    @Test func theAttackerFindsWhatPrimarySuppressionAloneLeaves() {
        // 3 + 40 = 43 with only the 3 withheld: 43 − 40 gives it away. The attacker must see that,
        // and the solver must withhold a second cell.
        var ledger = DisclosureLedger()
        let a = ledger.cell(3), b = ledger.cell(40)
        _ = ledger.sum([a, b])
        ledger.solve(DisclosureControl(threshold: 5))
        #expect(!ledger.isShown(a) && !ledger.isShown(b))
        #expect(ledger.derivableSensitiveCells().isEmpty)
        // A chain: rows = used + excluded, excluded split by two reasons of 2 and 30.
        var chain = DisclosureLedger()
        let used = chain.cell(100), r1 = chain.cell(2), r2 = chain.cell(30)
        _ = chain.sum([used, r1, r2])
        chain.solve(DisclosureControl(threshold: 5))
        #expect(!chain.isShown(r1) && !chain.isShown(r2) && chain.isShown(used))
        // An unpublished cell that a sum gives away counts too.
        var manual = DisclosureLedger()
        let m1 = manual.cell(3, published: false), m2 = manual.cell(40)
        _ = manual.sum([m1, m2])
        manual.solve(nil)
        #expect(manual.count(m1) == .withheld && manual.count(m2) == .shown(40))
        var attackerSees = manual
        attackerSees.solve(DisclosureControl(threshold: 5))
        // 43 shown, 40 shown, the 3 unpublished but derivable: the solver withholds the 40 too.
        #expect(attackerSees.count(m2) == .withheld)
    }

    @Test func twoWithheldCellsOfOnePartitionStayUndetermined() {
        var ledger = DisclosureLedger()
        let cells = [2, 3, 50].map { ledger.cell($0) }
        _ = ledger.sum(cells)
        ledger.solve(DisclosureControl(threshold: 5))
        // 2 and 3 withheld, their sum 5 is not sensitive: nothing more needs to go.
        #expect(ledger.count(cells[2]) == .shown(50) && ledger.derivableSensitiveCells().isEmpty)
        var tight = DisclosureLedger()
        let t = [1, 2, 50].map { tight.cell($0) }
        _ = tight.sum(t)
        tight.solve(DisclosureControl(threshold: 5))
        // 1 + 2 = 3 would be a derivable count of the two groups together: the 50 goes too.
        #expect(tight.count(t[2]) == .withheld && tight.sensitiveRemainders().isEmpty)
    }
}
