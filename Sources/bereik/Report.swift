import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import Foundation

/// `bereik report`: the funder's and project team's report, HTML (default) or Markdown.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML (or Markdown) report: summary, charts, tables, methods and sources.")

    @Argument(help: "Project file (bereik.toml); or give the inputs as options.") var projectFile: String?
    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: "html, markdown or pdf (printed by headless Chromium; needs --output).") var format: String = "html"
    @Option(name: .long, help: "Output file (default: standard output).") var output: String?
    @Option(name: .long, help: "nl (default) or en.") var lang: Language?
    @Option(name: .long, help: "Title of the report.") var title: String?
    @Option(name: .long, help: "The area's name in the report's sentences, e.g. \"Nieuw-West\" (default: the regions' names).") var areaName: String?
    @Option(name: .long, help: "Disclosure threshold: participant counts from 1 to N − 1 are withheld (default 5).") var disclosureThreshold: Int?
    @Flag(name: .long, help: "Switch disclosure control off (not for publication).") var noDisclosureControl = false
    @Option(name: .long, help: "Monte Carlo repetitions for the SII/RII intervals (default 100,000).") var repetitions: Int?
    @Option(name: .long, parsing: .singleValue, help: "Crossings for a section on who is missed inside groups, e.g. gender:ses,origin:ses (default: the project's analysis.crossings).")
    var intersections: [String] = []

    func validate() throws {
        guard ["html", "markdown", "pdf"].contains(format) else { throw ValidationError("--format must be html, markdown or pdf") }
        if format == "pdf", output == nil || output == "-" { throw ValidationError("--format pdf needs --output FILE.pdf") }
        guard (2...1000).contains(disclosureThreshold ?? 5) else { throw ValidationError("--disclosure-threshold must lie between 2 and 1000 (5 is usual)") }
        guard (1000...1_000_000).contains(repetitions ?? 100_000) else { throw ValidationError("--repetitions must lie between 1,000 and 1,000,000") }
    }

    func run() throws {
        let path = projectFile ?? input.project
        let project = try path.map { try ProjectFile.read(path: $0, referenceDate: InputOptions.today) }
        guard project != nil || input.attendance != nil else {
            throw ValidationError("give a project file (bereik report bereik.toml) or --attendance FILE")
        }
        var request = try analysis.apply(to: input.request(project: project))
        if let areaName { request.areaName = areaName }
        let crossings = intersections.flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }
        if !crossings.isEmpty {
            request.crossings = try crossings.map { name in
                do { return try Crossing.parse(name) } catch {
                    throw ValidationError(Diagnostics.language == .nl
                        ? "--intersections '\(name)' is geen kruising van een persoonskenmerk met ses, wijk of buurt (bijvoorbeeld gender:ses)"
                        : "--intersections '\(name)' is not a crossing of a person characteristic with ses, wijk or buurt (e.g. gender:ses)")
                }
            }
        }
        let result = try ReportPipeline.run(request, repetitions: repetitions ?? project?.repetitions ?? 100_000,
                                            title: title ?? project?.title)
        InputOptions.clearProgress(request)
        let control = noDisclosureControl ? nil : DisclosureControl(threshold: disclosureThreshold ?? project?.disclosureThreshold ?? 5)
        let published = Publisher.publish(result, control: control)
        let language = lang ?? project?.language.flatMap(Language.init(rawValue:)) ?? .nl
        switch format {
        case "markdown":
            try OutputFile.write(ReportMarkdown.render(published, language: language, version: BereikVersion.current), to: output, protecting: request.inputFiles)
        case "pdf":
            try PDFPrinter.print(html: ReportHTML.render(published, language: language, version: BereikVersion.current), to: output!,
                                 protecting: request.inputFiles)
        default:
            try OutputFile.write(ReportHTML.render(published, language: language, version: BereikVersion.current), to: output, protecting: request.inputFiles)
        }
    }
}
