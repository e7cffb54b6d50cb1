import Testing
@testable import BereikStats

/// Defined, documented results at the edges (module README, "Edge cases").
@Suite struct EdgeCaseTests {
    @Test func zeroCountGivesZeroLowerLimitAndUnderFlag() throws {
        let r = try DimensionComparison(categories: [.init(key: "man", participants: 0, residents: 5000),
                                                     .init(key: "vrouw", participants: 40, residents: 5000)])
        let man = r.groups[0]
        #expect(man.reach.estimate == 0 && man.reach.interval?.lower == 0)
        #expect(man.flag == .under && man.missing == 20)
        #expect(r.dissimilarity == 0.5)
    }

    @Test func categoryWithoutResidentsIsLeftOutOfTestsAndNamed() throws {
        let r = try DimensionComparison(categories: [.init(key: "a", participants: 3, residents: 0),
                                                     .init(key: "b", participants: 10, residents: 100),
                                                     .init(key: "c", participants: 10, residents: 100)])
        #expect(r.groups[0].reach.estimate == nil && r.groups[0].pValue == nil && r.groups[0].ratio == nil)
        #expect(r.fit?.degreesOfFreedom == 1)
        #expect(r.notes.contains(.noResidents(["a"], participants: 3)))
        // Issue 11, item 6: a's 3 participants are in no statistic — shares, ratios and D use the
        // 20 of b and c, the same n as the tests.
        #expect(r.groups[0].participantShare == nil && r.groups[1].participantShare == 0.5)
        #expect(r.groups[1].ratio?.estimate == 1 && r.dissimilarity == 0)
    }

    @Test func singleCategoryHasNoTest() throws {
        let r = try DimensionComparison(categories: [.init(key: "vrouw", participants: 12, residents: 400)])
        #expect(r.fit == nil && r.groups[0].pValue == nil && r.groups[0].flag == .none)
        #expect(r.notes.contains(.singleCategory))
        #expect(r.groups[0].participantShare == 1 && r.groups[0].ratio?.estimate == 1)
    }

    @Test func everyoneInOneCategory() throws {
        let r = try DimensionComparison(categories: [.init(key: "man", participants: 0, residents: 500),
                                                     .init(key: "vrouw", participants: 30, residents: 500)])
        #expect(r.groups[1].flag == .over && r.groups[0].flag == .under)
        #expect(r.groups[0].missing == 15)
        #expect(abs(r.fit!.chiSquared - 30) < 1e-12)  // (0−15)²/15 + (30−15)²/15
    }

    @Test func noParticipantsGivesNoSharesNoTests() throws {
        let r = try DimensionComparison(categories: [.init(key: "man", participants: 0, residents: 500),
                                                     .init(key: "vrouw", participants: 0, residents: 500)])
        #expect(r.fit == nil && r.dissimilarity == nil && r.cohensW == nil)
        #expect(r.groups.allSatisfy { $0.participantShare == nil && $0.pValue == nil && $0.reach.estimate == 0 })
        #expect(r.notes.contains(.noParticipants))
        #expect(r.rIndicator?.r == 1)
    }

    @Test func moreParticipantsThanRoundedResidentsWarnsWithoutInterval() throws {
        let reach = try ReachRate(participants: 7, residents: 5)
        #expect(reach.estimate == 1.4 && reach.interval == nil && reach.exceedsResidents)
    }

    @Test func invalidArgumentsThrow() throws {
        #expect(throws: StatsError.self) { try ConfidenceLevel(1.2) }
        #expect(throws: StatsError.self) { try Interval.wilson(successes: 5, trials: 3) }
        #expect(throws: StatsError.self) { try ReachRate(participants: -1, residents: 3) }
        #expect(throws: StatsError.self) { try BinomialTest.twoSidedPValue(successes: 1, trials: 2, probability: 1.5) }
    }

    /// GSL's handler is off: a domain error comes back as a Swift error naming the call.
    @Test func gslDomainErrorBecomesSwiftError() throws {
        do {
            _ = try GSL.chiSquaredQuantile(0.5, -3)
            Issue.record("expected a GSL error")
        } catch let StatsError.gsl(function, _, _) {
            #expect(function.contains("gsl_cdf_chisq_Pinv"))
        }
        do {
            _ = try GSL.betaQuantile(2, 1, 1)
            Issue.record("expected a GSL error")
        } catch let StatsError.gsl(function, _, _) {
            #expect(function.contains("gsl_cdf_beta_Pinv"))
        }
    }
}

/// Where GSL 2.7's `gsl_cdf_beta_Pinv` does not converge, the bisection fallback must still match
/// scipy.stats.beta.ppf (values from `python3 -c "from scipy.stats import beta; print(beta.ppf(0.999, 411, 29590))"` etc.).
@Suite struct BetaQuantileFallbackTests {
    @Test(arguments: [(0.999, 411.0, 29590.0, 0.015865959531908374),
                      (0.025, 60.0, 12941689.0, 3.537879452160024e-06),
                      (0.005, 2023.0, 2268.0, 0.45185428026428004)])
    func matchesScipy(p: Double, a: Double, b: Double, expected: Double) throws {
        #expect(close(try GSL.betaQuantile(p, a, b), expected, rel: 1e-9))
    }
}
