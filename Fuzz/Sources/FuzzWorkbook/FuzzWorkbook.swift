import BereikData
import FuzzSupport

/// Arbitrary bytes as an Excel workbook: ZIP container, workbook, relationships, shared strings,
/// styles and sheet XML. Must end in a table or a DataError.
@_cdecl("FuzzWorkbook_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runReaderFuzzer(argc, argv, suffix: ".xlsx") { path in
        let reader = try TableSource.open(path: path)
        while try reader.next() { for column in 0..<reader.fieldCount { _ = reader.string(column) } }
    }
}
