/// The comparison area: the CBS regions whose residents the participants are compared with, and
/// the buurten they contain. A gemeente or wijk code expands to its buurten.
public struct Area: Sendable, Equatable {
    public let codes: [RegionCode]
    /// Display names of `codes` (CBS region names where the table has them, else the code).
    public let names: [String]

    /// "Name (CODE)" per code, or the code alone without a name: how people read an area.
    public var labels: [String] { zip(codes, names).map { $1 == $0.raw ? $0.raw : "\($1) (\($0.raw))" } }
    public let buurten: [RegionCode]
    /// How the area was chosen, for the report: `given` or `participants' gemeenten`, etc.
    public let origin: Origin

    public enum Origin: String, Sendable, Equatable {
        case given
        case participantsGemeenten = "participants_gemeenten"
        case wholeTable = "whole_table"
    }

    /// Names that several regions carry, and which one was taken (shown beside the area).
    public let nameChoices: [NameChoice]

    public struct NameChoice: Sendable, Equatable {
        public let query: String
        public let code: RegionCode
        public let others: [RegionCode]
    }

    public init(codes: [RegionCode], buurten: [RegionCode], origin: Origin, names: [String]? = nil, nameChoices: [NameChoice] = []) {
        self.codes = codes
        self.nameChoices = nameChoices
        self.names = names ?? codes.map(\.raw)
        self.buurten = buurten
        self.origin = origin
    }

    /// Parses codes or names given by the user ("GM0363", "WK036300,BU03630000", "Bloemhof",
    /// "Feijenoord (Rotterdam)") and checks each against the table. A name goes through
    /// `AreaSearch`; an unknown or ambiguous one is an `AreaNameProblem` listing candidates.
    public static func resolve(_ texts: [String], in population: PopulationTable) throws -> Area {
        var codes: [RegionCode] = []
        var chosen: [NameChoice] = []
        let search = AreaSearch(population)
        for text in texts.flatMap(splitList) where !text.isEmpty {
            let code: RegionCode
            if let parsed = RegionCode(text) {
                code = parsed
            } else {
                let (found, candidates) = search.resolve(text)
                guard let found else {
                    if candidates.isEmpty {
                        let words = AreaSearch.parse(text).name.split(separator: " ").map(String.init)
                        var near = (words.max { $0.count < $1.count }).map { search.containing($0) } ?? []
                        if near.isEmpty { near = search.similar(text) }
                        throw AreaNameProblem.unknown(text, suggestions: Array(near.prefix(8)))
                    }
                    throw AreaNameProblem.ambiguous(text, candidates: candidates)
                }
                code = found
                if candidates.count > 1 { chosen.append(NameChoice(query: text, code: found, others: candidates.map(\.code).filter { $0 != found })) }
            }
            guard population.region(code) != nil || !population.buurten(in: [code]).isEmpty else {
                throw DataError(SourceLocation(file: population.source),
                                DataMessages.notInPopulation(code.raw))
            }
            if !codes.contains(code) { codes.append(code) }
        }
        // A region inside another given region adds nothing and would be counted twice.
        codes = codes.filter { c in !codes.contains { $0 != c && $0.contains(c) } }
        return Area(codes: codes, buurten: population.buurtCodes(in: codes), origin: .given,
                    names: names(codes, population), nameChoices: chosen)
    }

    /// "A, B (buurt, Rotterdam), C" → ["A", "B (buurt, Rotterdam)", "C"]: commas inside parentheses stay.
    static func splitList(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            if ch == ",", depth == 0 { parts.append(current.trimmingSpaces()); current = "" } else { current.append(ch) }
        }
        parts.append(current.trimmingSpaces())
        return parts
    }

    static func names(_ codes: [RegionCode], _ population: PopulationTable) -> [String] {
        codes.map { code in population.region(code).map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? code.raw }
    }

    /// Without `--area`: the gemeenten the participants live in; without buurt information, the
    /// table's only gemeente or the country row.
    public static func `default`(for participants: ParticipantTable, in population: PopulationTable) throws -> Area {
        var gemeenten = Set(participants.buurtCodes.compactMap(\.gemeente))
        if gemeenten.isEmpty {
            let inTable = population.regions.filter { $0.code.level == .gemeente }.map(\.code)
            if inTable.count == 1 {
                gemeenten = Set(inTable)
            } else if let country = population.regions.first(where: { $0.code.level == .country }) {
                return Area(codes: [country.code], buurten: population.buurtCodes(in: []), origin: .wholeTable)
            } else {
                throw DataError(SourceLocation(file: population.source),
                                DataMessages.noAreaKnown)
            }
        }
        let codes = gemeenten.sorted()
        return Area(codes: codes, buurten: population.buurtCodes(in: codes), origin: .participantsGemeenten,
                    names: names(codes, population))
    }
}
