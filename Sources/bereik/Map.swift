import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import Foundation

/// `bereik map`: the area's buurten as a standalone SVG — reach per buurt, and where the missing
/// people of each under-reached group live.
struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the area's buurten as SVG: reach per buurt (funnel classes, empirical-Bayes shading) and where each under-reached group's missing people live.")

    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: "Output file (.svg; default: standard output).") var output: String?
    @Option(name: .long, help: "nl (default) or en.") var lang: Language?
    @Option(name: .long, help: "Disclosure threshold: participant counts from 1 to N − 1 are withheld (default 5).") var disclosureThreshold: Int?
    @Flag(name: .long, help: "Switch disclosure control off (not for publication).") var noDisclosureControl = false

    func validate() throws {
        if let output, output != "-", !output.lowercased().hasSuffix(".svg") {
            throw ValidationError(Diagnostics.language == .nl ? "--output krijgt een SVG-bestand (.svg); open het in een browser, of zet het in een rapport met bereik report"
                                                             : "--output takes an SVG file (.svg); open it in a browser, or put it in a report with bereik report")
        }
        guard (2...1000).contains(disclosureThreshold ?? 5) else { throw ValidationError("--disclosure-threshold must lie between 2 and 1000 (5 is usual)") }
    }

    func run() throws {
        let project = try input.project.map { try ProjectFile.read(path: $0, referenceDate: InputOptions.today) }
        guard project != nil || input.attendance != nil else {
            throw ValidationError(Diagnostics.language == .nl ? "geef --project bereik.toml of --attendance BESTAND" : "give --project bereik.toml or --attendance FILE")
        }
        let request = try analysis.apply(to: input.request(project: project))
        let result = try MapPipeline.run(request, boundaries: request.boundaries, title: project?.title)
        InputOptions.clearProgress(request)
        // Disclosure control is on, as in the report: a map is for showing.
        let control = noDisclosureControl ? nil : DisclosureControl(threshold: disclosureThreshold ?? project?.disclosureThreshold ?? 5)
        // The buurten as `heterogeneity` publishes them (their own ledger): the map shows no other count.
        guard let map = result.map else { throw MapProblem.noBuurten }
        let view = MapView(buurten: Publisher.publish(result.buurten, control: control), whereMissing: result.whereMissing, map: map, title: project?.title ?? "")
        let language = lang ?? project?.language.flatMap(Language.init(rawValue:)) ?? Diagnostics.language
        try OutputFile.write(MapSVG.document(view, language: language), to: output, protecting: request.inputFiles)
        if !map.notDrawn.isEmpty {
            FileHandle.standardError.write(Data((language.map.notDrawn + ": " + map.notDrawn.map { "\(map.names[$0] ?? "") (\($0.raw))" }.joined(separator: ", ") + "\n").utf8))
        }
    }
}
