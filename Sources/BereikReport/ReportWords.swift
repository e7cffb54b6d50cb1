import BereikData
import BereikPipeline
import BereikStats

/// The words of `bereik report`, per language (kept with the other words: see `Words`).
public struct ReportWords: Sendable {
    public let defaultTitle, summary, whoTakesPart, ratioChart, ratioAxis, compositionChart, participants, residents,
               buurtenHeading, funnelChart, funnelX, funnelY, funnelTarget, funnel95, funnel998, unitsHidden, activitiesHeading,
               sesHeading, sesChart, methodsHeading, sources, settings, methods, files, version, seed, confidence, disclosure,
               disclosureOff, generated, cbs, area, textAlternative, reachedPeople, goodReach, wellReached, nobodyMissing,
               buurtenDiffer, buurtenSimilar, sesLower, sesHigher, sesNone, buurt, regionDivision, andMore: String
    /// "visits from %@ to %@" and the chosen period's label.
    public var visitsPeriod = "", chosenPeriod = ""
    /// Month names, for dates a reader reads ("1 januari 2019", "1 January 2019").
    public var months: [String] = []

    /// A date in words: day, month name, year (both languages put the day first).
    public func longDate(_ date: CivilDate) -> String {
        let c = date.components
        return months.count == 12 ? "\(c.day) \(months[c.month - 1]) \(c.year)" : date.description
    }
    /// "Wie missen we, en waar?": heading, the sentence under it, a group's line ("%@: %@ extra
    /// nodig; we missen er de meesten in %@."), without places, and a place ("%@ (%@; %@ inwoners)": name, code, residents of the group).
    public var whereHeading = "", whereIntro = "", whereGroup = "", whereGroupNoPlaces = "", wherePlace = ""
    /// One or two plain sentences that open each section (keys: who, buurten, activities, ses, trend).
    public var intro: [String: String] = [:]
    /// "Wat betekenen de getallen?": term and meaning, in plain words.
    public var glossaryHeading = ""
    /// The funnel chart's legend: below the limits, above them, within.
    public var funnelLow = "", funnelHigh = "", funnelWithin = ""
    /// The ratio chart's legend.
    public var legendUnder = "", legendOver = "", legendNone = ""
    public var glossary: [(String, String)] = []
    /// The flag columns in words: per group ("Verschil": minder / meer) and per buurt (outside the
    /// funnel's limits, and still outside them with the extra spread between buurten allowed for).
    public var flagColumn = "", flagValues: [RepresentationFlag: String] = [:]
    /// The intersections section (crossings): heading and opening sentences.
    public var intersectionsHeading = "", intersectionsIntro = ""
    /// The file column of the inputs' checksum table.
    public var fileColumn = ""
    /// "Wie beslist mee?": heading and opening sentences.
    public var rolesHeading = "", rolesIntro = "", periodsIntro = "", initiativesIntro = "", mapIntro = "", periodsWithheld = ""
    public var unitFlag = "", unitFlagAdjusted = "", unitFlagValues: [FunnelLimits.Flag: String] = [:]
    public let methodList: [(String, String)]
    /// The role of each input file in the report's file table.
    public var fileRoles: [String: String] = [:]

    /// A file's role in words ("attendance" → "deelnemers").
    public func fileRole(_ role: String) -> String { fileRoles[role] ?? role }

    static let dutch = ReportWords(
        defaultTitle: "Wie bereiken we, wie missen we?", summary: "In het kort", whoTakesPart: "Wie doet mee?",
        ratioChart: "Verhouding: aandeel onder deelnemers gedeeld door aandeel onder inwoners (1 = eerlijke afspiegeling)",
        ratioAxis: "verhouding (logaritmische schaal)", compositionChart: "Samenstelling van deelnemers en inwoners",
        participants: "deelnemers", residents: "inwoners", buurtenHeading: "Verschillen tussen buurten",
        funnelChart: "Bereik per buurt tegen het aantal inwoners (funnelplot)", funnelX: "inwoners van de buurt",
        funnelY: "deelnemers per 1.000 inwoners", funnelTarget: "gemiddelde van het gebied", funnel95: "95%-grenzen",
        funnel998: "99,8%-grenzen", unitsHidden: "buurten met minder dan %d deelnemers zijn niet getekend",
        activitiesHeading: "Samenstelling per activiteit", sesHeading: "Bereik naar sociaal-economische status (SES-WOA) van de buurt",
        sesChart: "Deelnemers per 1.000 inwoners per SES-groep (Q1 = laagste SES)", methodsHeading: "Methoden en bronnen",
        sources: "Bronnen", settings: "Instellingen", methods: "Methoden", files: "Invoerbestanden (SHA-256)", version: "Bereik-versie",
        seed: "toevalsgetal (seed)", confidence: "betrouwbaarheid", disclosure: "Aantallen onder %d deelnemers zijn afgeschermd.",
        disclosureOff: "Geen afscherming van kleine aantallen (let op bij publiceren).", generated: "Gemaakt met Bereik",
        cbs: "Bron: CBS, Kerncijfers Wijken en Buurten en SES-WOA (CC BY 4.0).", area: "Gebied",
        textAlternative: "Tekstalternatief", reachedPeople: "Het initiatief bereikte %@ mensen in %@: %@ op de 1.000 inwoners.",
        goodReach: "Goed bereikt", wellReached: "Meer deelnemers dan je op grond van de bevolking verwacht: %@.",
        nobodyMissing: "Geen groep doet duidelijk minder mee dan je op grond van de bevolking verwacht.",
        buurtenDiffer: "Het bereik verschilt sterk tussen de buurten (I² %@%).",
        buurtenSimilar: "Het bereik is in de buurten ongeveer gelijk (I² %@%).",
        sesLower: "In buurten met een lage SES doen minder mensen mee dan in buurten met een hoge SES.",
        sesHigher: "In buurten met een lage SES doen meer mensen mee dan in buurten met een hoge SES.",
        sesNone: "Het bereik verschilt niet duidelijk tussen buurten met een lage en een hoge SES.",
        buurt: "Buurt", regionDivision: "Regio-indeling (jaar)", andMore: " en %@ andere gebieden",
        methodList: [
            ("Bereik met Wilson-interval", "Wilson 1927, JASA 22:209"),
            ("Verhouding aandeel deelnemers / aandeel inwoners", "Wilson-interval van het aandeel gedeeld door het bevolkingsaandeel"),
            ("Toets per groep: exacte binomiale toets, Holm-correctie", "Holm 1979, Scand J Statist 6:65"),
            ("Toets op afwijking: Pearson χ², Monte Carlo bij kleine aantallen", "Agresti 2013; Hope 1968"),
            ("Ongelijkheidsindex D en R-indicator", "Duncan & Duncan 1955; Schouten, Cobben & Bethlehem 2009"),
            ("Verschillen tussen buurten: Q, I², DerSimonian–Laird τ²", "Higgins & Thompson 2002; DerSimonian & Laird 1986"),
            ("Funnelplot en overdispersie", "Spiegelhalter 2005, Stat Med 24:1185; PHE Fingertips"),
            ("Empirisch-Bayesiaanse schatting per buurt", "Martuzzi & Elliott 1996, Stat Med 15:1867"),
            ("Segregatie over activiteiten: D, Theil H, M", "Reardon & Firebaugh 2002; Mora & Ruiz-Castillo 2011"),
            ("Slope/relative index of inequality", "Low & Low 2004, J Public Health 26:388; PHE phe_sii"),
            ("Concentratie-index", "Kakwani, Wagstaff & van Doorslaer 1997, J Econometrics 77:87"),
        ])

    static let english = ReportWords(
        defaultTitle: "Who do we reach, who do we miss?", summary: "In short", whoTakesPart: "Who takes part?",
        ratioChart: "Ratio: share among participants divided by share among residents (1 = fair reflection)",
        ratioAxis: "ratio (log scale)", compositionChart: "Composition of participants and residents",
        participants: "participants", residents: "residents", buurtenHeading: "Differences between buurten",
        funnelChart: "Reach per buurt against its number of residents (funnel plot)", funnelX: "residents of the buurt",
        funnelY: "participants per 1,000 residents", funnelTarget: "area average", funnel95: "95% limits",
        funnel998: "99.8% limits", unitsHidden: "buurten with fewer than %d participants are not drawn",
        activitiesHeading: "Composition by activity", sesHeading: "Reach by socio-economic status (SES-WOA) of the buurt",
        sesChart: "Participants per 1,000 residents by SES group (Q1 = lowest SES)", methodsHeading: "Methods and sources",
        sources: "Sources", settings: "Settings", methods: "Methods", files: "Input files (SHA-256)", version: "Bereik version",
        seed: "random seed", confidence: "confidence", disclosure: "Counts below %d participants are withheld.",
        disclosureOff: "Small counts are not withheld (take care when publishing).", generated: "Made with Bereik",
        cbs: "Source: CBS, Kerncijfers Wijken en Buurten and SES-WOA (CC BY 4.0).", area: "Area",
        textAlternative: "Text alternative", reachedPeople: "The initiative reached %@ people in %@: %@ per 1,000 residents.",
        goodReach: "Reached well", wellReached: "More participants than the population would lead you to expect: %@.",
        nobodyMissing: "No group takes part clearly less than the population would lead you to expect.",
        buurtenDiffer: "Reach differs strongly between buurten (I² %@%).",
        buurtenSimilar: "Reach is about the same across buurten (I² %@%).",
        sesLower: "Fewer people take part in low-SES buurten than in high-SES buurten.",
        sesHigher: "More people take part in low-SES buurten than in high-SES buurten.",
        sesNone: "Reach does not clearly differ between low- and high-SES buurten.",
        buurt: "Buurt", regionDivision: "Region division (year)", andMore: " and %@ other areas",
        methodList: [
            ("Reach with Wilson interval", "Wilson 1927, JASA 22:209"),
            ("Ratio of participant share to resident share", "Wilson interval of the share divided by the resident share"),
            ("Per group: exact binomial test, Holm adjustment", "Holm 1979, Scand J Statist 6:65"),
            ("Test of difference: Pearson χ², Monte Carlo for small counts", "Agresti 2013; Hope 1968"),
            ("Dissimilarity index D and R-indicator", "Duncan & Duncan 1955; Schouten, Cobben & Bethlehem 2009"),
            ("Differences between buurten: Q, I², DerSimonian–Laird τ²", "Higgins & Thompson 2002; DerSimonian & Laird 1986"),
            ("Funnel plot and overdispersion", "Spiegelhalter 2005, Stat Med 24:1185; PHE Fingertips"),
            ("Empirical-Bayes estimate per buurt", "Martuzzi & Elliott 1996, Stat Med 15:1867"),
            ("Segregation across activities: D, Theil H, M", "Reardon & Firebaugh 2002; Mora & Ruiz-Castillo 2011"),
            ("Slope/relative index of inequality", "Low & Low 2004, J Public Health 26:388; PHE phe_sii"),
            ("Concentration index", "Kakwani, Wagstaff & van Doorslaer 1997, J Econometrics 77:87"),
        ])
}

extension Language {
    /// The report's words in this language (built once per language).
    public var report: ReportWords { self == .nl ? ReportWords.dutchReport : ReportWords.englishReport }
}

extension ReportWords {
    static let dutchReport: ReportWords = {
        var words = ReportWords.dutch
        words.fileRoles = dutchRoles
        words.visitsPeriod = "bezoeken van %@ tot en met %@"
        words.chosenPeriod = "gekozen periode"
        words.months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        words.whereHeading = "Wie missen we, en waar?"
        words.whereIntro = "Per groep die minder meedoet dan zijn aandeel in de bevolking: hoeveel mensen uit die groep er nog bij moeten komen, en de buurten waar we er de meesten missen. De volgorde is: eerst de buurt waar de meeste mensen uit die groep ontbreken (inwoners uit die groep maal het gemiddelde bereik, min wie al meedoet); tussen haakjes de code en het aantal inwoners uit die groep."
        words.whereGroup = "%@: %@ extra nodig; we missen er de meesten in %@."
        words.whereGroupNoPlaces = "%@: %@ extra nodig."
        words.wherePlace = "%@ (%@; %@ inwoners)"
        words.intro = [
            "who": "Per kenmerk staat het aandeel van elke groep onder de deelnemers naast het aandeel onder de inwoners. Een verhouding van 0,6 betekent: deze groep doet 40% minder vaak mee dan je op grond van de bevolking zou verwachten; 1 is een eerlijke afspiegeling.",
            "buurten": "Hoeveel inwoners per 1.000 meedoen, per buurt. Een buurt buiten de trechter verschilt meer van het gemiddelde dan toeval kan verklaren.",
            "activities": "Hoe de deelnemers van elke activiteit zijn samengesteld. Grote verschillen betekenen dat groepen elkaar bij de activiteiten weinig tegenkomen.",
            "ses": "Het bereik in buurten met een lage tot hoge sociaal-economische status (SES-WOA van het CBS). Q1 zijn de buurten met de laagste status.",
            "trend": "Hoeveel mensen per periode meedoen, hoeveel van hen nieuw zijn en hoeveel terugkomen.",
            "glossary": "Een korte uitleg van de woorden en getallen in dit rapport.",
        ]
        words.glossaryHeading = "Wat betekenen de getallen?"
        (words.funnelLow, words.funnelHigh, words.funnelWithin) = ("lager dan toeval verklaart", "hoger dan toeval verklaart", "binnen de grenzen")
        (words.legendUnder, words.legendOver, words.legendNone) = ("doet minder mee", "doet meer mee", "geen duidelijk verschil")
        (words.flagColumn, words.flagValues) = ("Verschil", [.under: "minder", .over: "meer", .none: ""])
        words.fileColumn = "Bestand"
        words.rolesHeading = "Wie beslist mee?"
        words.periodsWithheld = "De vergelijking van periode A en B staat niet in dit rapport: met afscherming zou het hele jaar min periode A laten zien wie alleen in B kwam, soms één persoon. Gebruik bereik compare --period-a … --period-b … --disclosure-safe (met B als hoofdtabel), of maak het rapport zonder afscherming voor intern gebruik."
        words.mapIntro = "Waar bereiken we wie? De kleur is het geschatte bereik per buurt; arcering en stippen tonen de buurten die meer verschillen dan toeval verklaart (dezelfde trechter als hierboven). Daarna per groep die we missen: waar de mensen van die groep wonen, en in welke buurten de meesten van hen ontbreken. Op het scherm toont een buurt zijn naam en getallen als je erover beweegt; onder de kaarten staan alle buurten met naam in een tabel."
        words.initiativesIntro = "Missen de initiatieven dezelfde groepen? Per initiatief het aandeel van elke groep en de verhouding met de inwoners (1 is een eerlijke afspiegeling), naast alle initiatieven samen, waarin iemand die aan meer initiatieven meedoet één keer telt."
        words.periodsIntro = "Is de samenstelling van de deelnemers veranderd? Per groep het aandeel in periode A en in periode B, en hoeveel groter of kleiner het in B is (B/A). Boven 1: naar verhouding meer dan in A."
        words.rolesIntro = "Niet alleen wie meedoet, maar ook wie meebeslist. Per rol, van de laagste tot de hoogste, het aandeel van elke groep; wie meebeslist telt ook bij de rollen eronder. De laatste kolommen zeggen of het aandeel van een groep bovenaan anders is dan onderaan."
        words.intersectionsHeading = "Wie missen we binnen groepen?"
        words.intersectionsIntro = "Per SES-groep (of wijk) dezelfde vergelijking: doen bijvoorbeeld mannen overal minder mee, of alleen in buurten met een lage SES? In de tabel staat per groep de verhouding met haar betrouwbaarheidsinterval: onder 1 betekent minder dan hun aandeel in die groep. De toets zegt of het verschil per groep groter is dan toeval."
        (words.unitFlag, words.unitFlagAdjusted, words.unitFlagValues) = ("Buiten grenzen", "Ook bij extra spreiding", [.low: "lager", .high: "hoger", .none: ""])
        words.glossary = [
            ("Verhouding", "aandeel onder de deelnemers gedeeld door aandeel onder de inwoners; 1 is een eerlijke afspiegeling, onder 1 doet de groep minder mee"),
            ("BI (betrouwbaarheidsinterval)", "de marge rond een getal: met 95% zekerheid ligt de echte waarde ertussen"),
            ("Per 1.000", "hoeveel van elke 1.000 inwoners meedoen (het bereik)"),
            ("Nodig", "hoeveel mensen uit een groep er nog bij moeten komen voor een eerlijke afspiegeling"),
            ("Verschil: minder / meer", "de groep doet duidelijk minder / meer mee dan haar aandeel, ook na correctie voor het aantal toetsen"),
            ("Buiten grenzen: lager / hoger", "het bereik in de buurt ligt buiten de 99,8%-grenzen van de trechter: meer verschil dan toeval alleen geeft"),
            ("Ook bij extra spreiding", "de buurt blijft buiten de grenzen als je meerekent dat buurten altijd wat van elkaar verschillen"),
            ("p", "hoe waarschijnlijk een verschil van deze grootte is als er eigenlijk geen verschil is; onder 0,05 heet het duidelijk"),
            ("D", "welk deel van de deelnemers van groep zou moeten wisselen voor een eerlijke afspiegeling (0 = gelijk)"),
            ("R en CV", "hoe gelijk alle groepen worden bereikt (R = 1 is gelijk); CV zegt hoeveel gemiddelden van deelnemers ernaast kunnen zitten"),
            ("X² en df", "de toets die alle groepen van een kenmerk tegelijk vergelijkt; hoe groter X² bij hetzelfde aantal vrijheidsgraden (df), hoe groter de afwijking"),
            ("I² en τ²", "hoeveel de buurten echt van elkaar verschillen, boven het toeval (I² in procenten; vanaf 50% heet het een groot verschil)"),
            ("V, H en M", "hoe sterk de activiteiten naar groep gescheiden zijn: 0 is volledig gemengd, hoe hoger hoe meer elke groep haar eigen activiteiten heeft"),
            ("SES-WOA en Q1 … Q5", "de sociaal-economische status van een buurt (CBS: welvaart, opleiding, arbeid); Q1 is het vijfde deel van de inwoners met de laagste score, Q5 met de hoogste"),
            ("Trechter (funnelplot)", "grenzen waarbinnen een buurt door toeval alleen kan liggen; kleine buurten hebben bredere grenzen"),
            ("SII en RII", "het verschil (SII) en de verhouding (RII) in bereik tussen de hoogste en de laagste SES"),
            ("Concentratie-index", "negatief: het bereik ligt meer in buurten met een lage SES; positief: meer in buurten met een hoge SES"),
        ]
        return words
    }()

    static let englishReport: ReportWords = {
        var words = ReportWords.english
        words.fileRoles = englishRoles
        words.visitsPeriod = "visits from %@ to %@"
        words.chosenPeriod = "chosen period"
        words.months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        words.whereHeading = "Who do we miss, and where?"
        words.whereIntro = "For each group that takes part less than its share of the population: how many more people of that group are needed, and the buurten (neighbourhoods) where we miss most of them. The order: first the buurt where most people of the group are missing (residents of the group times the average reach, minus those already taking part); in brackets the code and the number of residents of the group."
        words.whereGroup = "%@: %@ more needed; we miss most of them in %@."
        words.whereGroupNoPlaces = "%@: %@ more needed."
        words.wherePlace = "%@ (%@; %@ residents)"
        words.intro = [
            "who": "For each characteristic, each group's share among the participants stands beside its share among the residents. A ratio of 0.6 means: this group takes part 40% less often than the population would lead you to expect; 1 is a fair reflection.",
            "buurten": "How many residents per 1,000 take part, per buurt. A buurt outside the funnel differs from the average more than chance can explain.",
            "activities": "How each activity's participants are made up. Large differences mean that groups rarely meet at the activities.",
            "ses": "Reach in buurten of low to high socio-economic status (CBS SES-WOA). Q1 are the buurten with the lowest status.",
            "trend": "How many people take part per period, how many of them are new and how many come back.",
            "glossary": "A short explanation of the words and numbers in this report.",
        ]
        words.glossaryHeading = "What do the numbers mean?"
        (words.funnelLow, words.funnelHigh, words.funnelWithin) = ("lower than chance explains", "higher than chance explains", "within the limits")
        (words.legendUnder, words.legendOver, words.legendNone) = ("takes part less", "takes part more", "no clear difference")
        (words.flagColumn, words.flagValues) = ("Difference", [.under: "less", .over: "more", .none: ""])
        words.fileColumn = "File"
        words.rolesHeading = "Who decides?"
        words.periodsWithheld = "The comparison of periods A and B is not in this report: with disclosure control the whole year less period A would show who came only in B, sometimes one person. Use bereik compare --period-a … --period-b … --disclosure-safe (B as the main table), or make the report without disclosure control for internal use."
        words.mapIntro = "Where do we reach whom? The colour is the estimated reach per buurt; hatching and dots mark the buurten that differ more than chance explains (the same funnel as above). Then, per group we miss: where the people of that group live, and in which buurten most of them are missing. On screen a buurt shows its name and numbers when you hover over it; below the maps every buurt is listed by name in a table."
        words.initiativesIntro = "Do the initiatives miss the same groups? Per initiative each group's share and its ratio to the residents (1 is a fair reflection), beside all initiatives together, where a person in several initiatives counts once."
        words.periodsIntro = "Did the composition of the participants change? Per group its share in period A and in period B, and how much larger or smaller it is in B (B/A). Above 1: relatively more than in A."
        words.rolesIntro = "Not only who takes part, but also who decides. Per role, from the lowest to the highest, the share of each group; whoever decides also counts at the roles below. The last columns say whether a group's share at the top differs from the bottom."
        words.intersectionsHeading = "Who do we miss within groups?"
        words.intersectionsIntro = "The same comparison per SES group (or wijk): do men, for instance, take part less everywhere, or only in low-SES buurten? The table gives each group's ratio with its confidence interval: below 1 means less than their share in that group. The test says whether the difference between groups is more than chance."
        (words.unitFlag, words.unitFlagAdjusted, words.unitFlagValues) = ("Outside limits", "Also with extra spread", [.low: "lower", .high: "higher", .none: ""])
        words.glossary = [
            ("Ratio", "share among participants divided by share among residents; 1 is a fair reflection, below 1 the group takes part less"),
            ("CI (confidence interval)", "the margin around a number: with 95% confidence the true value lies within it"),
            ("Per 1,000", "how many of every 1,000 residents take part (the reach)"),
            ("Needed", "how many more people of a group must join for a fair reflection"),
            ("Difference: less / more", "the group clearly takes part less / more than its share, also after correcting for the number of tests"),
            ("Outside limits: lower / higher", "the buurt's reach lies outside the funnel's 99.8% limits: more difference than chance alone gives"),
            ("Also with extra spread", "the buurt stays outside the limits when allowing for the spread that is always there between buurten"),
            ("p", "how likely a difference this large is if there really is none; below 0.05 it is called clear"),
            ("D", "which share of the participants would have to change group for a fair reflection (0 = equal)"),
            ("R and CV", "how equally all groups are reached (R = 1 is equal); CV says how far participants' averages can be off"),
            ("X² and df", "the test that compares all groups of a characteristic at once; the larger X² for the same degrees of freedom (df), the larger the difference"),
            ("I² and τ²", "how much the buurten (neighbourhoods) really differ, beyond chance (I² in percent; from 50% it counts as a large difference)"),
            ("V, H and M", "how strongly activities are separated by group: 0 is fully mixed, the higher the more each group has its own activities"),
            ("SES-WOA and Q1 … Q5", "the socio-economic status of a buurt (CBS: wealth, education, work); Q1 is the fifth of the residents with the lowest score, Q5 with the highest"),
            ("Funnel plot", "limits within which a buurt can lie by chance alone; small buurten have wider limits"),
            ("SII and RII", "the difference (SII) and the ratio (RII) in reach between the highest and the lowest SES"),
            ("Concentration index", "negative: reach lies more in low-SES buurten; positive: more in high-SES buurten"),
        ]
        return words
    }()
}

extension String {
    /// Fills `%@` placeholders in order.
    func filled(_ values: String...) -> String {
        var out = self
        for v in values {
            guard let r = out.range(of: "%@") else { break }
            out.replaceSubrange(r, with: v)
        }
        return out
    }
}

extension ReportWords {
    static let dutchRoles = ["attendance": "deelnemers", "population": "bevolking", "population (bundled)": "bevolking (meegeleverd)",
                             "ses": "SES-WOA", "postcodes": "postcodes", "countries": "landenlijst"]
    static let englishRoles = ["attendance": "attendance", "population": "population", "population (bundled)": "population (bundled)",
                               "ses": "SES-WOA", "postcodes": "postcodes", "countries": "country list"]
}
