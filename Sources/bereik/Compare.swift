import ArgumentParser
import BereikData
import BereikPipeline
import BereikReport
import BereikStats
import Foundation

extension ClusterChoice: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare who is reached with who lives in the area, per gender, age, origin and SES.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, parsing: .singleValue, help: "Dimensions: gender, age, origin, ses, and crossings such as gender:ses, origin:wijk, age:buurt (comma-separated). Default: all the attendance has.")
    var by: [String] = []

    @Flag(name: .customLong("by-role"), help: "Per participation role (a role column: deelnemer, vrijwilliger, kernteam …): who is at each level, against the residents, and whether each group's share changes along the ladder.")
    var byRole = false

    @Flag(name: .customLong("by-initiative"), help: "Initiatives side by side (several --attendance \"Naam=file\", or an initiative column): each against the residents, and together with a person in several counted once.")
    var byInitiative = false

    @Option(name: .customLong("role-ladder"), help: "The ladder's levels, bottom first, comma-separated (default: deelnemer,vrijwilliger,kernteam).")
    var roleLadder: String?

    @Option(name: .customLong("period-a"), help: "With --period-b: the earlier period, FROM..TO (e.g. 2023-01-01..2023-12-31); the output is period B with the change since A per group.")
    var periodA: String?

    @Option(name: .customLong("period-b"), help: "The later period, FROM..TO.")
    var periodB: String?

    @Option(name: .long, help: "none (default) or buurt: participants clustered in their buurten — intervals and tests with design effects (Kish; Korn & Graubard), the fit test by Rao–Scott.")
    var cluster: ClusterChoice = .none

    /// "2023-01-01..2023-12-31" as a period.
    func period(_ text: String?, flag: String) throws -> Period? {
        guard let text else { return nil }
        let nl = Diagnostics.language == .nl
        guard let period = Period(parsing: text) else {
            throw ValidationError(nl ? "--\(flag) '\(text)' is geen periode; verwacht VAN..TOT, bijvoorbeeld 2023-01-01..2023-12-31"
                                     : "--\(flag) '\(text)' is not a period; expected FROM..TO, e.g. 2023-01-01..2023-12-31")
        }
        return period
    }

    func validate() throws {
        _ = try parsedBy()
        let nl = Diagnostics.language == .nl
        let crossings = try parsedBy().crossings
        if byRole && (periodA != nil || !crossings.isEmpty || cluster == .buurt) {
            throw ValidationError(nl ? "--by-role gaat (nog) niet samen met --period-a/-b, kruisingen of --cluster" : "--by-role does not (yet) go with --period-a/-b, crossings or --cluster")
        }
        if (byRole || byInitiative), try parsedBy().dimensions?.contains(.ses) == true {
            throw ValidationError(nl ? "--by-role en --by-initiative vergelijken geslacht, leeftijd en herkomst; SES per rol of initiatief kan (nog) niet: laat ses weg uit --by"
                                     : "--by-role and --by-initiative compare gender, age and origin; SES per role or initiative is not (yet) possible: leave ses out of --by")
        }
        if byInitiative && (byRole || periodA != nil || !crossings.isEmpty || cluster == .buurt) {
            throw ValidationError(nl ? "--by-initiative gaat (nog) niet samen met --by-role, --period-a/-b, kruisingen of --cluster"
                                     : "--by-initiative does not (yet) go with --by-role, --period-a/-b, crossings or --cluster")
        }
        if let ladder = roleLadder {
            let levels = ladder.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let repeated = levels.first(where: { level in levels.filter { $0 == level }.count > 1 }) {
                throw ValidationError(nl ? "--role-ladder noemt '\(repeated)' twee keer; elk niveau één keer, van laag naar hoog, bijvoorbeeld deelnemer,vrijwilliger,kernteam"
                                         : "--role-ladder names '\(repeated)' twice; each level once, bottom first, e.g. deelnemer,vrijwilliger,kernteam")
            }
        }
        if let ladder = roleLadder, ladder.split(separator: ",").count < 2 {
            throw ValidationError(nl ? "--role-ladder heeft minstens twee verschillende niveaus nodig, van laag naar hoog, bijvoorbeeld deelnemer,vrijwilliger,kernteam"
                                     : "--role-ladder needs two or more different levels, bottom first, e.g. deelnemer,vrijwilliger,kernteam")
        }
        if (periodA == nil) != (periodB == nil) {
            throw ValidationError(nl ? "--period-a en --period-b horen bij elkaar: geef ze allebei" : "--period-a and --period-b go together: give both")
        }
        if periodA != nil {
            let a = try period(periodA, flag: "period-a")!, b = try period(periodB, flag: "period-b")!
            if a.from > b.to {
                throw ValidationError(nl ? "--period-a komt na --period-b; A is de eerdere periode, B de latere" : "--period-a comes after --period-b; A is the earlier period, B the later one")
            }
            if a.to >= b.from && b.to >= a.from {
                throw ValidationError(nl ? "--period-a en --period-b overlappen; kies twee perioden die elkaar niet raken" : "--period-a and --period-b overlap; choose two periods that do not")
            }
            if input.from != nil || input.to != nil {
                throw ValidationError(nl ? "--from/--to gaan niet samen met --period-a/--period-b: de perioden bepalen zelf welke bezoeken tellen"
                                         : "--from/--to do not go with --period-a/--period-b: the periods decide which visits count")
            }
        }
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
        if let given = roleLadder { request.roleLadder = given.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if (byRole || byInitiative), request.periodA != nil {
            throw ValidationError(Diagnostics.language == .nl
                ? "het project noemt period_a/period_b; --by-role en --by-initiative vergelijken (nog) niet per periode: haal de perioden uit het project of kies er één met --from/--to"
                : "the project names period_a/period_b; --by-role and --by-initiative do not (yet) compare per period: take the periods out of the project or choose one with --from/--to")
        }
        if byRole {
            let ladder = request.roleLadder.map(RoleLadder.init(levels:)) ?? .standard
            let roles = try RolePipeline.run(request, ladder: ladder)
            InputOptions.clearProgress(request)
            try output.write(Publisher.publish(roles, control: output.control), protecting: request.inputFiles, project: project)
            return
        }
        if byInitiative {
            let initiatives = try InitiativePipeline.run(request)
            InputOptions.clearProgress(request)
            try output.write(Publisher.publish(initiatives, control: output.control), protecting: request.inputFiles, project: project)
            return
        }
        let result: CompareResult
        // The flags, else the project's [analysis] period_a/period_b.
        if let a = try period(periodA, flag: "period-a") ?? request.periodA, let b = try period(periodB, flag: "period-b") ?? request.periodB {
            result = try PeriodChangePipeline.run(request, a: a, b: b)
        } else {
            result = try ComparePipeline.run(request)
        }
        InputOptions.clearProgress(request)
        try output.write(Publisher.publish(result, control: output.control), protecting: request.inputFiles, project: project)
    }
}
