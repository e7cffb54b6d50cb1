import BereikData
import BereikPublish
import BereikStats

/// `bereik compare --format json`: schema `bereik.compare/2` (docs/json-schema.md). A withheld count is `null`.
struct CompareDocument: Encodable {
    let dimensions: [DimensionJSON]
    let crossings: [CrossingJSON]
    let periodChange: PeriodChangeJSON?

    static func render(_ r: PublishedCompare, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: CompareJSON.schema, version: version, lead: NoLead(), context: r.context,
                                                body: CompareDocument(dimensions: r.dimensions.map(DimensionJSON.init), crossings: r.crossings.map(CrossingJSON.init),
                                                                      periodChange: r.periodChange.map(PeriodChangeJSON.init))))
    }
}

/// One dimension of a comparison: its test, indices, notes and groups.
struct DimensionJSON: Encodable {
    struct RIndicatorJSON: Encodable {
        let r: Double
        let sdPropensity: Double
        let meanPropensity: Double
        let partialVariable: Double
        let cv: Double?
        let maxAbsBias: Double?
    }

    let dimension: String
    let participants: Int?
    let residents: Int
    let participantsUnknown: Int?
    let participantsWithoutData: Int?
    let buurtenWithoutData: Int
    let residentsSource: String
    let test: TestJSON?
    struct RaoScott: Encodable {
        let chi2: Double
        let pValue: Double
        let meanDesignEffect: Double
    }

    let raoScott: RaoScott?
    let dissimilarity: Double?
    let cohensW: Double?
    let rIndicator: RIndicatorJSON?
    struct SESGroups: Encodable {
        let basis: String
        let cutPoints: [Double]?
        let empty: [String]
    }

    let notes: [ComparisonNoteJSON]
    let sesGroups: SESGroups?
    let groups: [GroupJSON]

    init(_ d: PublishedDimension) {
        dimension = d.dimension.rawValue
        participants = d.participants.value
        residents = d.residents
        participantsUnknown = d.participantsUnknown.value
        participantsWithoutData = d.participantsWithoutData.value
        buurtenWithoutData = d.buurtenWithoutData
        residentsSource = d.residentsSource
        test = d.test.map(TestJSON.init)
        raoScott = d.raoScott.map { RaoScott(chi2: $0.chiSquared, pValue: $0.pValue, meanDesignEffect: $0.meanDesignEffect) }
        dissimilarity = d.dissimilarity
        cohensW = d.cohensW
        rIndicator = d.rIndicator.map { RIndicatorJSON(r: $0.r, sdPropensity: $0.standardDeviation, meanPropensity: $0.meanPropensity,
                                                      partialVariable: $0.variablePartial, cv: $0.coefficientOfVariation,
                                                      maxAbsBias: $0.maximalBias) }
        notes = d.notes.map(ComparisonNoteJSON.init)
        sesGroups = d.sesGrouping.map { s in SESGroups(basis: s.basis.rawValue, cutPoints: s.cutPoints, empty: s.empty.map { d.groups[$0].key }) }
        groups = d.groups.map(GroupJSON.init)
    }
}

/// The goodness-of-fit test of a dimension, or its verdict when a cell is withheld.
struct TestJSON: Encodable {
    struct MonteCarloJSON: Encodable {
        let pValue: Double
        let standardError: Double
        let draws: Int
        let seed: Int
    }

    struct Exact: Encodable {
        let chi2: Double
        let g2: Double
        let df: Int
        let pValue: Double
        let method: String
        let pValueAsymptotic: Double
        let pValueG2: Double
        let smallestExpected: Double
        let monteCarlo: MonteCarloJSON?
    }

    struct Verdict: Encodable {
        let withheld = true
        let pBelow005: Bool
        let method: String
        private enum CodingKeys: String, CodingKey { case withheld, pBelow005 = "p_below_0_05", method }
    }

    let value: StatisticOrVerdict<Exact, Verdict>

    init(_ t: PublishedTest) {
        switch t {
        case .verdict(let below, let method): value = .verdict(Verdict(pBelow005: below, method: method))
        case .exact(let f):
            value = .statistic(Exact(chi2: f.chiSquared, g2: f.likelihoodRatio, df: f.degreesOfFreedom, pValue: f.reportedPValue,
                                     method: f.method, pValueAsymptotic: f.pValue, pValueG2: f.likelihoodRatioPValue,
                                     smallestExpected: f.smallestExpected,
                                     monteCarlo: f.monteCarlo.map { MonteCarloJSON(pValue: $0.pValue, standardError: $0.standardError, draws: $0.draws,
                                                                                   seed: Int(truncatingIfNeeded: $0.seed)) }))
        }
    }

    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}

/// A note on a comparison: `note` and, by kind, `threshold`, `groups` or `smallest_expected`.
struct ComparisonNoteJSON: Encodable {
    let note: String
    let threshold: Omittable<Int>
    let smallestExpected: Omittable<Double>
    let groups: Omittable<[String]>

    init(_ n: ComparisonNote) {
        var threshold: Int?, smallest: Double?, groups: [String]?
        switch n {
        case .noResidents(let keys, _): note = "no_residents"; groups = keys
        case .participantsExceedResidents(let keys): note = "participants_exceed_residents"; groups = keys
        case .singleCategory: note = "single_category"
        case .noParticipants: note = "no_participants"
        case .smallExpectedCounts(let s): note = "small_expected_counts"; smallest = s
        case .smallGroups(let keys, let t): note = "small_groups"; threshold = t; groups = keys
        }
        self.threshold = Omittable(threshold)
        smallestExpected = Omittable(smallest)
        self.groups = Omittable(groups)
    }
}

/// One group of a comparison (compare, the activities of heterogeneity, the SES groups of gradient).
struct GroupJSON: Encodable {
    struct Detectable: Encodable {
        let under: Double?
        let over: Double?
        let power = 0.8
    }

    struct Rounding: Encodable {
        let lower: Double
        let upper: Double?
        let beyondRounding: Bool
    }

    struct SESScore: Encodable {
        let min: Double
        let max: Double
    }

    let group: String
    let participants: Int?
    let residents: Int
    let participantShare: Double?
    let residentShare: Double?
    let reach: IntervalJSON?
    let reachRounding: Rounding?
    let ratio: IntervalJSON?
    let designEffect: Double?
    let pValue: Double?
    let pAdjusted: Double?
    let flag: String
    let extraNeeded: Int?
    let shortfallAtCurrentSize: Int?
    let partialR: Double?
    let small: Bool
    let detectable: Detectable
    let suppressed: Omittable<Bool>
    let sesScore: Omittable<SESScore>

    init(_ g: PublishedGroup) {
        group = g.key
        participants = g.participants.value
        residents = g.residents
        participantShare = g.participantShare
        residentShare = g.residentShare
        reach = IntervalJSON.make(g.reach)
        reachRounding = g.rounding.map { Rounding(lower: $0.lower, upper: $0.upper, beyondRounding: $0.exceedsRounding) }
        ratio = IntervalJSON.make(g.ratio?.interval)
        designEffect = g.designEffect
        pValue = g.pValue
        pAdjusted = g.pAdjusted
        flag = g.flag.rawValue
        extraNeeded = g.extraNeeded
        shortfallAtCurrentSize = g.missing
        partialR = g.partialR
        small = g.small
        detectable = Detectable(under: g.detectableUnder, over: g.detectableOver)
        suppressed = Omittable(g.participants.isWithheld ? true : nil)
        sesScore = Omittable(g.sesRange.map { SESScore(min: $0.lowerBound, max: $0.upperBound) })
    }
}
