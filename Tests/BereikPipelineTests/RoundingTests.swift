import Foundation
import Testing
import BereikData
import BereikStats
@testable import BereikPipeline
@testable import BereikReport

/// Issue 11: CBS rounds buurt and wijk counts to 5, so a small group's reach is uncertain from
/// rounding alone; the output says so, with the interval x/(N ± 2r) (r rounded rows summed).
@Suite struct RoundingTests {
    @Test func theIntervalRoundingAllows() {
        let r = ReachRounding(participants: 6, residents: 40, roundedRows: 3)
        #expect(r?.lower == 6.0 / 46 && r?.upper == 6.0 / 34 && r?.exceedsRounding == false)
        #expect(ReachRounding(participants: 60, residents: 40, roundedRows: 1)?.exceedsRounding == true)
        #expect(ReachRounding(participants: 3, residents: 4, roundedRows: 2)?.upper == nil)  // N − 2r ≤ 0
        #expect(ReachRounding(participants: 3, residents: 40, roundedRows: 0) == nil)          // exact (a gemeente row)
        #expect(ReachRounding(participants: 3, residents: 100, roundedRows: 1) == nil)         // not small
    }

    @Test func aSmallGroupIsSaidToBeSmallAndRounded() throws {
        let pop = Repo.temporary("rounding-pop.csv"), att = Repo.temporary("rounding-att.csv")
        try "code;inwoners;mannen;vrouwen\nGM0997;1000;20;980\nWK099701;1000;20;980\nBU09970101;1000;20;980\n"
            .write(toFile: pop, atomically: true, encoding: .utf8)
        try "id;buurt;geslacht\na;BU09970101;m\nb;BU09970101;m\nc;BU09970101;m\nd;BU09970101;v\n".write(toFile: att, atomically: true, encoding: .utf8)
        let en = try runBereik(english: ["compare", "--attendance", att, "--population", pop, "--area", "BU09970101"])
        #expect(en.code == 0 && en.out.contains("rounding alone puts the reach between (per 1,000): men (20): 136.4–166.7"), "\(en.out)")
        let json = try runBereik(["compare", "--attendance", att, "--population", pop, "--area", "BU09970101", "--format", "json"])
        #expect(json.out.contains("\"reach_rounding\": {"))
        // The whole gemeente's own row is exact: nothing to say.
        let exact = try runBereik(english: ["compare", "--attendance", att, "--population", pop, "--area", "GM0997"])
        #expect(exact.code == 0 && !exact.out.contains("Rounding:"), "\(exact.out)")
    }
}
