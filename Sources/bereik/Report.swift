import ArgumentParser
import BereikPipeline
import BereikReport
import Foundation

/// `bereik report`: the funder's and project team's report, HTML (default) or Markdown.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML (or Markdown) report: summary, charts, tables, methods and sources.")

    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: "html or markdown.") var format: String = "html"
    @Option(name: .long, help: "Output file (default: standard output).") var output: String?
    @Option(name: .long, help: "nl (default) or en.") var lang: Language = .nl
    @Option(name: .long, help: "Title of the report.") var title: String?
    @Option(name: .long, help: "Disclosure threshold: participant counts from 1 to N − 1 are withheld.") var disclosureThreshold: Int = 5
    @Flag(name: .long, help: "Switch disclosure control off (not for publication).") var noDisclosureControl = false
    @Option(name: .long, help: "Monte Carlo repetitions for the SII/RII intervals.") var repetitions: Int = 100_000

    func validate() throws {
        guard ["html", "markdown"].contains(format) else { throw ValidationError("--format must be html or markdown") }
        guard disclosureThreshold >= 1 else { throw ValidationError("--disclosure-threshold must be at least 1") }
        guard repetitions >= 1000 else { throw ValidationError("--repetitions must be at least 1000") }
    }

    func run() throws {
        let request = try analysis.apply(to: input.request())
        let result = try ReportPipeline.run(request, repetitions: repetitions, title: title)
        let publication: Publication = noDisclosureControl ? .open : .safe(threshold: disclosureThreshold)
        let text = format == "html"
            ? ReportHTML.render(result, language: lang, publication: publication, version: Bereik.version)
            : ReportMarkdown.render(result, language: lang, publication: publication, version: Bereik.version)
        try OutputOptions.write(text, to: output)
    }
}
