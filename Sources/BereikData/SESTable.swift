import Foundation

/// SES-WOA scores per wijk/buurt (CBS 85163NED "Sociaal-economische status; scores per wijk en
/// buurt"): the mean total score (about 0 nationally; higher = more prosperous). `.` where CBS
/// suppressed the score (few households).
public struct SESTable: Sendable {
    public let source: String
    public let scores: [RegionCode: Double]
    /// Regions listed with a suppressed score.
    public let suppressed: [RegionCode]
    /// The period read (the latest when the file holds several).
    public let period: String?
    /// Region names, when the file carries them (StatLine's "Wijken en buurten" column).
    public let names: [RegionCode: String]

    public init(source: String, scores: [RegionCode: Double], suppressed: [RegionCode], period: String?, names: [RegionCode: String] = [:]) {
        self.source = source
        self.scores = scores
        self.suppressed = suppressed
        self.period = period
        self.names = names
    }

    /// Reads the StatLine export (`Regiocode (gemeente, wijk, buurt) (code)`, `SES-WOA/Totaalscore/
    /// Gemiddelde score (Getal)`), the OData download (`WijkenEnBuurten`, `GemiddeldeScore…`) or a
    /// plain `code,score` file. Decimal comma or point.
    public static func read(path: String, displayName: String? = nil) throws -> SESTable {
        let reader = try TableSource.open(path: path, displayName: displayName)
        let match = HeaderMatcher(reader.header)
        guard let code = match.column(PopulationReader.codeNames) ?? match.column(containing: [["regiocode"], ["codering"]]) else {
            throw DataError(SourceLocation(file: reader.displayName, line: 1),
                            "no region code column found; expected 'Regiocode (gemeente, wijk, buurt) (code)', 'WijkenEnBuurten' or 'code'")
        }
        guard let score = match.column(containing: [["seswoa", "totaalscore"], ["totaalscore"], ["gemiddeldescore"], ["seswoa"]])
                ?? match.column(["score", "ses"]) else {
            throw DataError(SourceLocation(file: reader.displayName, line: 1),
                            "no SES-WOA score column found; expected 'SES-WOA/Totaalscore/Gemiddelde score (Getal)' or 'score'")
        }
        let periodColumn = match.column(["perioden", "periode", "period", "jaar", "year"])
        // StatLine's label export names the region in "Wijken en buurten" (the OData download puts the code there).
        let nameColumn = match.column(["wijken en buurten", "wijkenenbuurten", "regio", "naam", "name"]).flatMap { $0 == code ? nil : $0 }
        var names: [RegionCode: String] = [:]
        var byPeriod: [String: (scores: [RegionCode: Double], suppressed: [RegionCode])] = [:]
        while try reader.next() {
            try reader.requireHeaderWidth()
            let rawCode = reader.string(code)
            guard let region = RegionCode(rawCode) else {
                throw DataError(reader.location(column: code), "'\(rawCode.trimmingSpaces())' is not a CBS region code; expected GM, WK or BU followed by digits")
            }
            let period = periodColumn.map { reader.string($0).trimmingSpaces() } ?? ""
            if let c = nameColumn {
                let name = reader.string(c).trimmingSpaces()
                if !name.isEmpty, RegionCode(name) == nil { names[region] = name }
            }
            let text = reader.string(score).trimmingSpaces()
            if ["", ".", "x", "NA", "na"].contains(text) {
                byPeriod[period, default: ([:], [])].suppressed.append(region)
                continue
            }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                throw DataError(reader.location(column: score), "'\(text)' is not a score; expected a number such as -0,110 or '.' when suppressed")
            }
            byPeriod[period, default: ([:], [])].scores[region] = value
        }
        guard let latest = byPeriod.keys.max() else {
            throw DataError(SourceLocation(file: reader.displayName), "the SES-WOA file has a header but no regions")
        }
        let chosen = byPeriod[latest]!
        return SESTable(source: reader.displayName, scores: chosen.scores, suppressed: chosen.suppressed,
                        period: latest.isEmpty ? nil : latest, names: names)
    }
}
