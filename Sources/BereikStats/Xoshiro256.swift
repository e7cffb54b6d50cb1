/// xoshiro256** (Blackman & Vigna 2021, "Scrambled linear pseudorandom number generators",
/// *ACM Trans. Math. Softw.* 47(4):36), for the permutation tests' shuffles, where one bounded
/// integer per person and permutation is drawn: inline in Swift, without a call through GSL's
/// generator table per draw (the example's report went from 1.3 s to 0.25 s with this and the
/// shuffle of `MultipleResponseIndependence`: BENCHMARKS.md). Its state is seeded from a seeded
/// `RandomSource`, so results stay reproducible from the same seed.
public struct Xoshiro256: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Seeded from eight 32-bit outputs of `source` (never the all-zero state).
    public init(from source: RandomSource) {
        func word() -> UInt64 { UInt64(source.raw32()) << 32 | UInt64(source.raw32()) }
        s0 = word(); s1 = word(); s2 = word(); s3 = word()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// A given state (tests: the reference implementation's outputs).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    @inline(__always) public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in 0..<n, by Lemire's multiply and reject (Lemire 2019, *ACM TOMACS* 29(1):3).
    @inline(__always) public mutating func bounded(_ n: UInt64) -> UInt64 {
        var m = next().multipliedFullWidth(by: n)
        if m.low < n {
            let threshold = (0 &- n) % n
            while m.low < threshold { m = next().multipliedFullWidth(by: n) }
        }
        return m.high
    }
}
