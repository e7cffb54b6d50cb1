import BereikData
import BereikStats
import Foundation

/// The one path of the data: read → validate → aggregate to counts → compute. Rendering is the
/// caller's (BereikReport), so the same result feeds the table, CSV, JSON, Markdown and HTML.
public enum ComparePipeline {
    /// The bundled CBS Kerncijfers Wijken en Buurten 2024 (85984NED), whole country. Bron: CBS.
    public static var bundledPopulationPath: String? {
        Bundle.module.path(forResource: "kwb2024_85984NED_nl_sex_age_herkomst", ofType: "csv")
    }

    public static func run(_ request: CompareRequest) throws -> CompareResult {
        var notes: [RunNote] = []
        let populationPath: String
        if let given = request.population {
            populationPath = given
        } else {
            guard let bundled = bundledPopulationPath else {
                throw DataError(SourceLocation(file: "bundled population"), "the bundled CBS table is missing from this installation; give --population")
            }
            populationPath = bundled
            notes.append(.bundledPopulation)
        }
        let population = try PopulationReader.read(path: populationPath,
                                                   displayName: request.population == nil ? "CBS KWB 2024 (bundled)" : nil)
        let ses = try request.ses.map { try SESTable.read(path: $0) }
        let postcodes = try request.postcodes.map { try PostcodeMap.read(path: $0) }
        let countries = try request.countries.map {
            try CountryList(text: String(contentsOfFile: $0, encoding: .utf8), source: $0)
        } ?? .standard

        let givenArea = request.area.isEmpty ? nil : try Area.resolve(request.area, in: population)
        var options = AttendanceOptions(harmoniser: CategoryHarmoniser(originScheme: population.originScheme, countries: countries),
                                        referenceDate: request.to ?? request.referenceDate)
        options.overrides = request.columnOverrides
        options.from = request.from
        options.to = request.to
        options.strict = request.strict
        options.progress = request.progress
        options.buurten = BuurtResolver(known: Set(population.buurten(in: []).map(\.code)),
                                        area: givenArea?.codes ?? [], postcodes: postcodes)
        let attendance = try AttendanceReader.read(path: request.attendance, options: options)
        let participants = attendance.participants
        let area = try givenArea ?? Area.default(for: participants, in: population)
        if !attendance.hasBuurt { notes.append(.noBuurtInformation) }

        let present = Set(AttendanceRole.allCases.filter { attendance.columns[$0] != nil }.compactMap(\.dimension))
        var wanted = request.dimensions ?? Dimension.allCases.filter { present.contains($0) || ($0 == .ses && ses != nil) }
        for d in wanted where d != .ses && !present.contains(d) { notes.append(.dimensionWithoutColumn(d)) }
        wanted = wanted.filter { $0 == .ses || present.contains($0) }

        var results: [DimensionResult] = []
        for dimension in wanted {
            if dimension == .ses {
                guard let ses else { notes.append(.sesUnavailable(reason: "no_ses_file")); continue }
                guard attendance.hasBuurt else { notes.append(.sesUnavailable(reason: "no_buurt")); continue }
                let grouping = SESGrouping(buurten: area.buurten.compactMap { population.region($0) }, scores: ses,
                                           groups: request.sesGroups)
                let table = CountTable.sesTable(participants: participants, grouping: grouping)
                results.append(try result(table, request, sesRanges: grouping.scoreRange))
            } else if let table = CountTable.build(dimension, participants: participants, population: population, area: area) {
                results.append(try result(table, request, sesRanges: nil))
            }
        }
        let sources = InputSources(
            attendance: attendance.source, dialect: attendance.dialect,
            columns: attendance.columns.index.mapValues { attendance.columns.header[$0] },
            population: population.source, populationBundled: request.population == nil, populationLayout: population.layout,
            originScheme: population.originScheme, ses: ses?.source, sesPeriod: ses?.period, postcodes: postcodes?.source)
        return CompareResult(request: request, sources: sources, area: area, reconciliation: attendance.reconciliation,
                             dimensions: results, notes: notes)
    }

    private static func result(_ table: CountTable, _ request: CompareRequest, sesRanges: [ClosedRange<Double>?]?) throws -> DimensionResult {
        let categories = zip(table.keys, zip(table.participants, table.residents)).map {
            CategoryCount(key: $0.0, participants: $0.1.0, residents: $0.1.1)
        }
        return DimensionResult(counts: table, comparison: try DimensionComparison(categories: categories, settings: request.settings),
                               sesRanges: sesRanges)
    }
}
