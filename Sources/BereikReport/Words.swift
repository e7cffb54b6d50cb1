import BereikData
import BereikStats

/// Every word Bereik shows, per language, in one place. Renderers take words from here only.
public struct Words: Sendable {
    public let dimension: [Dimension: String]
    public let category: [String: String]
    public let flag: [RepresentationFlag: String]
    public let exclusion: [ExclusionReason: String]
    public let columns: Columns
    public let labels: Labels

    public struct Columns: Sendable {
        public let group, participants, share, residentShare, ratio, reach, missing, flag: String
    }

    public struct Labels: Sendable {
        public let title, area, population, attendance, rowsRead, rowsUsed, excluded, persons, personsOutsideArea,
                   fitTest, dissimilarity, rIndicator, unknown, conflicts, unrecognised, summary, noDifferences,
                   bundled, noBuurt, sesUnavailable, noColumn, smallGroups, noResidents, exceedResidents,
                   monteCarlo, singleCategory, noParticipants, withoutData, blankLines, per1000, sesScores, suppressedNote, suppressedCells, missingExplained: String
        public let heterogeneity: HeterogeneityWords
        public let trend: TrendWords
        /// "BI" / "CI"; the note on units withheld ("%d"); verdict words for withheld statistics.
        public let ciAbbreviation, unitsWithheld, statisticsWithheld, substantialDifferences, smallDifferences: String
        public let missingSentence: @Sendable (_ groups: String) -> String
        public let overSentence: @Sendable (_ groups: String) -> String
        public let missingPeople: @Sendable (_ count: String) -> String
        /// What could have been found where nothing was: dimension, participants, ratio range, α.
        public let detectable: @Sendable (_ dimension: String, _ participants: String, _ ratios: String, _ alpha: String) -> String
        /// "a ratio below %@" / "above %@", and the word joining them.
        public let ratioBelow: @Sendable (String) -> String
        public let ratioAbove: @Sendable (String) -> String
        public let or: String
        public let notDetectable: @Sendable (_ dimension: String, _ participants: String) -> String
        /// With --cluster buurt: the Rao–Scott fit test and the mean design effect.
        public let raoScott: @Sendable (_ chi2: String, _ p: String, _ deff: String) -> String
        /// How SES groups were made: relative to the area, national cut points, given cut points; empty groups.
        public let sesRelative, sesNational: String
        public let sesCutPoints: @Sendable (_ cuts: String) -> String
        public let sesEmpty: @Sendable (_ groups: String) -> String
        /// The reach CBS's rounding to 5 alone allows for small groups: the list "group (N): a–b".
        public let rounding: @Sendable (_ groups: String) -> String
        /// A group with more participants than even rounding allows for.
        public let beyondRounding: String
        /// CV = S(ρ)/ρ̄ with its reading: the maximal bias of participants' averages, in standard deviations.
        public let maximalBias: @Sendable (_ cv: String) -> String
    }

    public struct HeterogeneityWords: Sendable {
        public let titleUnits, titleActivities, titleGradient, unit, name, shrunk, funnel, flagLow, flagHigh, homogeneity,
                   prediction, overdispersion, leftOut, independence, segregation, contribution, activity, sii, rii,
                   concentration, concentrationNegative, concentrationPositive, concentrationUnclear, siiReading: String
        /// Why no SII was computed (by `SlopeIndexOfInequality.Omission` raw value), the RII without
        /// a finite interval, and the interval method used when a group has no participants.
        public let siiNotComputed: String, siiOmission: [String: String], riiUndefined: String, siiJeffreys: String
        public let noSES, buurtenRanked, flagAdjusted: String
        /// The buurt bootstrap's intervals: replicates, then "SII a (b–c); C d (e–f)".
        public let clusterBootstrap: @Sendable (_ replicates: String, _ intervals: String) -> String
        /// The funnel limits' method in words, by `FunnelMethod` raw value.
        public let funnelMethod: [String: String]
        /// How the activity test was done, with the number of permutations.
        public let permutationTest: @Sendable (_ permutations: String) -> String
    }

    public struct TrendWords: Sendable {
        public let title, period, new, returning, retained, reach, retention, cumulative, test, rising, falling, flat,
                   attended, undated: String
        /// φ and the quasi-binomial p beside the trend test; the note when φ is large.
        public let dispersion: @Sendable (_ phi: String, _ p: String) -> String
        public let dispersionLarge: String
    }

    /// A column role in words: its dimension's name ("geslacht"), else the role's key ("date").
    public func roleName(_ role: AttendanceRole) -> String {
        role.dimension.flatMap { dimension[$0]?.lowercased() } ?? role.rawValue
    }

    /// The display label of a canonical key.
    public func label(_ key: String) -> String { category[key] ?? key }

    static let dutch = Words(
        dimension: [.gender: "Geslacht", .age: "Leeftijd", .origin: "Herkomst", .ses: "SES-WOA van de buurt"],
        category: ["man": "mannen", "vrouw": "vrouwen", "0-14": "0-14 jaar", "15-24": "15-24 jaar", "25-44": "25-44 jaar",
                   "45-64": "45-64 jaar", "65+": "65+ jaar", "nederland": "Nederland", "europa": "Europa (excl. NL)",
                   "buiten_europa": "buiten Europa", "nederlands": "Nederlands", "westers": "westers",
                   "niet_westers": "niet-westers", "Q1": "Q1 (laagste SES)", "Q5": "Q5 (hoogste SES)"],
        flag: [.under: "onder", .over: "boven", .none: ""],
        exclusion: [.emptyRow: "lege rij", .totalRow: "totaalrij", .noPersonID: "geen deelnemer ingevuld", .unparseableDate: "datum onleesbaar", .noDate: "geen datum",
                    .outsidePeriod: "buiten de periode", .noBuurt: "geen buurt of postcode", .unknownBuurt: "onbekende buurtcode",
                    .unknownPostcode: "onbekende postcode", .outsideArea: "buurt buiten het gebied",
                    .postcodeTooCoarse: "postcode te grof voor het gebied"],
        columns: Columns(group: "Groep", participants: "Deeln.", share: "Aandeel", residentShare: "Inwoners",
                         ratio: "Verhouding (BI)", reach: "Per 1.000 (BI)", missing: "Nodig", flag: "Vlag"),
        labels: Labels(
            title: "Wie bereiken we, wie missen we?", area: "Gebied", population: "Bevolking", attendance: "Deelnemers",
            rowsRead: "rijen gelezen", rowsUsed: "gebruikt", excluded: "niet gebruikt", persons: "personen",
            personsOutsideArea: "personen wonen buiten het gebied", fitTest: "Toets op afwijking", dissimilarity: "Ongelijkheidsindex D",
            rIndicator: "R-indicator", unknown: "onbekend", conflicts: "tegenstrijdige rijen", unrecognised: "niet herkend",
            summary: "In het kort", noDifferences: "Geen groep wijkt significant af van de bevolking.",
            bundled: "Bevolking uit de meegeleverde CBS Kerncijfers Wijken en Buurten 2024 (Bron: CBS).",
            noBuurt: "De deelnemerslijst heeft geen buurt of postcode: alle deelnemers zijn als inwoners van het gebied geteld.",
            sesUnavailable: "SES-vergelijking niet mogelijk", noColumn: "geen kolom in de deelnemerslijst",
            smallGroups: "Kleine aantallen (minder dan %d deelnemers): lees deze met zorg", noResidents: "Geen inwoners: niet getoetst, en hun deelnemers tellen in geen enkele maat van deze indeling mee (aandelen, verhoudingen, toetsen, D)",
            exceedResidents: "Meer deelnemers dan (afgeronde) inwoners", monteCarlo: "kleine verwachte aantallen: p-waarde via Monte Carlo",
            singleCategory: "Maar één groep met inwoners: niets te vergelijken", noParticipants: "Geen deelnemers in deze indeling",
            withoutData: "deelnemers in buurten zonder gegevens",
            blankLines: "lege regel(s) overgeslagen", per1000: "per 1.000 inwoners", sesScores: "SES-WOA-scores per groep",
            suppressedNote: "toetsgrootheden niet getoond vanwege kleine aantallen",
            suppressedCells: "x = afgeschermd: aantallen onder %d, en zo nodig ook een groter aantal zodat een klein aantal niet terug te rekenen is, met de percentages en verhoudingen die erbij horen.",
            missingExplained: "Het getal tussen haakjes (kolom Nodig) is hoeveel mensen uit die groep er nog bij moeten komen, naast de huidige deelnemers, voor een eerlijke afspiegeling van het gebied.",
            heterogeneity: HeterogeneityWords(
                titleUnits: "Bereik per gebied", titleActivities: "Samenstelling per activiteit", titleGradient: "Bereik naar SES-WOA",
                unit: "Gebied", name: "Naam", shrunk: "Geschat (EB)", funnel: "Trechter 99,8%", flagLow: "laag", flagHigh: "hoog",
                homogeneity: "Verschillen tussen gebieden", prediction: "Verwacht bereik in een nieuw gebied (95%)",
                overdispersion: "Overdispersie", leftOut: "Niet meegenomen (geen inwoners of meer deelnemers dan inwoners)",
                independence: "Toets op onafhankelijkheid (personen)", segregation: "Segregatie over activiteiten",
                contribution: "Bijdrage aan M", activity: "Activiteit", sii: "Ongelijkheidshelling (SII)",
                rii: "Relatieve ongelijkheidsindex (RII)", concentration: "Concentratie-index",
                concentrationNegative: "Negatief: het bereik ligt meer in buurten met een lagere SES, zoals proportioneel universalisme vraagt.",
                concentrationPositive: "Positief: het bereik ligt meer in buurten met een hogere SES.",
                concentrationUnclear: "Het interval bevat 0: het bereik verschilt niet duidelijk tussen buurten met een lagere en een hogere SES.",
                siiReading: "SII: verschil in bereik tussen de hoogste en de laagste SES (positief = hogere SES meer bereikt).",
                siiNotComputed: "SII/RII niet berekend",
                siiOmission: ["fewer_than_two_groups": "minder dan twee SES-groepen met inwoners",
                              "participants_exceed_residents": "een SES-groep heeft meer deelnemers dan (afgeronde) inwoners",
                              "no_participants": "geen deelnemers in de SES-groepen"],
                riiUndefined: "RII: niet te berekenen, het geschatte bereik van de laagste SES is (bijna) nul; zie de SII.",
                siiJeffreys: "Een SES-groep heeft geen deelnemers: het interval komt uit een simulatie met Jeffreys-verdelingen (de PHE-logitmethode kan niet met nul rekenen).",
                noSES: "Geen SES-WOA-gegevens: geef --ses en een deelnemerslijst met buurt of postcode.",
                buurtenRanked: "buurten gerangschikt", flagAdjusted: "Vlag na OD",
                clusterBootstrap: { "Met de spreiding tussen buurten (buurt-bootstrap, \($0) trekkingen): \($1); de intervallen hierboven behandelen deelnemers als onafhankelijk" },
                funnelMethod: ["exact": "Trechtergrenzen: exact binomiaal (Spiegelhalter 2005); spreiding boven het toeval op de arcsinusschaal",
                               "normal": "Trechtergrenzen: normale benadering (PHE); spreiding boven het toeval op de schaal van het bereik"],
                permutationTest: { "\($0) permutaties van personen; wie meer activiteiten doet telt één keer" }),
            trend: TrendWords(
                title: "Bereik door de tijd", period: "Periode", new: "Nieuw", returning: "Terug", retained: "Ook vorige",
                reach: "Per 1.000 (BI)", retention: "Behouden (BI)", cumulative: "Cumulatief per 1.000",
                test: "Toets op trend (Cochran–Armitage)", rising: "het bereik stijgt", falling: "het bereik daalt",
                flat: "geen duidelijke trend", attended: "Personen naar aantal perioden waarin ze kwamen",
                undated: "personen zonder datum (niet meegeteld)",
                dispersion: { "spreiding tussen perioden φ = \($0), quasi-binomiaal p \($1)" },
                dispersionLarge: "Let op: de perioden verschillen meer dan toeval (φ > 2), bijvoorbeeld doordat dezelfde mensen terugkomen of door een eenmalige activiteit; de richting volgt daarom de quasi-binomiale toets."),
            ciAbbreviation: "BI",
            unitsWithheld: "gebieden met kleine aantallen (onder %d) zijn afgeschermd",
            statisticsWithheld: "de getallen zijn niet getoond omdat ze uit afgeschermde aantallen zijn berekend",
            substantialDifferences: "grote verschillen (I² ≥ 50%)", smallDifferences: "kleine verschillen (I² < 50%)",
            missingSentence: { "Minder bereikt dan hun aandeel in de bevolking: \($0)." },
            overSentence: { "Meer bereikt dan hun aandeel: \($0)." },
            missingPeople: { "\($0) extra nodig" },
            detectable: { "\($0): met \($1) deelnemers was een groep alleen als afwijkend herkend bij \($2) (80% onderscheidend vermogen, α = \($3) per groep); kleinere verschillen kunnen er zijn." },
            ratioBelow: { "een ratio onder \($0)" }, ratioAbove: { "een ratio boven \($0)" }, or: "of",
            notDetectable: { "\($0): met \($1) deelnemers kan zelfs een groep die helemaal ontbreekt niet als afwijkend worden herkend." },
            raoScott: { "Met clustering in buurten (Rao–Scott): X² = \($0), p \($1); gemiddeld designeffect \($2): verhoudingen en toetsen per groep houden er rekening mee" },
            sesRelative: "SES-groepen zijn relatief aan dit gebied: Q1 is het deel van de inwoners hier met de laagste SES-score, niet van Nederland (het SES-bestand dekt niet het hele land); vergelijk ze dus niet met andere gebieden",
            sesNational: "SES-groepen volgen landelijke grenzen (inwonergewogen over alle buurten in het SES-bestand), dus ze zijn te vergelijken met andere gebieden",
            sesCutPoints: { "SES-groepen volgen de opgegeven grenzen: \($0)" },
            sesEmpty: { "Lege SES-groep(en) in dit gebied: \($0) — een buurt met veel inwoners vult een groep alleen, of geen buurt valt tussen de grenzen; kies minder groepen met --ses-groups" },
            rounding: { "Afronding: CBS rondt inwonertallen af op 5, dus bij kleine groepen ligt het bereik door afronding alleen al tussen (per 1.000): \($0)" },
            beyondRounding: "meer deelnemers dan inwoners, ook met afronding: controleer gebied en jaar",
            maximalBias: { "CV = \($0): gemiddelden van de deelnemers kunnen tot \($0) standaardafwijking naast die van de inwoners liggen" }))

    static let english = Words(
        dimension: [.gender: "Gender", .age: "Age", .origin: "Origin", .ses: "SES-WOA of the buurt"],
        category: ["man": "men", "vrouw": "women", "0-14": "0-14 years", "15-24": "15-24 years", "25-44": "25-44 years",
                   "45-64": "45-64 years", "65+": "65 and older", "nederland": "Netherlands", "europa": "Europe (excl. NL)",
                   "buiten_europa": "outside Europe", "nederlands": "Dutch", "westers": "Western",
                   "niet_westers": "non-Western", "Q1": "Q1 (lowest SES)", "Q5": "Q5 (highest SES)"],
        flag: [.under: "under", .over: "over", .none: ""],
        exclusion: [.emptyRow: "empty row", .totalRow: "total row", .noPersonID: "no participant id", .unparseableDate: "unreadable date", .noDate: "no date",
                    .outsidePeriod: "outside the period", .noBuurt: "no buurt or postcode", .unknownBuurt: "unknown buurt code",
                    .unknownPostcode: "unknown postcode", .outsideArea: "buurt outside the area",
                    .postcodeTooCoarse: "postcode too coarse for the area"],
        columns: Columns(group: "Group", participants: "Part.", share: "Share", residentShare: "Residents",
                         ratio: "Ratio (CI)", reach: "Per 1,000 (CI)", missing: "Needed", flag: "Flag"),
        labels: Labels(
            title: "Who do we reach, who do we miss?", area: "Area", population: "Population", attendance: "Participants",
            rowsRead: "rows read", rowsUsed: "used", excluded: "not used", persons: "persons",
            personsOutsideArea: "persons live outside the area", fitTest: "Test of difference", dissimilarity: "Dissimilarity index D",
            rIndicator: "R-indicator", unknown: "unknown", conflicts: "conflicting rows", unrecognised: "not recognised",
            summary: "In short", noDifferences: "No group differs significantly from the population.",
            bundled: "Population from the bundled CBS Kerncijfers Wijken en Buurten 2024 (Source: CBS).",
            noBuurt: "The attendance has no buurt or postcode: every participant is counted as a resident of the area.",
            sesUnavailable: "SES comparison not possible", noColumn: "no column in the attendance",
            smallGroups: "Small numbers (fewer than %d participants): read with care", noResidents: "No residents: not tested, and their participants count in no measure of this dimension (shares, ratios, tests, D)",
            exceedResidents: "More participants than (rounded) residents", monteCarlo: "small expected counts: Monte Carlo p-value",
            singleCategory: "Only one group has residents: nothing to compare", noParticipants: "No participants in this dimension",
            withoutData: "participants in buurten without data",
            blankLines: "blank line(s) skipped", per1000: "per 1,000 residents", sesScores: "SES-WOA scores per group",
            suppressedNote: "test statistics withheld because of small numbers",
            suppressedCells: "x = withheld: counts below %d, and where needed a larger count too so that a small one cannot be derived, with the percentages and ratios computed from them.",
            missingExplained: "The number in brackets (column Needed) is how many more people from that group must join, besides the current participants, for a fair reflection of the area.",
            heterogeneity: HeterogeneityWords(
                titleUnits: "Reach by area", titleActivities: "Composition by activity", titleGradient: "Reach by SES-WOA",
                unit: "Area", name: "Name", shrunk: "Estimated (EB)", funnel: "Funnel 99.8%", flagLow: "low", flagHigh: "high",
                homogeneity: "Differences between areas", prediction: "Expected reach in a new area (95%)",
                overdispersion: "Overdispersion", leftOut: "Left out (no residents, or more participants than residents)",
                independence: "Test of independence (persons)", segregation: "Segregation across activities",
                contribution: "Contribution to M", activity: "Activity", sii: "Slope index of inequality (SII)",
                rii: "Relative index of inequality (RII)", concentration: "Concentration index",
                concentrationNegative: "Negative: reach is concentrated in lower-SES buurten, as proportionate universalism asks.",
                concentrationPositive: "Positive: reach is concentrated in higher-SES buurten.",
                concentrationUnclear: "The interval contains 0: reach does not clearly differ between lower- and higher-SES buurten.",
                siiReading: "SII: difference in reach between the highest and the lowest SES (positive = higher SES reached more).",
                siiNotComputed: "SII/RII not computed",
                siiOmission: ["fewer_than_two_groups": "fewer than two SES groups with residents",
                              "participants_exceed_residents": "an SES group has more participants than (rounded) residents",
                              "no_participants": "no participants in the SES groups"],
                riiUndefined: "RII: not defined, the fitted reach of the lowest SES is (close to) zero; see the SII.",
                siiJeffreys: "An SES group has no participants: the interval is simulated from Jeffreys posteriors (PHE's logit method cannot handle zero).",
                noSES: "No SES-WOA data: give --ses and an attendance file with buurt or postcode.",
                buurtenRanked: "buurten ranked", flagAdjusted: "Flag after OD",
                clusterBootstrap: { "With the variation between buurten (buurt bootstrap, \($0) replicates): \($1); the intervals above treat participants as independent" },
                funnelMethod: ["exact": "Funnel limits: exact binomial (Spiegelhalter 2005); overdispersion on the arcsine scale",
                               "normal": "Funnel limits: normal approximation (PHE); overdispersion on the reach scale"],
                permutationTest: { "\($0) permutations of persons; a person in several activities counts once" }),
            trend: TrendWords(
                title: "Reach over time", period: "Period", new: "New", returning: "Back", retained: "Also prev.",
                reach: "Per 1,000 (CI)", retention: "Retained (CI)", cumulative: "Cumulative per 1,000",
                test: "Test for trend (Cochran–Armitage)", rising: "reach rises", falling: "reach falls",
                flat: "no clear trend", attended: "Persons by the number of periods they came in",
                undated: "persons without a date (not counted)",
                dispersion: { "dispersion between periods φ = \($0), quasi-binomial p \($1)" },
                dispersionLarge: "Note: the periods differ more than chance (φ > 2), for instance because the same people come back or a one-off activity; the direction therefore follows the quasi-binomial test."),
            ciAbbreviation: "CI",
            unitsWithheld: "areas with small numbers (below %d) are withheld",
            statisticsWithheld: "the numbers are not shown because they are computed from withheld counts",
            substantialDifferences: "large differences (I² ≥ 50%)", smallDifferences: "small differences (I² < 50%)",
            missingSentence: { "Reached less than their share of the population: \($0)." },
            overSentence: { "Reached more than their share: \($0)." },
            missingPeople: { "\($0) more needed" },
            detectable: { "\($0): with \($1) participants a group would only have been flagged at \($2) (80% power, α = \($3) per group); smaller differences may exist." },
            ratioBelow: { "a ratio below \($0)" }, ratioAbove: { "a ratio above \($0)" }, or: "or",
            notDetectable: { "\($0): with \($1) participants not even a group that is wholly absent could be flagged." },
            raoScott: { "With clustering in buurten (Rao–Scott): X² = \($0), p \($1); mean design effect \($2): ratios and tests per group take it into account" },
            sesRelative: "SES groups are relative to this area: Q1 is the part of the residents here with the lowest SES score, not of the Netherlands (the SES file does not cover the country); do not compare them with other areas",
            sesNational: "SES groups follow national cut points (resident-weighted over every buurt of the SES file), so they compare across areas",
            sesCutPoints: { "SES groups follow the given cut points: \($0)" },
            sesEmpty: { "Empty SES group(s) in this area: \($0) — one buurt with many residents fills a group alone, or no buurt falls between the cut points; choose fewer groups with --ses-groups" },
            rounding: { "Rounding: CBS rounds resident counts to 5, so for small groups rounding alone puts the reach between (per 1,000): \($0)" },
            beyondRounding: "more participants than residents, even allowing for rounding: check the area and year",
            maximalBias: { "CV = \($0): participants' averages can lie up to \($0) standard deviations from the residents'" }))
}
