import Testing
@testable import BereikStats

/// DetectableRatio against scipy 1.17.1: exact binomial power of the central test, rejection bounds
/// from `binom.cdf`/`binom.sf` and the share by `brentq` (Fixtures/make_detectable_references.py).
/// Agreement to 10⁻⁹ relative.
@Suite struct DetectableRatioTests {
    @Test func matchesScipyExactPower() throws {
        let cases = try Fixture.json("detectable_references.json") as! [[String: Any]]
        #expect(cases.count == 10)
        for c in cases {
            let n = c["participants"] as! Int, share = c["share"] as! Double
            let alpha = c["alpha"] as! Double, power = c["power"] as! Double
            let under = try DetectableRatio.under(participants: n, residentShare: share, alpha: alpha, power: power)
            let over = try DetectableRatio.over(participants: n, residentShare: share, alpha: alpha, power: power)
            #expect(close(under, c["under"] as? Double, rel: 1e-9), "n=\(n) π=\(share): under \(String(describing: under)) vs \(String(describing: c["under"]))")
            #expect(close(over, c["over"] as? Double, rel: 1e-9), "n=\(n) π=\(share): over \(String(describing: over)) vs \(String(describing: c["over"]))")
        }
    }

    @Test func perGroupAlphaFollowsTheAdjustment() {
        #expect(DetectableRatio.perGroupAlpha(0.05, groups: 5, adjustment: .holm) == 0.01)
        #expect(DetectableRatio.perGroupAlpha(0.05, groups: 5, adjustment: .none) == 0.05)
    }

    @Test func refusesWhatHasNoAnswer() {
        #expect(throws: StatsError.self) { try DetectableRatio.under(participants: 0, residentShare: 0.5, alpha: 0.05) }
        #expect(throws: StatsError.self) { try DetectableRatio.under(participants: 10, residentShare: 1, alpha: 0.05) }
    }
}
