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
    let sesCutPoints: [Double]?

    public init(_ request: AnalysisRequest) throws {
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
        let ses = try request.ses.map { try SESTable.read(path: $0) }
        // Names from the SES file where the population download has codes only.
        let population = try PopulationReader.read(path: populationPath,
                                                   displayName: request.population == nil ? "CBS KWB 2024 (bundled)" : nil)
            .naming(ses?.names ?? [:])
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
        options.threads = request.threads
        options.sheet = request.sheet
        options.progress = request.progress
        options.onExclusion = request.onExclusion
        options.collectMonths = request.collectMonths
        options.buurten = BuurtResolver(population: population,
                                        area: givenArea?.codes ?? [], postcodes: postcodes,
                                        loadingPostcodeAreas: { try? Self.bundledPostcodeAreas() })
        let attendance = try AttendanceReader.read(files: request.attendanceFiles, options: options)
        try InputProblem.check(attendance)
        let area = try givenArea ?? Area.default(for: attendance.participants, in: population)
        if !attendance.hasBuurt { notes.append(.noBuurtInformation) }
        if attendance.columns.personIsName, let c = attendance.columns[.person] {
            notes.append(.namesAsPersons(column: attendance.columns.header[c]))
        }
        notes += InputProblem.warnings(attendance)
        self.population = population
        self.ses = ses
        self.attendance = attendance
        self.area = area
        self.notes = notes
        sesGroups = request.sesGroups
        sesCutPoints = request.sesCutPoints
        sources = InputSources(
            attendance: attendance.source, dialect: attendance.dialect,
            columns: attendance.columns.index.mapValues { attendance.columns.header[$0] },
            population: population.source, populationBundled: request.population == nil, populationLayout: population.layout,
            originScheme: population.originScheme, ses: ses?.source, sesPeriod: ses?.period, postcodes: postcodes?.source)
    }

    /// The bundled PC4 → gemeente/wijk tables (CBS 2024 address counts), read once per process.
    static func bundledPostcodeAreas() throws -> PostcodeAreas? { try bundledAreas.get() }

    private static let bundledAreas = Result<PostcodeAreas?, Error> {
        guard let g = Bundle.module.path(forResource: "pc4_gemeente2024_adressen_cbs_pc6hnr20240801", ofType: "csv"),
              let w = Bundle.module.path(forResource: "pc4_wijk2024_adressen_cbs_pc6hnr20240801", ofType: "csv") else { return nil }
        return try PostcodeAreas.read(gemeentePath: g, wijkPath: w)
    }

    /// The SES grouping of the area's buurten, or nil with a note saying why not.
    func sesGrouping(notes: inout [RunNote]) throws -> SESGrouping? {
        guard let ses else { notes.append(.sesUnavailable(reason: "no_ses_file")); return nil }
        guard attendance.hasBuurt else { notes.append(.sesUnavailable(reason: "no_buurt")); return nil }
        let buurten = area.buurten.compactMap { population.region($0) }
        if let cuts = sesCutPoints { return SESGrouping(buurten: buurten, scores: ses, groups: cuts.count + 1, cutPoints: cuts) }
        if let national = SESGrouping.nationalCutPoints(scores: ses, residents: { self.residents($0) }, groups: sesGroups) {
            return SESGrouping(buurten: buurten, scores: ses, groups: sesGroups, cutPoints: national, basis: .national)
        }
        return SESGrouping(buurten: buurten, scores: ses, groups: sesGroups)
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
