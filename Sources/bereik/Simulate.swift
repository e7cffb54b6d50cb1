import ArgumentParser
import BereikData
import BereikPipeline
import Foundation

/// Generates an attendance file with known propensities (example data, tests, benchmarks).
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate an attendance file with known reach propensities (see README, 'Example data').")

    @Option(name: .long, help: "Population table to draw residents from.") var population: String
    @Option(name: .long, parsing: .singleValue, help: "Area codes to draw from (default: every buurt).") var area: [String] = []
    @Option(name: .long, help: "Number of participants.") var persons: Int = 1000
    @Option(name: .long, help: "Random seed.") var seed: UInt = 2019
    @Option(name: .long, help: "Year of the visits.") var year: Int = 2019
    @Option(name: .long, help: "example (women 2×, …; see README) or uniform.") var preset: String = "example"
    @Option(name: .long, help: "Share of rows written with a flaw (no id, unknown buurt).") var flawed: Double = 0
    @Option(name: .long, help: "Output file.") var output: String

    func validate() throws {
        guard ["example", "uniform"].contains(preset) else { throw ValidationError("--preset must be example or uniform") }
        guard persons > 0 else { throw ValidationError("--persons must be positive") }
    }

    func run() throws {
        let table = try PopulationReader.read(path: population)
        let codes = try Area.resolve(area, in: table).codes
        var settings = AttendanceSimulator.Settings(persons: persons, seed: seed, year: year,
                                                    propensities: preset == "example" ? .example : .uniform)
        settings.flawedRowShare = flawed
        let rows = try AttendanceSimulator.write(to: output, population: table, area: codes, settings: settings)
        FileHandle.standardError.write(Data("wrote \(rows) rows for \(persons) participants to \(output)\n".utf8))
    }
}
