import Testing
@testable import BereikStats

/// DimensionComparison against values computed independently with scipy 1.17.1 and statsmodels
/// 0.15.0 by `Fixtures/make_references.py`:
///
///     python3 Tests/BereikStatsTests/Fixtures/make_references.py > Tests/BereikStatsTests/Fixtures/stats_references.json
///
/// 22 cases with small, zero and large counts, one category without residents and one with more
/// participants than residents. X², G², p-values, binomial tests, Holm/BH, Wilson and
/// Clopper–Pearson intervals, D, w and the R-indicators to 1e-6 relative.
@Suite struct ComparisonReferenceTests {
    struct Case {
        let participants: [Int]
        let residents: [Int]
        let raw: [String: Any]
    }

    static func cases() throws -> [Case] {
        let root = try Fixture.json("stats_references.json") as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map {
            Case(participants: $0["participants"] as! [Int], residents: $0["residents"] as! [Int], raw: $0)
        }
    }

    static func categories(_ c: Case) -> [CategoryCount] {
        zip(c.participants, c.residents).enumerated().map {
            CategoryCount(key: "g\($0.offset)", participants: $0.element.0, residents: $0.element.1)
        }
    }

    @Test func atLeastTwentyCases() throws {
        #expect(try Self.cases().count >= 20)
    }

    @Test(arguments: try cases().indices)
    func matchesScipyAndStatsmodels(index: Int) throws {
        let c = try Self.cases()[index]
        let result = try DimensionComparison(categories: Self.categories(c))
        let fit = c.raw["fit"] as! [String: Any]
        let f = try #require(result.fit)
        #expect(close(f.chiSquared, fit["chi2"] as? Double))
        #expect(close(f.likelihoodRatio, fit["g2"] as? Double))
        #expect(close(f.pValue, fit["p"] as? Double))
        #expect(close(f.likelihoodRatioPValue, fit["p_g2"] as? Double))
        #expect(f.degreesOfFreedom == fit["df"] as! Int)
        #expect(close(f.smallestExpected, fit["min_expected"] as? Double))
        #expect((f.monteCarlo != nil) == ((fit["min_expected"] as! Double) < 5))
        #expect(close(result.dissimilarity, c.raw["dissimilarity"] as? Double))
        #expect(close(result.cohensW, c.raw["cohens_w"] as? Double))
        let r = try #require(result.rIndicator)
        #expect(close(r.r, c.raw["r_indicator"] as? Double, rel: 1e-6, abs: 1e-9))
        #expect(close(r.coefficientOfVariation, c.raw["cv"] as? Double, rel: 1e-6, abs: 1e-9), "CV")
        #expect(close(r.maximalBias, c.raw["max_bias"] as? Double, rel: 1e-6, abs: 1e-9), "maximal bias")
        #expect(close(r.variablePartial, c.raw["partial_r_variable"] as? Double, rel: 1e-6, abs: 1e-12))

        let groups = c.raw["groups"] as! [[String: Any]]
        let partials = c.raw["partial_r"] as! [Any]
        for (g, ref) in zip(result.groups, groups) {
            #expect(close(g.partialR, partials[result.groups.firstIndex(of: g)!] as? Double, rel: 1e-6, abs: 1e-12))
            if let w = ref["reach_wilson95"] as? [Double] {
                #expect(close(g.reach.interval?.lower, w[0]) && close(g.reach.interval?.upper, w[1]), "\(g.key)")
                let cp = ref["reach_cp95"] as! [Double]
                let ci = try Interval.clopperPearson(successes: g.participants, trials: g.residents)
                #expect(close(ci.lower, cp[0]) && close(ci.upper, cp[1]), "\(g.key)")
                let cp998 = ref["reach_cp998"] as! [Double]
                let ci998 = try Interval.clopperPearson(successes: g.participants, trials: g.residents,
                                                        confidence: ConfidenceLevel(0.998))
                #expect(close(ci998.lower, cp998[0]) && close(ci998.upper, cp998[1]), "\(g.key)")
                let w90 = ref["reach_wilson90"] as! [Double]
                let ci90 = try Interval.wilson(successes: g.participants, trials: g.residents,
                                               confidence: ConfidenceLevel(0.90))
                #expect(close(ci90.lower, w90[0]) && close(ci90.upper, w90[1]), "\(g.key)")
            } else {
                #expect(g.reach.interval == nil)
            }
            guard let p = ref["p"] as? Double else {
                #expect(g.pValue == nil && g.flag == .none)
                continue
            }
            #expect(close(g.pValue, p), "\(g.key) binomial p")
            #expect(close(g.pAdjusted, ref["holm"] as? Double), "\(g.key) Holm")
            let ratio = ref["ratio"] as! [Double]
            #expect(close(g.ratio?.estimate, ratio[0]) && close(g.ratio?.interval.lower, ratio[1])
                    && close(g.ratio?.interval.upper, ratio[2]), "\(g.key) ratio")
            #expect(g.flag.rawValue == ref["flag"] as! String, "\(g.key) flag")
            #expect(g.missing == ref["missing"] as? Int, "\(g.key) missing")
            #expect(g.extraNeeded == ref["extra_needed"] as? Int, "\(g.key) extra needed")
        }

        // Benjamini–Hochberg on the same raw p-values.
        let bh = try DimensionComparison(categories: Self.categories(c),
                                         settings: ComparisonSettings(adjustment: .benjaminiHochberg))
        for (g, ref) in zip(bh.groups, groups) where ref["bh"] != nil {
            #expect(close(g.pAdjusted, ref["bh"] as? Double), "\(g.key) BH")
        }
    }

    /// Monte Carlo p-values against the exact multinomial p-value from full enumeration
    /// (make_references.py `exact_multinomial_p`): within 4 Monte Carlo standard errors.
    @Test func monteCarloAgreesWithExactEnumeration() throws {
        var checked = 0
        for c in try Self.cases() {
            guard let exact = (c.raw["fit"] as! [String: Any])["exact_p"] as? Double else { continue }
            let result = try DimensionComparison(categories: Self.categories(c),
                                                 settings: ComparisonSettings(fit: .init(draws: 20_000, seed: 7)))
            let mc = try #require(result.fit?.monteCarlo)
            #expect(abs(mc.pValue - exact) <= 4 * mc.standardError + 1 / 20_001, "exact \(exact), MC \(mc.pValue)")
            checked += 1
        }
        #expect(checked >= 5)
    }

    /// scipy.stats.binomtest (same definition as R's binom.test), including large n and p at the mode.
    @Test func binomialTestMatchesScipy() throws {
        let root = try Fixture.json("stats_references.json") as! [String: Any]
        for item in root["binomial"] as! [[String: Any]] {
            let p = try BinomialTest.twoSidedPValue(successes: item["x"] as! Int, trials: item["n"] as! Int,
                                                    probability: item["p"] as! Double)
            #expect(close(p, item["pvalue"] as? Double, rel: 1e-7), "\(item)")
            let central = try BinomialTest.centralPValue(successes: item["x"] as! Int, trials: item["n"] as! Int,
                                                         probability: item["p"] as! Double)
            #expect(close(central, item["central"] as? Double, rel: 1e-9), "central \(item)")
        }
    }
}
