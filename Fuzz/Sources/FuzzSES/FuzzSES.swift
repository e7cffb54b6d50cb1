import BereikData
import FuzzSupport

/// Arbitrary bytes as a SES file: must end in a table or a DataError, never a trap.
@_cdecl("FuzzSES_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runReaderFuzzer(argc, argv) { _ = try SESTable.read(path: $0) }
}
