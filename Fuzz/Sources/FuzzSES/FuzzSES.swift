import BereikData
import FuzzSupport

/// Arbitrary bytes as a SES file: must end in a table or a DataError, never a trap.
@_cdecl("FuzzSES_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        let path = FuzzFile.write(data, size)
        _ = try? SESTable.read(path: path)
        return 0
    }
}
