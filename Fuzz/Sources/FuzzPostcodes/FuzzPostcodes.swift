import BereikData
import FuzzSupport

/// Arbitrary bytes as a Postcodes file: must end in a table or a DataError, never a trap.
@_cdecl("FuzzPostcodes_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runReaderFuzzer(argc, argv) { _ = try PostcodeMap.read(path: $0) }
}
