// Makes the compact form of a population table (`CompactPopulation`) from the CBS CSV, for the
// table bundled with Bereik:
//   swift run -c release bereik-pack-population <table.csv> <out.population>
// `scripts/pack-population.sh` runs it on the bundled CBS KWB 2024 table; `CompactPopulationTests`
// requires the result to equal the CSV read by `PopulationReader`, region for region.
import BereikData
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: bereik-pack-population <table.csv> <out.population>\n".utf8))
    exit(2)
}
do {
    let source = arguments[1]
    let table = try PopulationReader.read(path: source, displayName: (source as NSString).lastPathComponent)
    let bytes = try CompactPopulation.encode(table, sourceFile: (source as NSString).lastPathComponent,
                                              sourceSHA256: try SHA256.file(source))
    guard FileManager.default.createFile(atPath: arguments[2], contents: Data(bytes)) else {
        throw DataError(SourceLocation(file: arguments[2]), "cannot write the compact table")
    }
    print("\(table.regions.count) regions, \(bytes.count) bytes → \(arguments[2])")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
