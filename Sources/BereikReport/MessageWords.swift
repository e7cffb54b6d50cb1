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

    static let dutch = MessageWords(
        warning: "Let op",
        fix: [
            .noPersonID: "vul bij elke rij een deelnemer in, of noem de juiste kolom met --column person=KOLOM",
            .unparseableDate: "schrijf datums als 31-12-2024 of 2024-12-31",
            .noDate: "vul de datum in, of laat de datumkolom weg als er geen datums zijn",
            .outsidePeriod: "controleer --from en --to (of area.from/area.to in het projectbestand)",
            .noBuurt: "voeg een kolom met postcode of buurtcode toe",
            .unknownBuurt: "gebruik buurtcodes uit hetzelfde jaar als de bevolkingstabel (codes veranderen elk jaar)",
            .unknownPostcode: "controleer de postcodes (1234 AB), of geef met --postcodes het CBS-bestand 'Buurt, wijk en gemeente 2024 voor postcode huisnummer'",
            .outsideArea: "controleer --area: geen enkele deelnemer woont in dit gebied",
        ],
        emptyFile: { "\($0): het bestand heeft een kopregel maar geen rijen met bezoeken." },
        noUsableRows: { "\($0): geen enkele rij bruikbaar (\($1) gelezen). Meest voorkomende reden: \($3) (\($2) rijen). Oplossing: \($4)." },
        dimensionWithoutValues: { file, dimension, column, examples in
            "\(file): niemand heeft een bekende waarde voor \(dimension) (kolom \(column))" + (examples.isEmpty ? "" : "; waarden zoals \(examples) worden niet herkend")
                + ". Oplossing: gebruik de waarden uit de README (bijv. man/vrouw, M/V), of laat deze indeling weg met --by."
        },
        manyRowsExcluded: { "meer dan 10% van de rijen in gebied en periode is niet gebruikt, vooral: \($0). Oplossing: \($1); zie de verantwoording onderaan." },
        manyUnknown: { "van meer dan 20% van de deelnemers is \($0) onbekend; de vergelijking voor \($0) zegt alleen iets over de rest." })

    static let english = MessageWords(
        warning: "Warning",
        fix: [
            .noPersonID: "fill in a participant on every row, or name the right column with --column person=COLUMN",
            .unparseableDate: "write dates as 31-12-2024 or 2024-12-31",
            .noDate: "fill in the date, or leave the date column out if there are no dates",
            .outsidePeriod: "check --from and --to (or area.from/area.to in the project file)",
            .noBuurt: "add a column with the postcode or the buurt code",
            .unknownBuurt: "use buurt codes of the population table's year (codes change every year)",
            .unknownPostcode: "check the postcodes (1234 AB), or give CBS's 'Buurt, wijk en gemeente 2024 voor postcode huisnummer' file with --postcodes",
            .outsideArea: "check --area: no participant lives in this area",
        ],
        emptyFile: { "\($0): the file has a header but no visit rows." },
        noUsableRows: { "\($0): no row can be used (\($1) read). Main reason: \($3) (\($2) rows). Fix: \($4)." },
        dimensionWithoutValues: { file, dimension, column, examples in
            "\(file): nobody has a known value for \(dimension) (column \(column))" + (examples.isEmpty ? "" : "; values such as \(examples) are not recognised")
                + ". Fix: use the values listed in the README (e.g. man/vrouw, M/F), or leave this dimension out with --by."
        },
        manyRowsExcluded: { "more than 10% of the rows within the area and period were not used, mainly: \($0). Fix: \($1); see the row account at the end." },
        manyUnknown: { "\($0) is unknown for more than 20% of the participants; the comparison by \($0) speaks only for the rest." })
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
        case .dimensionWithoutValues(let file, let dimension, let column, let examples):
            return m.dimensionWithoutValues(file, (w.dimension[dimension] ?? dimension.rawValue).lowercased(), "'\(Escape.terminal(column))'",
                                            examples.map { "'\(Escape.terminal(Excerpt.text($0, limit: 24)))'" }.joined(separator: ", "))
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
