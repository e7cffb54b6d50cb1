import BereikData
import BereikPipeline

/// Errors and warnings for people, per language: the cause and the fix in one or two sentences.
/// Canonical keys stay in English in JSON; everything a person reads comes from these tables.
public struct MessageWords: Sendable {
    /// "Warning" before a line at the top of an output.
    public let warning: String
    /// Per exclusion reason: what to do about it.
    public let fix: [ExclusionReason: String]
    public let emptyFile: @Sendable (_ file: String) -> String
    public let noUsableRows: @Sendable (_ file: String, _ rows: String, _ count: String, _ reason: String, _ fix: String) -> String
    public let dimensionWithoutValues: @Sendable (_ file: String, _ dimension: String, _ column: String, _ examples: String) -> String
    public let manyRowsExcluded: @Sendable (_ reason: String, _ fix: String) -> String
    public let manyUnknown: @Sendable (_ dimension: String) -> String
    public let notPlacedAtLevel: @Sendable (_ file: String, _ level: String, _ persons: String) -> String
    public let postcodesTooCoarse: @Sendable (_ file: String, _ rows: String, _ fix: String) -> String
    public let areaUnknown: @Sendable (_ query: String, _ suggestions: String) -> String
    public let areaAmbiguous: @Sendable (_ query: String, _ count: String, _ candidates: String) -> String
    /// "wijk Feijenoord in Rotterdam, WK059910, 79.440 inwoners"
    public let candidate: @Sendable (_ kind: String, _ name: String, _ gemeente: String, _ code: String, _ residents: String) -> String
    public let nameChoice: @Sendable (_ query: String, _ chosen: String, _ others: String) -> String
    public let kinds: [RegionLevel: String]
    public let namesAsPersons: @Sendable (_ column: String) -> String
    /// The bundled population table as named in the row account.
    public let bundledPopulationName: String
    public let validate: ValidateWords

    /// `bereik validate`'s lines.
    public struct ValidateWords: Sendable {
        public let rowsExcluded: @Sendable (_ count: String, _ reason: String, _ lines: String, _ fix: String) -> String
        public let examples: @Sendable (_ cells: String) -> String
        public let line: String, lines: String
        public let unrecognised: @Sendable (_ role: String, _ values: String) -> String
        public let attendanceSummary: @Sendable (_ file: String, _ rows: String, _ used: String, _ persons: String, _ format: String) -> String
        public let populationSummary: @Sendable (_ file: String, _ regions: String, _ layout: String) -> String
        /// The population table of a run, by its number of regions.
        public let regionsSummary: @Sendable (_ file: String, _ regions: String) -> String
        public let sesSummary: @Sendable (_ file: String, _ scores: String, _ suppressed: String) -> String
        public let postcodesSummary: @Sendable (_ file: String, _ postcodes: String) -> String
        /// Persons who live outside the area, resolved from all their rows, and their rows.
        public let outsideArea: @Sendable (_ rows: String, _ persons: String) -> String
        public let problem, ok: String
        public let problemsFound: @Sendable (_ count: String) -> String
    }

    static let dutch = MessageWords(
        warning: "Let op",
        fix: [
            .emptyRow: "vul de lijst met één rij per bezoek", .totalRow: "vul de lijst met één rij per bezoek",
            .noPersonID: "vul bij elke rij een deelnemer in, of noem de juiste kolom met --column person=KOLOM",
            .unparseableDate: "schrijf datums als 31-12-2024 of 2024-12-31",
            .noDate: "vul de datum in, of laat de datumkolom weg als er geen datums zijn",
            .outsidePeriod: "controleer --from en --to (of area.from/area.to in het projectbestand)",
            .noBuurt: "voeg een kolom met postcode of buurtcode toe",
            .unknownBuurt: "gebruik buurtcodes uit hetzelfde jaar als de bevolkingstabel (codes veranderen elk jaar)",
            .unknownPostcode: "controleer de postcodes (1234 AB), of geef met --postcodes het CBS-bestand 'Buurt, wijk en gemeente 2024 voor postcode huisnummer'",
            .outsideArea: "controleer --area: geen enkele deelnemer woont in dit gebied",
            .postcodeTooCoarse: "download bij CBS 'Buurt, wijk en gemeente 2024 voor postcode huisnummer' (pc6hnr20240801_gwb) en geef het met --postcodes, of kies een groter gebied (de gemeente)",
        ],
        emptyFile: { "\($0): het bestand heeft een kopregel maar geen rijen met bezoeken." },
        noUsableRows: { "\($0): geen enkele rij bruikbaar (\($1) gelezen). Meest voorkomende reden: \($3) (\($2) rijen). Oplossing: \($4)." },
        dimensionWithoutValues: { file, dimension, column, examples in
            "\(file): niemand heeft een bekende waarde voor \(dimension) (kolom \(column))" + (examples.isEmpty ? "" : "; waarden zoals \(examples) worden niet herkend")
                + ". Oplossing: gebruik de waarden uit de README (bijv. man/vrouw, M/V), of laat deze indeling weg met --by."
        },
        manyRowsExcluded: { "meer dan 10% van de rijen in gebied en periode is niet gebruikt, vooral: \($0). Oplossing: \($1); zie de verantwoording onderaan." },
        manyUnknown: { "van meer dan 20% van de deelnemers is \($0) onbekend; de vergelijking voor \($0) zegt alleen iets over de rest." },
        notPlacedAtLevel: { "\($0): van geen van de \($2) personen is de \($1) bekend (hun viercijferige postcode plaatst hen alleen in wijk of gemeente), dus verschillen tussen \($1)en zijn niet te berekenen. Oplossing: geef met --postcodes het CBS-bestand 'Buurt, wijk en gemeente 2024 voor postcode huisnummer' (pc6hnr20240801_gwb), een kolom met buurtcodes, of kies --by wijk." },
        postcodesTooCoarse: { "\($0): van \($1) rijen is alleen de gemeente of wijk bekend (viercijferige postcode), niet of ze in het gekozen gebied wonen. Oplossing: \($2)." },
        areaUnknown: { "--area: geen gemeente, wijk of buurt heet '\($0)'" + ($1.isEmpty ? "; zoek met 'bereik areas NAAM' of geef een CBS-code (GM0599, WK059910, BU05991081)." : ". Bedoelt u: \($1)? Zoek met 'bereik areas NAAM'.") },
        areaAmbiguous: { "--area: '\($0)' past bij \($1) gebieden: \($2). Kies met de code, of met de gemeente of soort erbij, bijv. 'Centrum (Utrecht)' of 'Feijenoord (buurt)'." },
        candidate: { "\($0) \($1)" + ($2.isEmpty ? "" : " in \($2)") + " (\($3)" + ($4.isEmpty ? "" : ", \($4) inwoners") + ")" },
        nameChoice: { "'\($0)' is opgevat als \($1); ook zo heet: \($2)" },
        kinds: [.country: "land", .gemeente: "gemeente", .wijk: "wijk", .buurt: "buurt"],
        namesAsPersons: { "De kolom '\($0)' bevat namen: mensen met dezelfde naam tellen als één persoon. Gebruik liever een deelnemersnummer." },
        bundledPopulationName: "CBS Kerncijfers Wijken en Buurten 2024 (meegeleverd)",
        validate: ValidateWords(
            rowsExcluded: { "\($0) rijen: \($1) — \($2); oplossing: \($3)" },
            examples: { "  voorbeelden: \($0)" }, line: "regel", lines: "regels",
            unrecognised: { "niet herkende waarden voor \($0): \($1)" },
            attendanceSummary: { "\($0): \($1) rijen, \($2) bruikbaar, \($3) personen; \($4)" },
            populationSummary: { "\($0): \($1) gebieden, opmaak \($2)" },
            regionsSummary: { "\($0): \($1) gebieden" },
            sesSummary: { "\($0): \($1) scores, \($2) afgeschermd" },
            postcodesSummary: { "\($0): \($1) postcodes" },
            outsideArea: { "  \($0) rijen van \($1) personen die buiten het gebied wonen (waar iemand woont volgt uit al zijn of haar rijen)" },
            problem: "probleem", ok: "In orde: geen problemen gevonden",
            problemsFound: { "\($0) probleem/problemen gevonden" }))

    static let english = MessageWords(
        warning: "Warning",
        fix: [
            .emptyRow: "fill the list with one row per visit", .totalRow: "fill the list with one row per visit",
            .noPersonID: "fill in a participant on every row, or name the right column with --column person=COLUMN",
            .unparseableDate: "write dates as 31-12-2024 or 2024-12-31",
            .noDate: "fill in the date, or leave the date column out if there are no dates",
            .outsidePeriod: "check --from and --to (or area.from/area.to in the project file)",
            .noBuurt: "add a column with the postcode or the buurt code",
            .unknownBuurt: "use buurt codes of the population table's year (codes change every year)",
            .unknownPostcode: "check the postcodes (1234 AB), or give CBS's 'Buurt, wijk en gemeente 2024 voor postcode huisnummer' file with --postcodes",
            .outsideArea: "check --area: no participant lives in this area",
            .postcodeTooCoarse: "download CBS's 'Buurt, wijk en gemeente 2024 voor postcode huisnummer' (pc6hnr20240801_gwb) and give it with --postcodes, or choose a larger area (the gemeente)",
        ],
        emptyFile: { "\($0): the file has a header but no visit rows." },
        noUsableRows: { "\($0): no row can be used (\($1) read). Main reason: \($3) (\($2) rows). Fix: \($4)." },
        dimensionWithoutValues: { file, dimension, column, examples in
            "\(file): nobody has a known value for \(dimension) (column \(column))" + (examples.isEmpty ? "" : "; values such as \(examples) are not recognised")
                + ". Fix: use the values listed in the README (e.g. man/vrouw, M/F), or leave this dimension out with --by."
        },
        manyRowsExcluded: { "more than 10% of the rows within the area and period were not used, mainly: \($0). Fix: \($1); see the row account at the end." },
        manyUnknown: { "\($0) is unknown for more than 20% of the participants; the comparison by \($0) speaks only for the rest." },
        notPlacedAtLevel: { "\($0): none of the \($2) persons has a known \($1) (their four-digit postcode places them only in a wijk or gemeente), so differences between \($1)s cannot be computed. Fix: give CBS's 'Buurt, wijk en gemeente 2024 voor postcode huisnummer' file (pc6hnr20240801_gwb) with --postcodes, a buurt code column, or choose --by wijk." },
        postcodesTooCoarse: { "\($0): for \($1) rows only the gemeente or wijk is known (four-digit postcode), not whether they live in the chosen area. Fix: \($2)." },
        areaUnknown: { "--area: no gemeente, wijk or buurt is called '\($0)'" + ($1.isEmpty ? "; search with 'bereik areas NAME' or give a CBS code (GM0599, WK059910, BU05991081)." : ". Did you mean: \($1)? Search with 'bereik areas NAME'.") },
        areaAmbiguous: { "--area: '\($0)' matches \($1) areas: \($2). Choose by code, or add the gemeente or kind, e.g. 'Centrum (Utrecht)' or 'Feijenoord (buurt)'." },
        candidate: { "\($0) \($1)" + ($2.isEmpty ? "" : " in \($2)") + " (\($3)" + ($4.isEmpty ? "" : ", \($4) residents") + ")" },
        nameChoice: { "'\($0)' was taken as \($1); also called so: \($2)" },
        kinds: [.country: "country", .gemeente: "gemeente", .wijk: "wijk", .buurt: "buurt"],
        namesAsPersons: { "The column '\($0)' holds names: people with the same name count as one person. A participant number is better." },
        bundledPopulationName: "CBS Kerncijfers Wijken en Buurten 2024 (bundled)",
        validate: ValidateWords(
            rowsExcluded: { "\($0) rows: \($1) — \($2); fix: \($3)" },
            examples: { "  examples: \($0)" }, line: "line", lines: "lines",
            unrecognised: { "unrecognised values for \($0): \($1)" },
            attendanceSummary: { "\($0): \($1) rows, \($2) usable, \($3) persons; \($4)" },
            populationSummary: { "\($0): \($1) regions, layout \($2)" },
            regionsSummary: { "\($0): \($1) regions" },
            sesSummary: { "\($0): \($1) scores, \($2) suppressed" },
            postcodesSummary: { "\($0): \($1) postcodes" },
            outsideArea: { "  \($0) rows of \($1) persons living outside the area (where someone lives follows from all their rows)" },
            problem: "problem", ok: "OK: no problems found",
            problemsFound: { "\($0) problem(s) found" }))
}

extension Language {
    public var messages: MessageWords { self == .nl ? .dutch : .english }

    /// An input problem as one or two sentences with the fix.
    public func message(_ problem: InputProblem) -> String {
        let m = messages, w = words
        switch problem {
        case .noUsableRows(let file, let rows, let reason, let count):
            guard let reason else { return m.emptyFile(file) }
            return m.noUsableRows(file, integer(rows), integer(count), w.exclusion[reason] ?? reason.rawValue, m.fix[reason] ?? "")
        case .notPlacedAtLevel(let file, let level, let persons):
            return m.notPlacedAtLevel(file, level, integer(persons))
        case .postcodesTooCoarse(let file, let rows):
            return m.postcodesTooCoarse(file, integer(rows), m.fix[.postcodeTooCoarse]!)
        case .dimensionWithoutValues(let file, let dimension, let column, let examples):
            return m.dimensionWithoutValues(file, (w.dimension[dimension] ?? dimension.rawValue).lowercased(), "'\(Escape.terminal(column))'",
                                            examples.map { "'\(Escape.terminal(Excerpt.text($0, limit: 24)))'" }.joined(separator: ", "))
        }
    }

    /// A region found by name, with its kind, gemeente, code and residents.
    public func candidate(_ c: AreaSearch.Candidate) -> String {
        messages.candidate(messages.kinds[c.code.level] ?? c.code.level.rawValue, Escape.terminal(c.name),
                           c.code.level == .gemeente ? "" : Escape.terminal(c.gemeente), c.code.raw, c.residents.map(integer) ?? "")
    }

    public func message(_ problem: AreaNameProblem) -> String {
        switch problem {
        case .unknown(let query, let suggestions):
            return messages.areaUnknown(Escape.terminal(Excerpt.text(query, limit: 60)), suggestions.map(candidate).joined(separator: "; "))
        case .ambiguous(let query, let candidates):
            var list = candidates.prefix(12).map(candidate).joined(separator: "; ")
            if candidates.count > 12 { list += "; …" }
            return messages.areaAmbiguous(Escape.terminal(Excerpt.text(query, limit: 60)), integer(candidates.count), list)
        }
    }

    /// The warnings among a run's notes, worded, for the top of every output.
    public func warnings(_ notes: [RunNote]) -> [String] {
        let m = messages, w = words
        return notes.compactMap { note in
            switch note {
            case .manyRowsExcluded(let reason): return "\(m.warning): " + m.manyRowsExcluded(w.exclusion[reason] ?? reason.rawValue, m.fix[reason] ?? "")
            case .manyUnknown(let d): return "\(m.warning): " + m.manyUnknown((w.dimension[d] ?? d.rawValue).lowercased())
            default: return nil
            }
        }
    }
}
