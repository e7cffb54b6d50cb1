import BereikData
import BereikPipeline

/// The words of `bereik model`, per language (kept apart from `Words` because they belong to one command).
public struct ModelWords: Sendable {
    public let title: String
    /// "gecorrigeerd voor SES-WOA van de buurt (als groepen)" etc.
    public let adjustedFor: @Sendable (_ form: String) -> String
    public let sesForms: [String: String]
    public let standardErrors: [String: String]
    public let reference, referenceMostResidents, sesReference, term, level, participants, crude, adjusted, p, robustSE, score: String
    public let termTest: String
    public let fitLine: @Sendable (_ cells: String, _ buurten: String, _ persons: String, _ deviance: String, _ df: String) -> String
    public let dispersion: @Sendable (_ phi: String, _ standardErrors: String, _ aboveOne: Bool) -> String
    /// The column of the standard error behind the intervals, per `--se`.
    public let usedSE: [String: String]
    public let ratio: String
    public let scoreUnit: @Sendable (_ sd: String) -> String
    public let leftOut: [String: String]
    public let withheld: String
    /// Sentences on the SES difference with and without the person dimension: by, level, reference, crude, adjusted.
    public let sesSmaller, sesLarger, sesSame, sesGone: @Sendable (_ by: String, _ change: String, _ p: String) -> String
    public let sesNone: @Sendable (_ p: String) -> String
    /// When the SES groups differ but not along the gradient: the term test's p.
    public let sesGroupsDiffer: @Sendable (_ p: String) -> String
    public let change: @Sendable (_ level: String, _ reference: String, _ crude: String, _ adjusted: String) -> String
    public let lessWithinSES: @Sendable (_ levels: String, _ reference: String) -> String
    public let lessOverall: @Sendable (_ levels: String, _ reference: String) -> String
    public let moreWithinSES: @Sendable (_ levels: String, _ reference: String) -> String
    public let moreOverall: @Sendable (_ levels: String, _ reference: String) -> String
    public let versus: String

    static let dutch = ModelWords(
        title: "Verhoudingen in bereik (Poisson-regressie)",
        adjustedFor: { "gecorrigeerd voor SES-WOA van de buurt (\($0))" },
        sesForms: ["groups": "als groepen", "score": "als score"],
        standardErrors: ["quasi": "quasi-Poisson: intervallen met de spreiding φ, t-verdeling", "model": "Poisson: modelgebaseerde standaardfouten",
                         "robust": "robuuste standaardfouten per buurt (sandwich)"],
        reference: "Vergelijkingsgroep", referenceMostResidents: "de groep met de meeste inwoners", sesReference: "SES vergeleken met",
        term: "Kenmerk", level: "Groep", participants: "Deeln.", crude: "Zonder correctie (BI)", adjusted: "Met correctie (BI)", p: "p",
        robustSE: "SE robuust", score: "per standaardafwijking hogere SES-score",
        termTest: "Toets per kenmerk (model zonder dat kenmerk tegen het volledige model)",
        fitLine: { "\($0) cellen (buurt × groep) in \($1) buurten, \($2); deviantie \($3) op \($4) vrijheidsgraden" },
        dispersion: { phi, se, above in
            switch se {
            case "quasi": return "spreiding φ = \(phi)" + (above ? " (boven 1: meer variatie tussen buurten dan toeval; de intervallen zijn daarvoor verbreed met √φ)" : " (niet boven 1: geen extra variatie tussen buurten)")
            case "model": return "spreiding φ = \(phi) (de intervallen gebruiken φ niet: --se model)"
            default: return "spreiding φ = \(phi) (de robuuste intervallen houden rekening met verschillen tussen buurten)"
            }
        },
        usedSE: ["quasi": "SE (quasi)", "model": "SE (model)", "robust": "SE (robuust)"], ratio: "Verhouding (BI)",
        scoreUnit: { "SES als score: verhouding per standaardafwijking (\($0) punt) hogere SES-WOA-score" },
        leftOut: ["buurt_without_data": "personen uit een buurt zonder CBS-aantallen of SES-score", "cell_without_residents": "personen in een cel zonder inwoners",
                  "unknown_gender": "personen met onbekend geslacht", "unknown_age": "personen met onbekende leeftijd", "unknown_origin": "personen met onbekende herkomst"],
        withheld: "De verhoudingen zijn niet getoond: een groep heeft zo weinig deelnemers dat ze het aantal zouden verraden.",
        sesSmaller: { "Na correctie voor \($0) is de SES-gradiënt in bereik kleiner, maar nog duidelijk (trendtoets p \($2)): \($1)." },
        sesLarger: { "Na correctie voor \($0) is de SES-gradiënt in bereik groter (trendtoets p \($2)): \($1)." },
        sesSame: { "Na correctie voor \($0) blijft de SES-gradiënt in bereik ongeveer even groot (trendtoets p \($2)): \($1)." },
        sesGone: { "Na correctie voor \($0) is er geen duidelijke SES-gradiënt in bereik meer (trendtoets p \($2)): \($1)." },
        sesNone: { "Ook zonder correctie is er geen duidelijke SES-gradiënt in bereik (trendtoets p \($0))." },
        sesGroupsDiffer: { "De SES-groepen verschillen wel onderling (F-toets p \($0)), maar niet oplopend met de SES." },
        change: { "\($0) t.o.v. \($1) van \($2) naar \($3)" },
        lessWithinSES: { "Ook bij gelijke SES van de buurt doen minder mee dan \($1): \($0)." },
        lessOverall: { "Minder vaak bereikt dan \($1): \($0)." },
        moreWithinSES: { "Ook bij gelijke SES van de buurt doen vaker mee dan \($1): \($0)." },
        moreOverall: { "Vaker bereikt dan \($1): \($0)." },
        versus: "t.o.v.")

    static let english = ModelWords(
        title: "Rate ratios of reach (Poisson regression)",
        adjustedFor: { "adjusted for the buurt's SES-WOA (\($0))" },
        sesForms: ["groups": "as groups", "score": "as a score"],
        standardErrors: ["quasi": "quasi-Poisson: intervals with the dispersion φ, t distribution", "model": "Poisson: model-based standard errors",
                         "robust": "cluster-robust standard errors by buurt (sandwich)"],
        reference: "Reference group", referenceMostResidents: "the group with the most residents", sesReference: "SES compared with",
        term: "Characteristic", level: "Group", participants: "Part.", crude: "Unadjusted (CI)", adjusted: "Adjusted (CI)", p: "p",
        robustSE: "Robust SE", score: "per standard deviation higher SES score",
        termTest: "Test per characteristic (model without it against the full model)",
        fitLine: { "\($0) cells (buurt × group) in \($1) buurten, \($2); deviance \($3) on \($4) degrees of freedom" },
        dispersion: { phi, se, above in
            switch se {
            case "quasi": return "dispersion φ = \(phi)" + (above ? " (above 1: more variation between buurten than chance; the intervals are widened by √φ)" : " (not above 1: no extra variation between buurten)")
            case "model": return "dispersion φ = \(phi) (the intervals do not use φ: --se model)"
            default: return "dispersion φ = \(phi) (the robust intervals allow for differences between buurten)"
            }
        },
        usedSE: ["quasi": "SE (quasi)", "model": "SE (model)", "robust": "SE (robust)"], ratio: "Ratio (CI)",
        scoreUnit: { "SES as a score: ratio per standard deviation (\($0) points) higher SES-WOA score" },
        leftOut: ["buurt_without_data": "persons from a buurt without CBS counts or SES score", "cell_without_residents": "persons in a cell without residents",
                  "unknown_gender": "persons of unknown gender", "unknown_age": "persons of unknown age", "unknown_origin": "persons of unknown origin"],
        withheld: "The ratios are not shown: a group has so few participants that they would reveal its count.",
        sesSmaller: { "After adjusting for \($0), the SES gradient in reach is smaller but still clear (trend test p \($2)): \($1)." },
        sesLarger: { "After adjusting for \($0), the SES gradient in reach is larger (trend test p \($2)): \($1)." },
        sesSame: { "After adjusting for \($0), the SES gradient in reach stays about the same (trend test p \($2)): \($1)." },
        sesGone: { "After adjusting for \($0), there is no clear SES gradient in reach any more (trend test p \($2)): \($1)." },
        sesNone: { "Even without adjustment there is no clear SES gradient in reach (trend test p \($0))." },
        sesGroupsDiffer: { "The SES groups do differ from each other (F test p \($0)), but not along the SES order." },
        change: { "\($0) vs \($1) from \($2) to \($3)" },
        lessWithinSES: { "Also at equal buurt SES, taking part less than \($1): \($0)." },
        lessOverall: { "Reached less often than \($1): \($0)." },
        moreWithinSES: { "Also at equal buurt SES, taking part more often than \($1): \($0)." },
        moreOverall: { "Reached more often than \($1): \($0)." },
        versus: "vs")
}

extension Language {
    public var model: ModelWords { self == .nl ? ModelWords.dutch : ModelWords.english }
}

extension Language {
    /// Why `bereik model` cannot answer, with the fix.
    public func message(_ problem: ModelProblem) -> String {
        let nl = self == .nl, w = words
        func dimension(_ d: BereikData.Dimension) -> String { w.dimension[d]?.lowercased() ?? d.rawValue }
        switch problem {
        case .sesIsNotAPersonDimension:
            return nl ? "--by ses kan niet: kies een kenmerk van personen (gender, age of origin) en gebruik --adjust ses voor SES"
                      : "--by ses is not possible: choose a characteristic of persons (gender, age or origin) and use --adjust ses for SES"
        case .noColumn(let d):
            return nl ? "de deelnemerslijst heeft geen kolom voor \(dimension(d)); kies een ander --by of voeg de kolom toe"
                      : "the attendance file has no column for \(dimension(d)); choose another --by or add the column"
        case .noBuurt:
            return nl ? "een model per buurt heeft de buurt of postcode van de deelnemers nodig; voeg die kolom toe"
                      : "a model per buurt needs the participants' buurt or postcode; add that column"
        case .noSES:
            return nl ? "--adjust ses heeft SES-WOA-scores nodig: geef --ses (CBS SES-WOA per wijk/buurt)"
                      : "--adjust ses needs SES-WOA scores: give --ses (CBS SES-WOA per wijk/buurt)"
        case .tooFewLevels(let d):
            return nl ? "\(dimension(d)) heeft in de buurten van het model minder dan twee groepen met inwoners; er valt niets te vergelijken"
                      : "\(dimension(d)) has fewer than two groups with residents in the model's buurten; there is nothing to compare"
        case .emptyLevel(let term, let level):
            let name = term == "ses" ? level : w.label(level)
            return nl ? "de groep \(name) heeft geen deelnemers in de buurten van het model: haar verhouding is 0 en niet te schatten; kijk naar `bereik compare` of kies minder SES-groepen (--ses-groups)"
                      : "the group \(name) has no participants in the model's buurten: its ratio is 0 and cannot be estimated; see `bereik compare` or choose fewer SES groups (--ses-groups)"
        case .unknownReference(let given, let choices):
            return nl ? "--reference \(given) is geen groep van dit kenmerk; kies uit: \(choices.joined(separator: ", "))"
                      : "--reference \(given) is not a group of this characteristic; choose from: \(choices.joined(separator: ", "))"
        case .fit(let reason):
            return nl ? "het model kon niet worden geschat: \(reason)" : "the model could not be fitted: \(reason)"
        }
    }
}

extension Language {
    /// Why `heterogeneity --by initiative` cannot answer, with the fix.
    public func message(_ problem: ActivityProblem) -> String {
        switch problem {
        case .fewerThanTwoInitiatives(let file, let found):
            let list = found.isEmpty ? (self == .nl ? "geen" : "none") : found.joined(separator: ", ")
            return self == .nl
                ? "\(file): voor een vergelijking tussen initiatieven zijn er minstens twee nodig in een kolom 'initiatief' (of 'project'); gevonden: \(list). Voeg die kolom toe, of noem hem met --column initiative=KOLOM"
                : "\(file): comparing initiatives needs at least two in a column 'initiative' (or 'project'); found: \(list). Add that column, or name it with --column initiative=COLUMN"
        }
    }
}
