import CGSL

/// A seeded Mersenne Twister (GSL `gsl_rng_mt19937`), so every Monte Carlo result in Bereik is
/// reproducible from its seed. Owns its GSL generator; not shared between threads.
public final class RandomSource {
    let generator: UnsafeMutablePointer<gsl_rng>
    public let seed: UInt

    public init(seed: UInt) throws {
        GSL.prepare()
        guard let generator = gsl_rng_alloc(bereik_rng_mt19937()) else {
            throw StatsError.gsl(function: "gsl_rng_alloc(mt19937)", status: Int32(GSL_ENOMEM), reason: "out of memory")
        }
        gsl_rng_set(generator, seed)
        self.generator = generator
        self.seed = seed
    }

    deinit { gsl_rng_free(generator) }

    /// A uniform draw in [0, 1).
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// A uniform integer in 0..<n.
    public func integer(below n: Int) -> Int { Int(gsl_rng_uniform_int(generator, UInt(n))) }

    /// One raw 32-bit output of the Mersenne Twister (to seed `Xoshiro256`).
    func raw32() -> UInt32 { UInt32(truncatingIfNeeded: gsl_rng_get(generator)) }

    /// A Poisson draw (GSL `gsl_ran_poisson`).
    public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(generator, mean)) }

    /// The number of type-1 items in `draws` taken without replacement from `type1` and `type2`
    /// items (GSL `gsl_ran_hypergeometric`).
    public func hypergeometric(_ type1: Int, _ type2: Int, _ draws: Int) -> Int {
        Int(gsl_ran_hypergeometric(generator, UInt32(type1), UInt32(type2), UInt32(draws)))
    }

    /// A beta draw (GSL `gsl_ran_beta`).
    public func beta(_ a: Double, _ b: Double) -> Double { gsl_ran_beta(generator, a, b) }

    /// A normal draw with mean 0 and standard deviation `sd` (GSL `gsl_ran_gaussian`).
    public func gaussian(sd: Double) -> Double { gsl_ran_gaussian(generator, sd) }

    /// One multinomial draw of `trials` over `probabilities` (GSL `gsl_ran_multinomial`; the
    /// probabilities need not sum to one). `counts` is overwritten.
    func multinomial(trials: Int, probabilities: [Double], into counts: inout [UInt32]) {
        probabilities.withUnsafeBufferPointer { p in
            counts.withUnsafeMutableBufferPointer { c in
                gsl_ran_multinomial(generator, p.count, UInt32(trials), p.baseAddress, c.baseAddress)
            }
        }
    }

    /// An index drawn with the given weights (inverse CDF over the cumulative weights).
    public func categorical(cumulative: [Double]) -> Int {
        let u = uniform() * (cumulative.last ?? 0)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
