import BereikData
import BereikStats
import Foundation

/// How SES-WOA enters `bereik model`: as the buurt's group (Q1 … Qk, the highest the reference)
/// or as its score, per standard deviation of the model's buurten.
public enum SESForm: String, Sendable, CaseIterable { case groups, score }

/// The standard errors behind a model's intervals and p-values: quasi-Poisson (model-based × √φ,
/// t on the residual df; the default, since participation clusters), model-based Poisson (normal),
/// or cluster-robust by buurt (sandwich, normal).
public enum ModelStandardErrors: String, Sendable, CaseIterable { case quasi, model, robust }

/// What `bereik model` is asked.
public struct ModelQuestion: Sendable {
    public var by: BereikData.Dimension
    public var adjustForSES: Bool
    public var sesForm: SESForm = .groups
    public var reference: String?
    public var standardErrors: ModelStandardErrors = .quasi
    /// Display labels (lower case, either language) → key, so `--reference Nederlands` works too.
    public var referenceLabels: [String: String] = [:]

    public init(by: BereikData.Dimension, adjustForSES: Bool, sesForm: SESForm = .groups, reference: String? = nil, standardErrors: ModelStandardErrors = .quasi) {
        self.by = by
        self.adjustForSES = adjustForSES
        self.sesForm = sesForm
        self.reference = reference
        self.standardErrors = standardErrors
    }
}

/// One rate ratio of a model: a level of the person dimension (against its reference), an SES group
/// (against the highest) or the SES score (per standard deviation); adjusted (all terms) and crude
/// (its term alone).
public struct ModelEstimate: Sendable {
    public let term: String
    public let level: String
    /// Participants in the model's cells at this level (nil for the score).
    public let participants: Int?
    public let rateRatio: Interval
    public let pValue: Double
    /// The standard error behind `rateRatio` and `pValue` (quasi, model or robust, as asked).
    public let usedStandardError: Double
    /// Model-based (Poisson) and cluster-robust standard errors of the coefficient.
    public let standardError: Double
    public let robustStandardError: Double
    public let crude: Interval
    public let crudePValue: Double
}

/// The test of a whole term: the model without it against the full model.
public struct ModelTermTest: Sendable {
    public let term: String
    public let statistic: Double
    public let df: Int
    public let pValue: Double
    public let f: Double?
    public let pValueF: Double?
    /// The test that is read (F for quasi-Poisson, the likelihood ratio otherwise).
    public let readingPValue: Double
}

public struct ModelResult: Sendable {
    public let request: AnalysisRequest
    public let sources: InputSources
    public let area: Area
    public let reconciliation: Reconciliation
    public let notes: [RunNote]
    public let question: ModelQuestion
    public let reference: String
    public let sesReference: String?
    /// One standard deviation of the buurten's SES-WOA scores (the score's unit), when SES is a score.
    public let sesScale: Double?
    public let estimates: [ModelEstimate]
    public let tests: [ModelTermTest]
    /// The SES term's test without the person characteristic (SES alone against no term).
    public let crudeSESTest: ModelTermTest?
    /// The SES gradient as a trend (1 df: group rank, or the score): crude and adjusted tests.
    public let sesTrend: (crude: ModelTermTest, adjusted: ModelTermTest)?
    public let dispersion: Double?
    public let deviance: Double
    public let dfResidual: Int
    public let cells: Int
    public let buurten: Int
    public let persons: Int
    /// Persons left out: unknown value, buurt without population data or SES score, or a cell without residents.
    public let leftOut: [String: Int]
    /// Participants per level of each term (for disclosure control).
    public let levelParticipants: [String: [String: Int]]
    public let sesGrouping: SESGrouping?
}

/// `bereik model`: rate ratios from a Poisson regression of participants on buurt × category cells
/// with offset log(residents) — log E[n_bc] = log N_bc + β_c + γ·SES_b — so the reach of a group can
/// be compared with and without the buurt's SES (Breslow & Day 1987, *Statistical Methods in Cancer
/// Research II*, ch. 4: Poisson models for rates with person-time as offset). Residents per cell are
/// CBS's buurt counts; participants are persons by their resolved buurt.
public enum ModelPipeline {
    public static func run(_ request: AnalysisRequest, question: ModelQuestion) throws -> ModelResult {
        try run(request, question: question, inputs: PreparedInputs(request))
    }

    public static func run(_ request: AnalysisRequest, question: ModelQuestion, inputs: PreparedInputs) throws -> ModelResult {
        var notes = inputs.notes
        let by = question.by
        guard by != .ses else { throw ModelProblem.sesIsNotAPersonDimension }
        let columns = Set(AttendanceRole.allCases.filter { inputs.attendance.columns[$0] != nil }.compactMap(\.dimension))
        guard inputs.attendance.participants.values(by) != nil, columns.contains(by) else { throw ModelProblem.noColumn(by) }
        try InputProblem.check(by, attendance: inputs.attendance)
        guard inputs.attendance.hasBuurt else { throw ModelProblem.noBuurt }
        var grouping: SESGrouping? = nil
        if question.adjustForSES {
            guard inputs.ses != nil else { throw ModelProblem.noSES }
            grouping = try inputs.sesGrouping(notes: &notes)
        }
        let p = inputs.attendance.participants
        let values = p.values(by)!
        let keys = by == .origin ? inputs.population.originScheme.keys : CategoryKeys.keys(for: by, origin: inputs.population.originScheme, sesGroups: 0)

        // The model's buurten: population counts for the dimension (and an SES score when adjusting).
        let buurten = inputs.area.buurten.filter { code in
            guard let counts = inputs.population.region(code)?.counts[by], counts.reduce(0, +) > 0 else { return false }
            guard question.adjustForSES else { return true }
            return question.sesForm == .groups ? grouping?.groupOf[code] != nil : inputs.ses?.scores[code] != nil
        }
        let index = Dictionary(uniqueKeysWithValues: buurten.enumerated().map { ($1, $0) })
        var y = [[Int]](repeating: [Int](repeating: 0, count: keys.count), count: buurten.count)
        var leftOut: [String: Int] = [:]
        for person in 0..<p.count {
            let v = Int(values[person])
            guard v >= 0, v < keys.count else { leftOut["unknown_\(by.rawValue)", default: 0] += 1; continue }
            guard p.buurt[person] >= 0, let b = index[p.buurtCodes[Int(p.buurt[person])]] else { leftOut["buurt_without_data", default: 0] += 1; continue }
            y[b][v] += 1
        }
        // Cells with residents; participants in a cell without residents cannot enter a rate.
        var cells: [(b: Int, c: Int, y: Int, n: Int)] = []
        for (b, code) in buurten.enumerated() {
            let counts = inputs.population.region(code)!.counts[by]!
            for c in keys.indices {
                if counts[c] > 0 { cells.append((b, c, y[b][c], counts[c])) } else if y[b][c] > 0 { leftOut["cell_without_residents", default: 0] += y[b][c] }
            }
        }
        var levelParticipants: [String: [String: Int]] = [by.rawValue: [:]]
        var residentsPerLevel = [Int](repeating: 0, count: keys.count)
        for cell in cells {
            levelParticipants[by.rawValue]![keys[cell.c], default: 0] += cell.y
            residentsPerLevel[cell.c] += cell.n
        }
        let present = keys.indices.filter { residentsPerLevel[$0] > 0 }
        guard present.count >= 2 else { throw ModelProblem.tooFewLevels(by) }
        for c in present where levelParticipants[by.rawValue]![keys[c], default: 0] == 0 { throw ModelProblem.emptyLevel(term: by.rawValue, level: keys[c]) }
        // The reference: the level with the most residents, unless one is named.
        let reference: Int
        if let named = question.reference {
            // The key (niet_westers) or the key as people write it (niet-westers, "Niet westers").
            let normalised = named.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            guard let c = keys.firstIndex(of: normalised) ?? question.referenceLabels[named.lowercased()].flatMap({ keys.firstIndex(of: $0) }),
                  present.contains(c) else { throw ModelProblem.unknownReference(named, choices: present.map { keys[$0] }) }
            reference = c
        } else {
            reference = present.max { (residentsPerLevel[$0], -$0) < (residentsPerLevel[$1], -$1) }!
        }
        let others = present.filter { $0 != reference }

        // SES columns.
        var sesColumns: [(name: String, value: (Int) -> Double)] = []
        // The gradient as one number: the SES group's rank (1 … k) or the score itself.
        var trendColumn: ((Int) -> Double)? = nil
        var sesReference: String? = nil, sesScale: Double? = nil
        if question.adjustForSES, let grouping {
            let codes = buurten
            if question.sesForm == .groups {
                let groupOfBuurt = codes.map { grouping.groupOf[$0]! }
                let used = Set(groupOfBuurt).sorted()
                guard used.count >= 2 else { throw ModelProblem.tooFewLevels(.ses) }
                let top = used.last!
                sesReference = "Q\(top + 1)"
                levelParticipants["ses"] = [:]
                for cell in cells { levelParticipants["ses"]!["Q\(groupOfBuurt[cell.b] + 1)", default: 0] += cell.y }
                for g in used where levelParticipants["ses"]!["Q\(g + 1)", default: 0] == 0 { throw ModelProblem.emptyLevel(term: "ses", level: "Q\(g + 1)") }
                for g in used.dropLast() { sesColumns.append(("Q\(g + 1)", { groupOfBuurt[$0] == g ? 1 : 0 })) }
                trendColumn = { Double(groupOfBuurt[$0] + 1) }
            } else {
                let scores = codes.map { inputs.ses!.scores[$0]! }
                let mean = scores.reduce(0, +) / Double(scores.count)
                let sd = (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, scores.count - 1))).squareRoot()
                guard sd > 0 else { throw ModelProblem.tooFewLevels(.ses) }
                sesScale = sd
                sesColumns.append(("score", { (scores[$0] - mean) / sd }))
                trendColumn = sesColumns[0].value
            }
        }

        // Designs: the full model, the person dimension alone, SES alone.
        func design(person: Bool, ses: Bool) -> (x: [Double], p: Int) {
            var x: [Double] = []
            for cell in cells {
                x.append(1)
                if person { for c in others { x.append(cell.c == c ? 1 : 0) } }
                if ses { for column in sesColumns { x.append(column.value(cell.b)) } }
            }
            return (x, 1 + (person ? others.count : 0) + (ses ? sesColumns.count : 0))
        }
        let counts = cells.map(\.y), offset = cells.map { log(Double($0.n)) }, clusters = cells.map(\.b)
        func fit(person: Bool, ses: Bool) throws -> PoissonRegression {
            let d = design(person: person, ses: ses)
            do { return try PoissonRegression(counts: counts, design: d.x, columns: d.p, offset: offset) }
            catch let error as StatsError { throw ModelProblem.fit(error.description) }
        }
        let adjusting = !sesColumns.isEmpty
        let full = try fit(person: true, ses: adjusting)
        let personOnly = adjusting ? try fit(person: true, ses: false) : full
        let sesOnly = adjusting ? try fit(person: false, ses: true) : nil
        let null = try fit(person: false, ses: false)
        let robust = try full.robustCovariance(clusters: clusters)
        let robustPersonOnly = adjusting ? try personOnly.robustCovariance(clusters: clusters) : robust
        // The crude SES difference from buurt totals (all groups together): the same estimates as
        // SES alone on the cells, but its dispersion is the buurten's, not inflated by the
        // differences between the person groups that SES alone leaves out.
        let buurtIndices = Array(Set(cells.map(\.b))).sorted()
        var totals: [Int: (y: Int, n: Int)] = [:]
        for cell in cells { totals[cell.b, default: (0, 0)].y += cell.y; totals[cell.b, default: (0, 0)].n += cell.n }
        let perBuurt = buurtIndices.map { totals[$0]! }
        func buurtFit(ses: Bool) throws -> PoissonRegression {
            var x: [Double] = []
            for b in buurtIndices { x.append(1); if ses { for column in sesColumns { x.append(column.value(b)) } } }
            do { return try PoissonRegression(counts: perBuurt.map(\.y), design: x, columns: 1 + (ses ? sesColumns.count : 0), offset: perBuurt.map { log(Double($0.n)) }) }
            catch let error as StatsError { throw ModelProblem.fit(error.description) }
        }
        let sesCrude = adjusting ? try buurtFit(ses: true) : nil, nullCrude = adjusting ? try buurtFit(ses: false) : nil
        let robustSESOnly = try sesCrude.map { try $0.robustCovariance(clusters: Array(buurtIndices.indices)) }

        var form = question.standardErrors
        if form == .quasi, full.dispersion == nil { form = .model }
        func interval(_ model: PoissonRegression, _ robust: [Double], _ j: Int) throws -> (Interval, Double, Double, Double, Double) {
            let inference: PoissonRegression.Inference = form == .quasi ? .quasi : form == .model ? .model : .robust(covariance: robust)
            let r = try model.rateRatio(j, inference: inference, confidence: request.settings.confidence)
            return (r.rateRatio, r.pValue, r.standardError, model.standardError(j), robust[j * model.parameters + j].squareRoot())
        }
        var estimates: [ModelEstimate] = []
        for (k, c) in others.enumerated() {
            let (adjusted, p, used, se, rse) = try interval(full, robust, 1 + k)
            let (crude, crudeP, _, _, _) = try interval(personOnly, robustPersonOnly, 1 + k)
            estimates.append(ModelEstimate(term: by.rawValue, level: keys[c], participants: levelParticipants[by.rawValue]![keys[c]] ?? 0,
                                           rateRatio: adjusted, pValue: p, usedStandardError: used, standardError: se, robustStandardError: rse,
                                           crude: crude, crudePValue: crudeP))
        }
        if let sesCrude, let robustSESOnly {
            for (k, column) in sesColumns.enumerated() {
                let (adjusted, p, used, se, rse) = try interval(full, robust, 1 + others.count + k)
                let (crude, crudeP, _, _, _) = try interval(sesCrude, robustSESOnly, 1 + k)
                estimates.append(ModelEstimate(term: "ses", level: column.name, participants: levelParticipants["ses"]?[column.name],
                                               rateRatio: adjusted, pValue: p, usedStandardError: used, standardError: se, robustStandardError: rse,
                                               crude: crude, crudePValue: crudeP))
            }
        }
        func termTest(_ term: String, against reduced: PoissonRegression, in full: PoissonRegression = full) throws -> ModelTermTest {
            let t = try full.test(against: reduced)
            return ModelTermTest(term: term, statistic: t.statistic, df: t.df, pValue: t.p, f: t.f, pValueF: t.pF,
                                 readingPValue: form == .quasi ? (t.pF ?? t.p) : t.p)
        }
        var tests = [try termTest(by.rawValue, against: sesOnly ?? null)]
        if adjusting { tests.append(try termTest("ses", against: personOnly)) }
        let crudeSESTest = try sesCrude.map { try termTest("ses", against: nullCrude!, in: $0) }
        // The trend over SES (1 df): crude from buurt totals, adjusted beside the person characteristic.
        var sesTrend: (crude: ModelTermTest, adjusted: ModelTermTest)? = nil
        if adjusting, let trendColumn, let nullCrude {
            var xb: [Double] = []
            for b in buurtIndices { xb += [1, trendColumn(b)] }
            var xc: [Double] = []
            for cell in cells {
                xc.append(1)
                for c in others { xc.append(cell.c == c ? 1 : 0) }
                xc.append(trendColumn(cell.b))
            }
            do {
                let crudeTrend = try PoissonRegression(counts: perBuurt.map(\.y), design: xb, columns: 2, offset: perBuurt.map { log(Double($0.n)) })
                let adjustedTrend = try PoissonRegression(counts: counts, design: xc, columns: 2 + others.count, offset: offset)
                sesTrend = (try termTest("ses_trend", against: nullCrude, in: crudeTrend), try termTest("ses_trend", against: personOnly, in: adjustedTrend))
            } catch let error as StatsError { throw ModelProblem.fit(error.description) }
        }
        return ModelResult(request: request, sources: inputs.sources, area: inputs.area, reconciliation: inputs.attendance.reconciliation,
                           notes: notes, question: ModelQuestion(by: by, adjustForSES: adjusting, sesForm: question.sesForm,
                                                                 reference: question.reference, standardErrors: form),
                           reference: keys[reference], sesReference: sesReference, sesScale: sesScale, estimates: estimates, tests: tests,
                           crudeSESTest: crudeSESTest, sesTrend: sesTrend,
                           dispersion: full.dispersion, deviance: full.deviance, dfResidual: full.dfResidual, cells: cells.count,
                           buurten: Set(cells.map(\.b)).count, persons: counts.reduce(0, +), leftOut: leftOut,
                           levelParticipants: levelParticipants, sesGrouping: question.sesForm == .groups ? grouping : nil)
    }
}

/// Why `bereik model` cannot answer (exit 1 with the cause and the fix; worded by BereikReport).
public enum ModelProblem: Error, Sendable, Equatable {
    case sesIsNotAPersonDimension
    case noColumn(BereikData.Dimension)
    case noBuurt
    case noSES
    case tooFewLevels(BereikData.Dimension)
    case emptyLevel(term: String, level: String)
    case unknownReference(String, choices: [String])
    case fit(String)

    /// A wrong argument (exit 2), not a data problem.
    public var isUsage: Bool {
        switch self {
        case .sesIsNotAPersonDimension, .unknownReference: return true
        default: return false
        }
    }
}
