import BereikData
import BereikStats
import Foundation

/// The inputs of any analysis, read and validated once: population (given or bundled), SES-WOA,
/// postcodes, country list, the attendance (aggregated to persons) and the comparison area.
public struct PreparedInputs: Sendable {
    public let population: PopulationTable
    public let ses: SESTable?
    public let attendance: AttendanceData
    public let area: Area
    public let sources: InputSources
    public let notes: [RunNote]
    let sesGroups: Int

    public init(_ request: CompareRequest) throws {
        var notes: [RunNote] = []
        let populationPath: String
        if let given = request.population {
            populationPath = given
        } else {
            guard let bundled = ComparePipeline.bundledPopulationPath else {
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
        options.collectMonths = request.collectMonths
        options.buurten = BuurtResolver(known: Set(population.buurten(in: []).map(\.code)),
                                        area: givenArea?.codes ?? [], postcodes: postcodes)
        let attendance = try AttendanceReader.read(path: request.attendance, options: options)
        try InputProblem.check(attendance)
        let area = try givenArea ?? Area.default(for: attendance.participants, in: population)
        if !attendance.hasBuurt { notes.append(.noBuurtInformation) }
        notes += InputProblem.warnings(attendance)
        self.population = population
        self.ses = ses
        self.attendance = attendance
        self.area = area
        self.notes = notes
        sesGroups = request.sesGroups
        sources = InputSources(
            attendance: attendance.source, dialect: attendance.dialect,
            columns: attendance.columns.index.mapValues { attendance.columns.header[$0] },
            population: population.source, populationBundled: request.population == nil, populationLayout: population.layout,
            originScheme: population.originScheme, ses: ses?.source, sesPeriod: ses?.period, postcodes: postcodes?.source)
    }

    /// The SES grouping of the area's buurten, or nil with a note saying why not.
    func sesGrouping(notes: inout [RunNote]) throws -> SESGrouping? {
        guard let ses else { notes.append(.sesUnavailable(reason: "no_ses_file")); return nil }
        guard attendance.hasBuurt else { notes.append(.sesUnavailable(reason: "no_buurt")); return nil }
        return SESGrouping(buurten: area.buurten.compactMap { population.region($0) }, scores: ses, groups: sesGroups)
    }

    /// Participants per buurt of the area (persons by their resolved buurt).
    public func participantsPerBuurt() -> [RegionCode: Int] {
        let p = attendance.participants
        var counts = [Int](repeating: 0, count: p.buurtCodes.count)
        for b in p.buurt where b >= 0 { counts[Int(b)] += 1 }
        return Dictionary(uniqueKeysWithValues: zip(p.buurtCodes, counts))
    }

    /// Residents of the whole area: its own CBS rows when they all have a total, else the sum of its buurten.
    public func areaResidents() -> Int {
        let own = area.codes.map { residents($0) }
        if own.allSatisfy({ $0 != nil }) { return own.reduce(0) { $0 + $1! } }
        return area.buurten.reduce(0) { $0 + (residents($1) ?? 0) }
    }

    /// Residents of a region: CBS's total, else the sum of its gender counts.
    public func residents(_ code: RegionCode) -> Int? {
        guard let r = population.region(code) else { return nil }
        return r.inwoners ?? r.counts[.gender]?.reduce(0, +)
    }
}
