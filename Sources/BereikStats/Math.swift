#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elementary functions for the core without importing Foundation.
enum Math {
    @inline(__always) static func ln(_ x: Double) -> Double { log(x) }
    @inline(__always) static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.exp(x)
        #else
        return Darwin.exp(x)
        #endif
    }
    @inline(__always) static func asin(_ x: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.asin(x)
        #else
        return Darwin.asin(x)
        #endif
    }
    @inline(__always) static func sin(_ x: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.sin(x)
        #else
        return Darwin.sin(x)
        #endif
    }
}
