import Foundation
import Testing

/// `compare --cluster buurt`: design-effect ratios and tests, the Rao–Scott line; refused with
/// disclosure control (design effects come from counts per buurt, outside the disclosure ledger).
@Suite struct ClusterOptionTests {
    @Test func clusteringWidensAndIsSaid() throws {
        let project = Repo.path("bereik.toml")
        let plain = try runBereik(english: ["compare", "--project", project, "--by", "origin", "--format", "json"])
        let clustered = try runBereik(english: ["compare", "--project", project, "--by", "origin", "--format", "json", "--cluster", "buurt"])
        #expect(plain.code == 0 && clustered.code == 0, "\(clustered.err)")
        func western(_ text: String) throws -> [String: Any] {
            let doc = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            let groups = (doc["dimensions"] as! [[String: Any]])[0]["groups"] as! [[String: Any]]
            return groups.first { $0["group"] as? String == "westers" }!
        }
        let a = try western(plain.out), b = try western(clustered.out)
        let ra = a["ratio"] as! [String: Any], rb = b["ratio"] as! [String: Any]
        #expect((rb["lower"] as! Double) < (ra["lower"] as! Double) && (rb["method"] as? String) == "clopper-pearson-design-effect")
        #expect((b["design_effect"] as! Double) > 1 && a["design_effect"] is NSNull)
        let text = try runBereik(english: ["compare", "--project", project, "--by", "origin", "--cluster", "buurt"])
        #expect(text.out.contains("With clustering in buurten (Rao–Scott)"))
        let refused = try runBereik(english: ["compare", "--project", project, "--cluster", "buurt", "--disclosure-safe"])
        #expect(refused.code != 0 && refused.err.contains("--cluster buurt cannot be combined with --disclosure-safe"), "\(refused.err)")
    }
}
