import BereikData
import BereikPipeline
import FuzzSupport

/// Arbitrary bytes as `bereik.toml` (the TOML subset, key checks, paths) and as a country list.
@_cdecl("FuzzProject_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        let path = FuzzFile.write(data, size, suffix: ".toml")
        _ = try? ProjectFile.read(path: path, referenceDate: CivilDate(year: 2024, month: 6, day: 30)!)
        if let data {
            let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
            _ = try? CountryList(text: text, source: "fuzz")
        }
        return 0
    }
}
