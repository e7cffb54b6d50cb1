import Testing
@testable import BereikStats

/// The binomial tails for large n, where GSL's incomplete beta returns NaN (found with 2.5 million
/// persons in the 10M-row benchmark, issue 15), against scipy 1.17 `binom.cdf`/`binom.sf`
/// (`python -c "from scipy.stats import binom; print(binom.sf(640803, 2500000, 0.2563371435422038))"`),
/// to 1e-7 relative: the log of a term is a sum of numbers near 10⁶, so its last digits carry
/// about 1e-9 of relative error (R's dbinom avoids this with Loader's saddle point; not needed for
/// p-values and power here).
@Suite struct BinomialTailTests {
    static let cases: [(k: Int, n: Int, p: Double, lower: Double, upper: Double)] = [
        (640_803, 2_500_000, 0.2563371435422038, 0.477313881082319, 0.522686118917681),
        (638_000, 2_500_000, 0.2563371435422038, 1.9009022059499813e-05, 1 - 1.9009022059499813e-05),
        (645_000, 2_500_000, 0.2563371435422038, 1 - 8.804587475157254e-10, 8.804587475157254e-10),
        (1_200, 10_000_000, 0.0001, 0.9999999996123046, 1 - 0.9999999996123046),
        (900, 10_000_000, 0.0001, 1 - 0.999302608453781, 0.999302608453781),
    ]

    @Test func tailSumsMatchScipy() throws {
        for c in Self.cases {
            let t = try GSL.binomialTails(c.k, c.p, c.n)
            #expect(abs(t.lower - c.lower) <= 1e-7 * max(1e-300, c.lower) + 1e-15, "lower \(c)")
            #expect(abs(t.upper - c.upper) <= 1e-7 * max(1e-300, c.upper) + 1e-15, "upper \(c)")
        }
    }

    /// The public entry points never fail where GSL did, and agree with the sums.
    @Test func largeNNeverFails() throws {
        let q = try GSL.binomialUpper(640_803, 0.2563371435422038, 2_500_000)
        #expect(abs(q - 0.522686118917681) < 1e-7)
        let p = try GSL.binomialLower(640_803, 0.2563371435422038, 2_500_000)
        #expect(abs(p - 0.477313881082319) < 1e-7)
    }
}
