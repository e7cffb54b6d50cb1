import Foundation

/// Regions found by name: "Bloemhof", "Feijenoord (Rotterdam)", "Feijenoord (buurt)", "rotterdam".
/// Case, accents, hyphens and repeated spaces do not matter ("Sint-Jacobus" = "sint jacobus").
public struct AreaSearch: Sendable {
    public let population: PopulationTable

    public init(_ population: PopulationTable) { self.population = population }

    /// A region with what a person needs to tell it from namesakes.
    public struct Candidate: Sendable, Equatable {
        public let code: RegionCode
        public let name: String
        public let gemeente: String
        public let residents: Int?
    }

    /// Lower case, no accents, hyphens and punctuation as spaces, single spaces.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
        let spaced = String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
        return spaced.split(separator: " ").joined(separator: " ")
    }

    /// The gemeente name of a region (its own name for a gemeente).
    public func gemeenteName(_ code: RegionCode) -> String {
        code.gemeente.flatMap { population.region($0)?.name } ?? ""
    }

    func candidate(_ r: RegionPopulation) -> Candidate {
        Candidate(code: r.code, name: r.name, gemeente: gemeenteName(r.code), residents: r.inwoners ?? r.counts[.gender]?.reduce(0, +))
    }

    /// Splits "Feijenoord (buurt, Rotterdam)" into the name and its qualifiers.
    static func parse(_ query: String) -> (name: String, level: RegionLevel?, gemeente: String?) {
        var name = query.trimmingSpaces(), level: RegionLevel?, gemeente: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
            name = String(name[..<open]).trimmingSpaces()
            for part in inside.split(separator: ",").map({ fold(String($0)) }) where !part.isEmpty {
                switch part {
                case "gemeente": level = .gemeente
                case "wijk": level = .wijk
                case "buurt": level = .buurt
                default: gemeente = part
                }
            }
        }
        return (name, level, gemeente)
    }

    /// Regions whose name is the query's name (after folding), narrowed by its qualifiers.
    public func exact(_ query: String) -> [Candidate] {
        let q = Self.parse(query), name = Self.fold(q.name)
        return population.regions.filter { r in
            r.code.level != .country && !r.name.isEmpty && Self.fold(r.name) == name
                && (q.level == nil || r.code.level == q.level)
                && (q.gemeente == nil || Self.fold(gemeenteName(r.code)) == q.gemeente)
        }.map(candidate)
    }

    /// Regions whose name contains the text (for `bereik areas`), gemeenten first, then by name.
    public func containing(_ text: String) -> [Candidate] {
        let q = Self.parse(text), name = Self.fold(q.name)
        return population.regions.filter { r in
            !r.name.isEmpty && (name.isEmpty || Self.fold(r.name).contains(name) || r.code.raw.lowercased().hasPrefix(name.replacingOccurrences(of: " ", with: "")))
                && (q.level == nil || r.code.level == q.level)
                && (q.gemeente == nil || Self.fold(gemeenteName(r.code)) == q.gemeente)
        }.map(candidate).sorted { ($0.code.level, Self.fold($0.name), $0.code) < ($1.code.level, Self.fold($1.name), $1.code) }
    }

    /// Regions whose name is one or two typing errors away (Levenshtein distance ≤ 1 for names up to
    /// 5 letters, ≤ 2 beyond), closest first: suggestions for a name that matched nothing.
    public func similar(_ query: String) -> [Candidate] {
        let name = Array(Self.fold(Self.parse(query).name).unicodeScalars)
        guard !name.isEmpty else { return [] }
        let limit = name.count <= 5 ? 1 : 2
        var scored: [(Int, RegionPopulation)] = []
        for r in population.regions where !r.name.isEmpty && r.code.level != .country {
            let other = Array(Self.fold(r.name).unicodeScalars)
            guard abs(other.count - name.count) <= limit else { continue }
            let d = Self.distance(name, other, limit: limit)
            if d <= limit { scored.append((d, r)) }
        }
        return scored.sorted { ($0.0, $0.1.code.level, $0.1.code) < ($1.0, $1.1.code.level, $1.1.code) }.map { candidate($0.1) }
    }

    /// Levenshtein distance, stopping early above `limit` (two rows of the usual table).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = current[0]
            for j in 1...max(1, b.count) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The one region a name means: the only exact match, or the only gemeente (else wijk) among
    /// several ("Rotterdam" is the gemeente, not a buurt of that name elsewhere). Nil with the
    /// candidates when it stays ambiguous, or with none when nothing has that name.
    public func resolve(_ query: String) -> (code: RegionCode?, candidates: [Candidate]) {
        let found = exact(query)
        if found.count == 1 { return (found[0].code, found) }
        for level in [RegionLevel.gemeente, .wijk] {
            let atLevel = found.filter { $0.code.level == level }
            if atLevel.count == 1 { return (atLevel[0].code, found) }
            if atLevel.count > 1 { break }
        }
        return (nil, found)
    }
}

extension RegionLevel {
    /// Level as a kind word people use: gemeente, wijk, buurt, land.
    public var kind: String { rawValue }
}

/// An area given by a name that no region has, or that several regions share.
public enum AreaNameProblem: Error, Sendable, Equatable {
    case unknown(String, suggestions: [AreaSearch.Candidate])
    case ambiguous(String, candidates: [AreaSearch.Candidate])
}
