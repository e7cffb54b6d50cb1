import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import BereikStats
import Foundation

extension ClusterChoice: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare who is reached with who lives in the area, per gender, age, origin and SES.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, parsing: .singleValue, help: "Dimensions: gender, age, origin, ses, and crossings such as gender:ses, origin:wijk, age:buurt (comma-separated). Default: all the attendance has.")
    var by: [String] = []

    @Option(name: .long, help: "none (default) or buurt: participants clustered in their buurten — intervals and tests with design effects (Kish; Korn & Graubard), the fit test by Rao–Scott.")
    var cluster: ClusterChoice = .none

    func validate() throws {
        _ = try parsedBy()
        if cluster == .buurt && output.disclosureSafe {
            throw ValidationError("--cluster buurt cannot be combined with --disclosure-safe: design effects are computed from counts per buurt, which could reveal small numbers")
        }
    }

    /// `--by`: plain dimensions and crossings (`gender:ses`), comma-separated.
    func parsedBy() throws -> (dimensions: [BereikData.Dimension]?, crossings: [Crossing]) {
        let names = by.flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces).lowercased() }
        if names.isEmpty { return (nil, []) }
        let nl = Diagnostics.language == .nl
        var dimensions: [BereikData.Dimension] = [], crossings: [Crossing] = []
        for name in names {
            if name.contains(":") {
                do { crossings.append(try Crossing.parse(name)) } catch Crossing.ParseProblem.twoPersonCharacteristics {
                    throw ValidationError(nl ? "--by '\(name)': CBS telt geen combinaties van twee persoonskenmerken per buurt (zoals mannen van 65+), dus er zijn geen inwoners om mee te vergelijken; kruis een persoonskenmerk met ses, wijk of buurt"
                                             : "--by '\(name)': CBS publishes no joint counts of two person characteristics per buurt (such as men aged 65+), so there are no residents to compare with; cross a person characteristic with ses, wijk or buurt")
                } catch {
                    throw ValidationError(nl ? "--by '\(name)' is geen kruising; verwacht bijvoorbeeld gender:ses, origin:ses, age:wijk of gender:buurt"
                                             : "--by '\(name)' is not a crossing; expected e.g. gender:ses, origin:ses, age:wijk or gender:buurt")
                }
            } else {
                guard let d = BereikData.Dimension(rawValue: name) else {
                    throw ValidationError(nl ? "--by '\(name)' is geen kenmerk; verwacht gender, age, origin of ses (of een kruising zoals gender:ses)"
                                             : "--by '\(name)' is not a dimension; expected gender, age, origin or ses (or a crossing such as gender:ses)")
                }
                dimensions.append(d)
            }
        }
        return (dimensions, crossings)
    }

    func run() throws {
        var (request, project) = try input.request(with: analysis)
        let (dimensions, crossings) = try parsedBy()
        if let dimensions { request.dimensions = dimensions }
        request.crossings = crossings
        request.cluster = cluster
        let result = try ComparePipeline.run(request)
        InputOptions.clearProgress(request)
        try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
    }
}
