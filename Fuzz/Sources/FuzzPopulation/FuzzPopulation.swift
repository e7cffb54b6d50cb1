import BereikData
import FuzzSupport

/// Arbitrary bytes as a Population file: must end in a table or a DataError, never a trap.
@_cdecl("FuzzPopulation_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runReaderFuzzer(argc, argv) { _ = try PopulationReader.read(path: $0) }
}
