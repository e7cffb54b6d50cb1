import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import Foundation

/// `bereik areas TEXT`: find a gemeente, wijk or buurt by name, to use with --area.
struct Areas: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "List gemeenten, wijken and buurten whose name contains TEXT, with code and residents (for --area).")

    @Argument(help: "Part of a name, e.g. Bloemhof or 'Centrum (Utrecht)'; accents and case do not matter.")
    var text: String

    @Option(name: .long, help: "Population table to search. Default: the bundled CBS KWB 2024.")
    var population: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let path = population ?? ComparePipeline.bundledPopulationPath else {
            throw ValidationError("the bundled CBS table is missing; give --population")
        }
        let table = try PopulationReader.read(path: path, displayName: population == nil ? "CBS KWB 2024 (bundled)" : nil)
        let search = AreaSearch(table)
        var found = search.containing(text)
        let similar = found.isEmpty
        if similar { found = search.similar(text) }
        let language = output.lang ?? .fromEnvironment()
        try OutputFile.write(AreaListRenderer.render(found, query: text, format: output.format, language: language, similar: similar),
                             to: output.output, protecting: [path])
        if found.isEmpty { throw DataProblemsFound() }
    }
}
