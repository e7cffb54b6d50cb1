import CSV
import Foundation

func readWithCSVSwift(_ path: String) throws -> (Int, Int) {
    let stream = InputStream(fileAtPath: path)!
    let csv = try CSVReader(stream: stream, hasHeaderRow: true, delimiter: ";")
    var rows = 0, sum = 0
    while let row = csv.next() { rows += 1; for f in row { sum += f.utf8.count } }
    return (rows, sum)
}
