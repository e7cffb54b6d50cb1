import Foundation
import Testing
@testable import BereikData
import BereikTestSupport

/// The bundled population's compact form (issue 15) must hold exactly what the CBS CSV holds.
@Suite struct CompactPopulationTests {
    static let csv = Repo.dataset("kwb2024_85984NED_nl_sex_age_herkomst.csv")
    static let compact = Repo.root.appendingPathComponent("Sources/BereikPipeline/Resources/kwb2024_85984NED.population").path

    static func expectEqual(_ a: PopulationTable, _ b: PopulationTable) {
        #expect(a.originScheme == b.originScheme)
        #expect(a.layout == b.layout)
        #expect(a.clampedOriginCells == b.clampedOriginCells)
        #expect(a.regions.count == b.regions.count)
        for (x, y) in zip(a.regions, b.regions) where x != y || x.code.raw != y.code.raw {
            Issue.record("\(x.code): \(x) ≠ \(y)")
            return
        }
    }

    /// The committed compact file against the CSV read by `PopulationReader`, region for region,
    /// and against the CSV's own digest (so it was made from this very file).
    @Test func bundledFormEqualsTheCSV() throws {
        #expect(CompactPopulation.isCompact(path: Self.compact))
        #expect(!CompactPopulation.isCompact(path: Self.csv))
        let fromCSV = try PopulationReader.read(path: Self.csv)
        let fromCompact = try PopulationReader.read(path: Self.compact)
        #expect(fromCSV.regions.count == 18_310)
        Self.expectEqual(fromCSV, fromCompact)
        let source = try CompactPopulation.source(path: Self.compact)
        #expect(source.file == "kwb2024_85984NED_nl_sex_age_herkomst.csv")
        #expect(source.sha256 == (try SHA256.file(Self.csv)))
        // Spot checks against the CSV's text (the Nederland row, the number of buurten, a name with accents).
        let nl = try #require(fromCompact.region(RegionCode("NL00")!))
        #expect(nl.inwoners == 17_942_942)
        #expect(nl.counts[.gender] == [8_920_768, 9_022_174])
        #expect(nl.counts[.origin] == [12_941_748, 1_677_093, 3_324_101])
        #expect(fromCompact.buurten(in: []).count == 14_574)
        #expect(fromCompact.region(RegionCode("GM1900")!)?.name == "Súdwest-Fryslân")
    }

    /// Other layouts and the old origin scheme survive the round trip, names with accents included.
    @Test(arguments: ["kwb2019_84583NED_amsterdam.csv", "kwb2019_84583NED_denhaag_odata_original.csv",
                      "kwb2017_83765NED_amsterdam_statline_labels.csv"])
    func roundTrip(file: String) throws {
        let table = try PopulationReader.read(path: Repo.dataset(file))
        let bytes = try CompactPopulation.encode(table, sourceFile: file, sourceSHA256: try SHA256.file(Repo.dataset(file)))
        let path = try fixture("roundtrip-\(file).population", bytes: bytes)
        Self.expectEqual(table, try PopulationReader.read(path: path))
    }

    /// A damaged file — cut short anywhere, or with bytes changed — is an error naming the file or
    /// a table that still holds only valid codes; never a crash.
    @Test func damagedFilesAreErrors() throws {
        let table = try PopulationReader.read(path: Repo.dataset("kwb2019_84583NED_utrecht_subset.csv"))
        let bytes = try CompactPopulation.encode(table, sourceFile: "utrecht.csv", sourceSHA256: String(repeating: "0", count: 64))
        var rng = SplitMix64(state: 15)
        var errors = 0
        for round in 0..<400 {
            var damaged = bytes
            if round % 2 == 0 {
                damaged.removeLast(rng.int(1...(bytes.count - 1)))
            } else {
                for _ in 0..<rng.int(1...4) { damaged[rng.int(0...(bytes.count - 1))] = UInt8(rng.int(0...255)) }
            }
            let path = try fixture("damaged.population", bytes: damaged)
            do {
                let read = try CompactPopulation.read(path: path)
                #expect(read.regions.allSatisfy { RegionCode($0.code.raw) == $0.code })
            } catch let error as DataError {
                #expect(error.text(dutch: false).contains("damaged"))
                #expect(error.text(dutch: true).contains("beschadigd"))
                errors += 1
            }
        }
        #expect(errors >= 200)
    }
}
