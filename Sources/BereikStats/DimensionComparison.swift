/// One category of a dimension: persons who took part and residents of the comparison area.
public struct CategoryCount: Sendable, Equatable {
    public let key: String
    public let participants: Int
    public let residents: Int
    public init(key: String, participants: Int, residents: Int) {
        self.key = key
        self.participants = participants
        self.residents = residents
    }
}

/// The flag of a group after its multiplicity-adjusted binomial test.
public enum RepresentationFlag: String, Sendable, Codable {
    case under, over, none
}

/// Settings shared by every comparison in a run.
public struct ComparisonSettings: Sendable, Equatable {
    public var confidence: ConfidenceLevel
    public var reachInterval: IntervalMethod
    public var adjustment: PValueAdjustment
    public var fit: FitTest.Settings

    public init(confidence: ConfidenceLevel = .standard, reachInterval: IntervalMethod = .wilson,
                adjustment: PValueAdjustment = .holm, fit: FitTest.Settings = .init()) {
        self.confidence = confidence
        self.reachInterval = reachInterval
        self.adjustment = adjustment
        self.fit = fit
    }
}

/// What the comparison of one group found.
public struct GroupComparison: Sendable, Equatable {
    public let key: String
    public let participants: Int
    public let residents: Int
    public let reach: ReachRate
    /// p_g = n_g / n; nil when n = 0.
    public let participantShare: Double?
    /// π_g = N_g / N; nil when N = 0.
    public let residentShare: Double?
    public let ratio: RepresentationRatio?
    /// Exact binomial p-value, raw and adjusted; nil when the group is not tested.
    public let pValue: Double?
    public let pAdjusted: Double?
    public let flag: RepresentationFlag
    /// For an `under` group: the shortfall at the current size, ⌈n·π_g − n_g⌉ — how many of the
    /// current participants would have to be from this group (a swap at a fixed total).
    public let missing: Int?
    /// The R-indicator's unconditional partial for this category.
    public let partialR: Double?
    /// The ratios beyond which this group would have been flagged with 80% power (`DetectableRatio`):
    /// below `detectableUnder` or above `detectableOver`; nil when untested or not detectable at all.
    public var detectableUnder: Double? = nil
    public var detectableOver: Double? = nil
    /// For an `under` group: how many more people of this group must take part, the others
    /// unchanged, for its share to reach π_g: x with (n_g + x)/(n + x) = π_g, so
    /// x = ⌈(n·π_g − n_g)/(1 − π_g)⌉. The number a team can act on.
    public var extraNeeded: Int? = nil
    /// With clustering by buurt: the design effect used for this group's test and interval.
    public var designEffect: Double? = nil
}

/// Things a reader of a comparison must be told; renderers word them per language.
public enum ComparisonNote: Sendable, Equatable {
    /// Categories with no residents, and their participants: left out of every statistic of the
    /// dimension (shares, ratios, tests, D, the R-indicator).
    case noResidents([String], participants: Int)
    /// More participants than (rounded) residents.
    case participantsExceedResidents([String])
    /// Only one category has residents: there is nothing to compare.
    case singleCategory
    /// No participants in this dimension.
    case noParticipants
    /// Expected counts below the minimum: the fit test's p-value is a Monte Carlo one.
    case smallExpectedCounts(smallest: Double)
    /// Groups with fewer participants than this are small: read their numbers with care.
    case smallGroups([String], threshold: Int)
}

/// The comparison of one dimension's participants with its residents: reach, shares,
/// representation ratios, goodness of fit, per-group exact tests with multiplicity control,
/// missing people, dissimilarity and the R-indicator. Each piece cites its method in its own type.
///
/// Conventions (documented in the module README): categories with N_g = 0 are left out of every
/// statistic — shares, ratios, the fit test, the per-group tests and their adjustment, D — which
/// all use the same n = Σ n_g over the categories with residents; the note names the categories
/// and counts their participants (issue 11, item 6). A flag needs the adjusted central exact p
/// below α *and* the ratio interval on the same side of 1 (the second follows from the first, as
/// the interval inverts the same test; requiring it keeps rounding at the boundary from ever
/// showing a flag beside an interval that contains 1).
public struct DimensionComparison: Sendable, Equatable {
    public let groups: [GroupComparison]
    public let participants: Int
    public let residents: Int
    /// nil when fewer than two categories with residents, or no participants.
    public let fit: FitTest?
    public let dissimilarity: Double?
    public let cohensW: Double?
    public let rIndicator: RIndicator?
    public let notes: [ComparisonNote]
    /// With clustering by buurt: X² divided by the mean design effect of the tested categories
    /// (Rao & Scott 1981, first order), its p-value on the same df, and that mean.
    public let raoScott: DesignEffect.RaoScott?

    public static let smallGroupThreshold = 10

    /// `designEffects`: per category (≥ 1) when participants are clustered in buurten (`DesignEffect`);
    /// tests and ratio intervals then use the effective sample size.
    public init(categories: [CategoryCount], settings: ComparisonSettings = .init(), designEffects: [Double]? = nil) throws {
        let deff = designEffects.flatMap { $0.count == categories.count ? $0.map { max(1, $0) } : nil }
        for c in categories where c.participants < 0 || c.residents < 0 {
            throw StatsError.invalidArgument("category \(c.key) has a negative count")
        }
        let n = categories.reduce(0) { $0 + $1.participants }
        let bigN = categories.reduce(0) { $0 + $1.residents }
        participants = n
        residents = bigN
        var notes: [ComparisonNote] = []

        let tested = categories.indices.filter { categories[$0].residents > 0 }
        let untested = categories.filter { $0.residents == 0 }
        if !untested.isEmpty { notes.append(.noResidents(untested.map(\.key), participants: untested.reduce(0) { $0 + $1.participants })) }
        let exceeding = categories.filter { $0.participants > $0.residents && $0.residents > 0 }.map(\.key)
        if !exceeding.isEmpty { notes.append(.participantsExceedResidents(exceeding)) }
        if n == 0 { notes.append(.noParticipants) }
        if tested.count == 1 { notes.append(.singleCategory) }

        let residentShares = categories.map { bigN > 0 ? Double($0.residents) / Double(bigN) : nil as Double? }
        let nTested = tested.reduce(0) { $0 + categories[$1].participants }
        let participantShares = categories.map { c in nTested > 0 && c.residents > 0 ? Double(c.participants) / Double(nTested) : nil as Double? }

        // Fit test over the tested categories.
        var fit: FitTest?
        if tested.count >= 2, nTested > 0 {
            fit = try FitTest(observed: tested.map { categories[$0].participants },
                              shares: tested.map { Double(categories[$0].residents) },
                              settings: settings.fit)
            if let f = fit, f.monteCarlo != nil { notes.append(.smallExpectedCounts(smallest: f.smallestExpected)) }
        }
        self.fit = fit

        // Per-group exact tests, adjusted across the tested groups.
        var raw = [Double?](repeating: nil, count: categories.count)
        if tested.count >= 2, nTested > 0 {
            for i in tested {
                if let d = deff?[i] {
                    raw[i] = try BinomialTest.centralPValue(successes: Double(categories[i].participants) / d,
                                                            trials: Double(nTested) / d, probability: residentShares[i]!)
                } else {
                    raw[i] = try BinomialTest.centralPValue(successes: categories[i].participants, trials: nTested,
                                                             probability: residentShares[i]!)
                }
            }
        }
        let testedRaw = tested.compactMap { raw[$0] }
        let adjustedTested = settings.adjustment.adjust(testedRaw)
        var adjusted = [Double?](repeating: nil, count: categories.count)
        if testedRaw.count == tested.count {
            for (j, i) in tested.enumerated() { adjusted[i] = adjustedTested[j] }
        }

        let rIndicator = RIndicator(participants: categories.map(\.participants), residents: categories.map(\.residents))
        self.rIndicator = rIndicator

        let groupAlpha = DetectableRatio.perGroupAlpha(settings.confidence.alpha, groups: tested.count, adjustment: settings.adjustment)
        var groups: [GroupComparison] = []
        for (i, c) in categories.enumerated() {
            var ratio: RepresentationRatio?
            if let share = residentShares[i], share > 0, nTested > 0 {
                ratio = try deff.map { d in
                    try RepresentationRatio(participants: c.participants, of: nTested, residentShare: share, designEffect: d[i],
                                            confidence: settings.confidence)
                } ?? RepresentationRatio(participants: c.participants, of: nTested, residentShare: share, confidence: settings.confidence)
            }
            var flag = RepresentationFlag.none
            var missing: Int?, extraNeeded: Int?
            if let q = adjusted[i], q < settings.confidence.alpha, let share = residentShares[i], let r = ratio?.interval {
                let expected = Double(nTested) * share
                let under = Double(c.participants) < expected
                if under ? r.upper < 1 : r.lower > 1 { flag = under ? .under : .over }
                if flag == .under {
                    // ceil(n·π − n_g), with a tolerance so 12.000000001 stays 12.
                    missing = Int((expected - Double(c.participants) - 1e-9).rounded(.up))
                    if share < 1 { extraNeeded = Int(((expected - Double(c.participants)) / (1 - share) - 1e-9).rounded(.up)) }
                }
            }
            groups.append(GroupComparison(
                key: c.key, participants: c.participants, residents: c.residents,
                reach: try ReachRate(participants: c.participants, residents: c.residents,
                                     confidence: settings.confidence, method: settings.reachInterval),
                participantShare: participantShares[i], residentShare: residentShares[i], ratio: ratio,
                pValue: raw[i], pAdjusted: adjusted[i], flag: flag, missing: missing,
                partialR: rIndicator?.categoryPartials[i] ?? nil,
                detectableUnder: raw[i] == nil ? nil : try DetectableRatio.under(participants: nTested, residentShare: residentShares[i]!, alpha: groupAlpha),
                detectableOver: raw[i] == nil ? nil : try DetectableRatio.over(participants: nTested, residentShare: residentShares[i]!, alpha: groupAlpha),
                extraNeeded: extraNeeded, designEffect: deff?[i]))
        }
        self.groups = groups
        let small = categories.filter { $0.participants > 0 && $0.participants < Self.smallGroupThreshold }.map(\.key)
        if !small.isEmpty { notes.append(.smallGroups(small, threshold: Self.smallGroupThreshold)) }
        self.notes = notes

        if nTested > 0, bigN > 0 {
            dissimilarity = RepresentationIndex.dissimilarity(participantShares: tested.map { participantShares[$0]! },
                                                              residentShares: tested.map { residentShares[$0]! })
        } else {
            dissimilarity = nil
        }
        cohensW = fit.flatMap { RepresentationIndex.cohensW(chiSquared: $0.chiSquared, participants: nTested) }
        if let deff, let f = fit, !tested.isEmpty {
            let mean = tested.reduce(0) { $0 + deff[$1] } / Double(tested.count)
            let adjusted = f.chiSquared / mean
            raoScott = DesignEffect.RaoScott(chiSquared: adjusted, pValue: try GSL.chiSquaredUpperTail(adjusted, Double(f.degreesOfFreedom)),
                                             meanDesignEffect: mean)
        } else {
            raoScott = nil
        }
    }
}
