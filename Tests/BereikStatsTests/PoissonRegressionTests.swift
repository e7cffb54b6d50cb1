import Foundation
import Testing
@testable import BereikStats

/// PoissonRegression against R 4.2: `glm(family = poisson)` coefficients, standard errors and
/// deviance, `quasipoisson` dispersion, standard errors and t p-values, `sandwich::vcovCL(cluster =
/// ~buurt)` and `anova(reduced, full, test = "Chisq" / "F")`, on four made-up cases of buurt ×
/// category cells (Fixtures/make_poisson_references.R). Tolerance 1e-6 relative.
@Suite struct PoissonRegressionTests {
    struct Case {
        var buurt: [Int] = [], cat: [Int] = [], ses: [Double] = [], sesgroup: [Int] = [], n: [Int] = [], y: [Int] = []
        var reference: [String: [String: [String: Double]]] = [:]  // model → term → what → value
    }

    static let cases: [Int: Case] = {
        var cases: [Int: Case] = [:]
        for row in try! Fixture.csvRows("poisson_references.csv") {
            let k = Int(row["case"]!)!, model = row["model"]!, term = row["term"]!, what = row["what"]!, value = Double(row["value"]!)!
            var c = cases[k, default: Case()]
            if model == "data" {
                let i = Int(term)! - 1
                switch what {
                case "buurt": c.buurt.append(Int(value))
                case "cat": c.cat.append(Int(value))
                case "ses": c.ses.append(value)
                case "sesgroup": c.sesgroup.append(Int(value))
                case "N": c.n.append(Int(value))
                default: c.y.append(Int(value))
                }
                precondition(c.buurt.count >= i)
            } else {
                c.reference[model, default: [:]][term, default: [:]][what] = value
            }
            cases[k] = c
        }
        return cases
    }()

    /// The design of an R formula, with R's column names (treatment contrasts, first level the reference).
    static func design(_ c: Case, _ model: String) -> (x: [Double], names: [String]) {
        let cats = c.cat.max()!, groups = c.sesgroup.max()!
        var names = ["(Intercept)"]
        let useCat = model != "sesonly", useScore = model == "score" || model == "sesonly", useGroups = model == "groups" || model == "interaction"
        if useCat { names += (2...cats).map { "cat\($0)" } }
        if useScore { names.append("ses") }
        if useGroups { names += (2...groups).map { "sesgroup\($0)" } }
        if model == "interaction" { for g in 2...groups { for k in 2...cats { names.append("cat\(k):sesgroup\(g)") } } }
        var x: [Double] = []
        for i in c.y.indices {
            x.append(1)
            if useCat { for k in 2...cats { x.append(c.cat[i] == k ? 1 : 0) } }
            if useScore { x.append(c.ses[i]) }
            if useGroups { for g in 2...groups { x.append(c.sesgroup[i] == g ? 1 : 0) } }
            if model == "interaction" { for g in 2...groups { for k in 2...cats { x.append(c.sesgroup[i] == g && c.cat[i] == k ? 1 : 0) } } }
        }
        return (x, names)
    }

    static func fit(_ c: Case, _ model: String) throws -> (PoissonRegression, [String]) {
        let (x, names) = design(c, model)
        return (try PoissonRegression(counts: c.y, design: x, columns: names.count, offset: c.n.map { log(Double($0)) }), names)
    }

    static func close(_ a: Double, _ b: Double, rel: Double = 1e-6) -> Bool { abs(a - b) <= rel * max(abs(b), 1e-300) }

    @Test(arguments: [1, 2, 3, 4], ["score", "groups", "catonly", "sesonly", "interaction"])
    func matchesRGlm(_ k: Int, _ model: String) throws {
        let c = try #require(Self.cases[k]), ref = try #require(c.reference[model])
        let (fit, names) = try Self.fit(c, model)
        #expect(Self.close(fit.deviance, ref[""]!["deviance"]!), "deviance \(fit.deviance) vs \(ref[""]!["deviance"]!)")
        #expect(fit.dfResidual == Int(ref[""]!["df_residual"]!))
        #expect(Self.close(fit.pearson, ref[""]!["pearson"]!) && Self.close(fit.dispersion!, ref[""]!["dispersion"]!))
        let robust = try fit.robustCovariance(clusters: c.buurt)
        for (j, name) in names.enumerated() {
            let r = try #require(ref[name], "R has no term \(name)")
            #expect(Self.close(fit.coefficients[j], r["coef"]!, rel: 1e-7) || abs(fit.coefficients[j] - r["coef"]!) < 1e-9, "\(name) coef")
            #expect(Self.close(fit.standardError(j), r["se"]!), "\(name) se \(fit.standardError(j)) vs \(r["se"]!)")
            let quasi = fit.standardError(j) * fit.dispersion!.squareRoot()
            #expect(Self.close(quasi, r["se_quasi"]!), "\(name) quasi se")
            let t = fit.coefficients[j] / quasi
            #expect(Self.close(try GSL.tTwoSided(t, Double(fit.dfResidual)), r["p_quasi"]!, rel: 1e-5), "\(name) quasi p")
            #expect(Self.close(robust[j * names.count + j].squareRoot(), r["se_robust"]!), "\(name) robust se \(robust[j * names.count + j].squareRoot()) vs \(r["se_robust"]!)")
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func termTestsMatchRAnova(_ k: Int) throws {
        let c = try #require(Self.cases[k])
        for pair in [("catonly", "score"), ("sesonly", "score"), ("catonly", "groups"), ("groups", "interaction")] {
            let ref = try #require(c.reference["test"]?["\(pair.0)>\(pair.1)"])
            let test = try Self.fit(c, pair.1).0.test(against: Self.fit(c, pair.0).0)
            #expect(Self.close(test.statistic, ref["lr"]!) && test.df == Int(ref["df"]!), "\(pair) LR")
            #expect(Self.close(test.p, ref["p_lr"]!, rel: 1e-5) || (test.p < 1e-300 && ref["p_lr"]! < 1e-300), "\(pair) p \(test.p) vs \(ref["p_lr"]!)")
            #expect(Self.close(test.f!, ref["F"]!) && Self.close(test.pF!, ref["p_F"]!, rel: 1e-5), "\(pair) F")
        }
    }

    @Test func refusesWhatItCannotFit() {
        // Collinear columns (a column repeated).
        #expect(throws: StatsError.self) {
            try PoissonRegression(counts: [3, 4, 5], design: [1, 1, 1, 1, 1, 1], columns: 2, offset: [0, 0, 0])
        }
        // A category without any participant: its rate ratio would be 0.
        #expect(throws: StatsError.self) {
            try PoissonRegression(counts: [0, 0, 5, 7], design: [1, 1, 1, 1, 1, 0, 1, 0], columns: 2, offset: [5, 5, 5, 5].map { log(Double($0)) })
        }
        #expect(throws: StatsError.self) { try PoissonRegression(counts: [1], design: [1, 2], columns: 2, offset: [0]) }
        #expect(throws: StatsError.self) { try PoissonRegression(counts: [-1, 2], design: [1, 1], columns: 1, offset: [0, 0]) }
    }
}
