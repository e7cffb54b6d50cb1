import BereikData
import FuzzSupport

/// Every record of arbitrary bytes: dialect detection, quoting, encodings, line ends.
@_cdecl("FuzzCSV_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        let path = FuzzFile.write(data, size)
        do {
            let reader = try CSVReader(path: path)
            while try reader.next() {
                for column in 0..<reader.fieldCount { _ = reader.string(column) }
                _ = reader.location(column: 0)
            }
        } catch {}
        return 0
    }
}
