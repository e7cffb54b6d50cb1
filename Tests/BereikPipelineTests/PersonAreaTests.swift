import Foundation
import Testing
import BereikData
@testable import BereikPipeline

/// Issue 11, item 2: where a person lives is resolved from all their rows ("most frequent, then
/// latest") before the area selects persons, so `--area` cannot move a person between buurten.
@Suite struct PersonAreaTests {
    static func request(area: [String]) throws -> AnalysisRequest {
        let pop = Repo.temporary("person-area-pop.csv"), att = Repo.temporary("person-area-att.csv")
        try """
        code;inwoners;mannen;vrouwen
        GM0997;3000;1500;1500
        WK099701;3000;1500;1500
        BU09970101;1000;500;500
        BU09970102;2000;1000;1000
        """.write(toFile: pop, atomically: true, encoding: .utf8)
        // a: twice in 02, once in 01 → lives in 02. b: twice in 01, once in 02 → lives in 01.
        // c: only in 01. d: only in 02.
        try """
        id;buurt;datum
        a;BU09970101;2024-01-05
        a;BU09970102;2024-02-05
        a;BU09970102;2024-03-05
        b;BU09970101;2024-01-05
        b;BU09970101;2024-02-05
        b;BU09970102;2024-03-05
        c;BU09970101;2024-01-05
        d;BU09970102;2024-01-05
        """.write(toFile: att, atomically: true, encoding: .utf8)
        var r = AnalysisRequest(attendance: att, referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
        r.population = pop
        r.area = area
        return r
    }

    @Test func aPersonLivesInTheSameBuurtWhateverTheArea() throws {
        let whole = try HeterogeneityPipeline.run(try Self.request(area: ["GM0997"]), by: .buurt)
        #expect(whole.units.map(\.unit) == ["BU09970101", "BU09970102"])
        #expect(whole.units.map(\.participants) == [2, 2])  // b, c in 01; a, d in 02
        #expect(whole.reconciliation.rowsUsed == 8 && whole.reconciliation.persons == 4)

        let one = try HeterogeneityPipeline.run(try Self.request(area: ["BU09970101"]), by: .buurt)
        // Before the fix a was counted in 01 through its one row there.
        #expect(one.units.map(\.participants) == [2])
        let r = one.reconciliation
        #expect(r.persons == 2 && r.personsOutsideArea == 2)
        // b's row in 02 is b's visit and is used; a's and d's four rows are left out.
        #expect(r.rowsUsed == 4 && r.excluded[.outsideArea] == 4)
        #expect(r.rows == r.rowsUsed + r.excluded.values.reduce(0, +))

        let other = try HeterogeneityPipeline.run(try Self.request(area: ["BU09970102"]), by: .buurt)
        #expect(other.units.map(\.participants) == [2])
        #expect(other.reconciliation.rowsUsed == 4 && other.reconciliation.excluded[.outsideArea] == 4)
    }

    @Test func validateSaysWhoLivesOutside() throws {
        let r = try Self.request(area: ["BU09970101"])
        let out = try runBereik(["validate", "--attendance", r.attendance, "--population", r.population!, "--area", "BU09970101"])
        #expect(out.code == 0)
        #expect(out.out.contains("4 rijen van 2 personen die buiten het gebied wonen"), "\(out.out)")
    }
}
