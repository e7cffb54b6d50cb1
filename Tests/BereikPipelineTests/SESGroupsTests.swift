import Foundation
import Testing
import BereikData
@testable import BereikPipeline

/// Issue 11: SES groups that can be compared across areas. A country-wide SES file gives national
/// cut points; a partial file gives groups relative to the area, said in every output; explicit
/// cut points are accepted; an empty group is named.
@Suite struct SESGroupsTests {
    /// 300 gemeenten with one buurt each, scores 1…300 and equal residents: the midpoint of buurt i
    /// lies at (i − ½)/300, so the cut for Q2 is the first i with (i − ½)/300 ≥ 0.2, i = 61, and
    /// so on: 61, 121, 181, 241.
    @Test func nationalCutPointsByHand() {
        var scores: [RegionCode: Double] = [:]
        for i in 1...300 { scores[RegionCode(String(format: "BU%04d0001", i))!] = Double(i) }
        let table = SESTable(source: "t", scores: scores, suppressed: [], period: nil)
        #expect(SESGrouping.nationalCutPoints(scores: table, residents: { _ in 1000 }, groups: 5) == [61, 121, 181, 241])
        // 299 gemeenten are not the country; residents unknown for most buurten are not enough.
        #expect(SESGrouping.nationalCutPoints(scores: table, residents: { _ in 1000 }, groups: 5, minimumGemeenten: 301) == nil)
        #expect(SESGrouping.nationalCutPoints(scores: table, residents: { $0.raw < "BU0100" ? 1000 : nil }, groups: 5) == nil)
    }

    @Test func choicesParse() {
        #expect(SESGroupsChoice(text: "4") == .count(4))
        #expect(SESGroupsChoice(text: "-0.5,0,0.5") == .cutPoints([-0.5, 0, 0.5]))
        #expect(SESGroupsChoice(text: "0.5,0") == nil && SESGroupsChoice(text: "1") == nil && SESGroupsChoice(text: "a,b") == nil)
    }

    @Test func theExampleSaysItsGroupsAreRelativeAndCutPointsAreUsed() throws {
        let project = Repo.path("bereik.toml")
        let relative = try runBereik(english: ["compare", "--project", project, "--by", "ses"])
        #expect(relative.code == 0 && relative.out.contains("SES groups are relative to this area"), "\(relative.out)")
        let cuts = try runBereik(english: ["compare", "--project", project, "--by", "ses", "--ses-groups", "-0.6,-0.3,2", "--format", "json"])
        #expect(cuts.code == 0, "\(cuts.err)")
        let doc = try JSONSerialization.jsonObject(with: Data(cuts.out.utf8)) as! [String: Any]
        let ses = try #require((doc["dimensions"] as! [[String: Any]]).first { $0["dimension"] as? String == "ses" })
        let groups = try #require(ses["ses_groups"] as? [String: Any])
        #expect(groups["basis"] as? String == "cut_points" && (groups["cut_points"] as? [Double]) == [-0.6, -0.3, 2])
        // No buurt of the example scores 2 or more: Q4 is empty, and named.
        #expect((groups["empty"] as? [String]) == ["Q4"])
        let text = try runBereik(english: ["compare", "--project", project, "--by", "ses", "--ses-groups", "-0.6,-0.3,2"])
        #expect(text.out.contains("Empty SES group(s) in this area: Q4") && text.out.contains("given cut points: -0.60; -0.30; 2.00"), "\(text.out)")
    }
}
