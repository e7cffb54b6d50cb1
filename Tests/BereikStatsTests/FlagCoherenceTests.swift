import Testing
@testable import BereikStats

/// Issue 11, item 5: a flag and the ratio interval beside it never contradict each other, on
/// random tables (small and large counts, zero groups, a category without residents), for every
/// adjustment and several confidence levels. Without adjustment the flag shows exactly when the
/// interval excludes 1; with Holm/BH a flag always sits beside an interval that excludes 1 on its
/// side. Half the tables carry random design effects (`--cluster buurt`).
@Suite struct FlagCoherenceTests {
    @Test func flagsAgreeWithTheIntervalBesideThem() throws {
        var rng = SplitMix64(state: 1185)
        var flagged = 0, excludedUnflagged = 0
        for round in 0..<2000 {
            let k = Int.random(in: 2...6, using: &rng)
            let scale = [10, 100, 5000][round % 3]
            let categories = (0..<k).map { i in
                CategoryCount(key: "c\(i)", participants: Int.random(in: 0...scale, using: &rng),
                              residents: i == 0 && round % 7 == 0 ? 0 : Int.random(in: 1...20_000, using: &rng))
            }
            let confidence = try ConfidenceLevel([0.80, 0.90, 0.95, 0.99][round % 4])
            // Every other round with random design effects (compare --cluster buurt): the same scheme.
            let deff: [Double]? = round % 2 == 0 ? nil : categories.map { _ in Double.random(in: 1...6, using: &rng) }
            for adjustment in PValueAdjustment.allCases {
                let result = try DimensionComparison(categories: categories,
                                                     settings: ComparisonSettings(confidence: confidence, adjustment: adjustment,
                                                                                  fit: .init(draws: 100)),
                                                     designEffects: deff)
                for g in result.groups {
                    guard let r = g.ratio?.interval else {
                        #expect(g.flag == .none, "a flag without an interval: \(categories)")
                        continue
                    }
                    switch g.flag {
                    case .under: #expect(r.upper < 1, "under beside \(r): \(categories)"); flagged += 1
                    case .over: #expect(r.lower > 1, "over beside \(r): \(categories)"); flagged += 1
                    case .none:
                        if adjustment == .none {
                            #expect(r.lower <= 1 && r.upper >= 1, "no flag beside \(r) with p = \(g.pValue ?? -1): \(categories)")
                        } else if r.lower > 1 || r.upper < 1 {
                            excludedUnflagged += 1
                        }
                    }
                }
            }
        }
        // The test covered both kinds of group.
        #expect(flagged > 1000 && excludedUnflagged > 0)
    }

    /// The issue's case: 3 of 10 at π = 0.1. The Wilson interval (1.08–6.03) excluded 1 beside an
    /// exact p of 0.070; now interval and p come from one test. scipy 1.17.1:
    /// binomtest(3, 10, 0.1).proportion_ci("exact") / 0.1 = 0.6673951…6.5245285;
    /// 2·binom.sf(2, 10, 0.1) = 0.1403817.
    @Test func theIssuesCase() throws {
        let result = try DimensionComparison(categories: [CategoryCount(key: "a", participants: 3, residents: 100),
                                                          CategoryCount(key: "b", participants: 7, residents: 900)],
                                             settings: ComparisonSettings(adjustment: .none))
        let a = result.groups[0]
        let r = try #require(a.ratio?.interval)
        #expect(abs(r.lower - 0.6673951) < 1e-6 && abs(r.upper - 6.5245285) < 1e-6, "\(r)")
        #expect(abs((a.pValue ?? 0) - 0.1403816528) < 1e-9 && a.flag == .none)
    }
}
