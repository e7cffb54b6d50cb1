import BereikData
import BereikPipeline
import BereikStats

/// The publishing step: analysis results → published results, between compute and render.
///
/// Every count a result prints goes into one `DisclosureLedger` with the sums that link it to
/// other counts; the ledger decides what to withhold; then the published values are read from
/// it. Statistics computed from a table with a withheld cell are replaced by their verdict.
/// With `control == nil` everything is shown (the same types, so renderers have one path).
public enum Publisher {
    public static func publish(_ r: CompareResult, control: DisclosureControl?) -> PublishedCompare {
        publishedWithLedger(r, control: control).published
    }

    /// A comparison with its ledger (for the tests' attacker).
    static func publishedWithLedger(_ r: CompareResult, control: DisclosureControl?) -> (published: PublishedCompare, ledger: DisclosureLedger) {
        publishing(r, control, register: { ledger, persons in
            let dims = r.dimensions.map { DimensionCells($0, persons: persons, &ledger) }
            return (dims, r.crossings.map { CrossingCells($0, dimensions: Array(zip(r.dimensions, dims)), persons: persons, &ledger) },
                    r.periodChange.map { PeriodChangeCells($0, persons: persons, bPrefix: nil, &ledger) })
        }, build: { cells, context, ledger in
            var published = PublishedCompare(context: context, dimensions: zip(r.dimensions, cells.0).map { $1.publish($0, ledger) },
                                             crossings: zip(r.crossings, cells.1).map { $1.publish($0, ledger, confidence: r.request.settings.confidence.value) })
            if let change = r.periodChange, let cells = cells.2 {
                published.periodChange = cells.publish(change, alpha: 1 - r.request.settings.confidence.value, ledger)
            }
            return published
        })
    }

    public static func publish(_ r: UnitHeterogeneityResult, control: DisclosureControl?) -> PublishedUnits {
        publishing(r, control, register: { UnitCells(r, persons: $1, &$0) }, build: { $0.publish(r, context: $1, $2) }).published
    }

    public static func publish(_ r: ActivityHeterogeneityResult, control: DisclosureControl?) -> PublishedActivities {
        activitiesLedger(r, control: control).published
    }

    /// The activities (or initiatives) with their ledger (for the tests' attacker).
    static func activitiesLedger(_ r: ActivityHeterogeneityResult, control: DisclosureControl?) -> (published: PublishedActivities, ledger: DisclosureLedger) {
        publishing(r, control, register: { ledger, persons in
            // Persons by number of groups: with the persons in none, they partition the run's persons.
            let byCount = r.personsByGroupCount.enumerated().map { ledger.cell($1, key: "groups.count.\($0 + 1)") }
            if !byCount.isEmpty {
                let none = ledger.cell(r.reconciliation.persons - r.personsByGroupCount.reduce(0, +), key: "groups.none", published: false)
                ledger.partition(total: persons, parts: byCount + [none])
            }
            let rows = r.dimensions.map { ActivityCells($0, &ledger) }
            ActivityCells.registerSets(r, rows: rows, run: persons, byCount: byCount.isEmpty ? nil : byCount, whole: [], &ledger)
            return (rows, byCount)
        }, build: { cells, context, ledger in
            let overlapWithheld = ledger.anyWithheld(cells.1)
            var published = PublishedActivities(context: context, dimensions: zip(r.dimensions, cells.0).map { $1.publish($0, overlapWithheld: overlapWithheld, ledger) })
            published.membership = r.membership
            published.personsByGroupCount = cells.1.map { ledger.count($0) }
            return published
        })
    }

    public static func publish(_ r: GradientResult, control: DisclosureControl?) -> PublishedGradient {
        publishing(r, control, register: { GradientCells(r, persons: $1, &$0) }, build: { $0.publish(r, context: $1, $2) }).published
    }

    public static func publish(_ r: TrendResult, control: DisclosureControl?) -> PublishedTrend {
        publishing(r, control, register: { TrendCells(r, persons: $1, &$0) }, build: { $0.publish(r, context: $1, $2) }).published
    }

    /// The one publishing sequence: register the row account and the result's counts in a new
    /// ledger, solve it, and build the published result from it (returned with the ledger for the
    /// property tests' attacker).
    static func publishing<Cells, Published>(
        _ r: some RunResult, _ control: DisclosureControl?,
        register: (inout DisclosureLedger, DisclosureLedger.Cell) -> Cells,
        build: (Cells, PublishedContext, DisclosureLedger) -> Published
    ) -> (published: Published, ledger: DisclosureLedger) {
        var ledger = DisclosureLedger()
        let recon = ReconciliationCells(r.reconciliation, &ledger)
        let cells = register(&ledger, recon.persons)
        ledger.solve(control)
        return (build(cells, context(r, recon, ledger), ledger), ledger)
    }

    public static func publish(_ r: ReportResult, control: DisclosureControl?) -> PublishedReport {
        ledger(r, control: control).report
    }

    /// The report and its ledger (for the property tests' attacker).
    static func ledger(_ r: ReportResult, control: DisclosureControl?) -> (report: PublishedReport, ledger: DisclosureLedger) {
        let c = r.compare
        let (report, ledger) = publishing(c, control, register: { ledger, persons in
            let dims = c.dimensions.map { DimensionCells($0, persons: persons, &ledger) }
            return (dims: dims,
             crossings: c.crossings.map { CrossingCells($0, dimensions: Array(zip(c.dimensions, dims)), persons: persons, &ledger) },
             units: UnitCells(r.buurten, persons: persons, &ledger),
             activities: r.activities.map { a in
                 let rows = a.dimensions.map { ActivityCells($0, &ledger) }
                 // Linked to compare's columns when no participant is set apart (then they count alike).
                 let whole = a.dimensions.map { ad -> [DisclosureLedger.Cell]? in
                     guard let i = c.dimensions.firstIndex(where: { $0.counts.dimension == ad.dimension }), c.dimensions[i].counts.participantsWithoutData == 0 else { return nil }
                     return dims[i].groups + [dims[i].unknown!]
                 }
                 ActivityCells.registerSets(a, rows: rows, run: persons, byCount: nil, whole: whole, &ledger)
                 return rows
             },
             gradient: r.gradient.map { GradientCells($0, persons: persons, &ledger) },
             trend: r.trend.map { TrendCells($0, persons: persons, &ledger) },
             roles: r.roles.map { RoleCells($0, persons: persons, &ledger) },
             periods: r.periodChange.map { PeriodChangeCells($0, persons: persons, bPrefix: "period_b", &ledger) },
             initiatives: r.initiatives.map { InitiativeCells($0, persons: persons, &ledger) })
        }, build: { cells, ctx, ledger in
            var published = PublishedReport(
                context: ctx,
                compare: PublishedCompare(context: ctx, dimensions: zip(c.dimensions, cells.dims).map { $1.publish($0, ledger) },
                                          crossings: zip(c.crossings, cells.crossings).map { $1.publish($0, ledger, confidence: c.request.settings.confidence.value) }),
                buurten: cells.units.publish(r.buurten, context: ctx, ledger),
                activities: r.activities.map { a in
                    PublishedActivities(context: ctx, dimensions: zip(a.dimensions, cells.activities!).map { $1.publish($0, ledger) })
                },
                gradient: r.gradient.map { cells.gradient!.publish($0, context: ctx, ledger) },
                trend: r.trend.map { cells.trend!.publish($0, context: ctx, ledger) },
                files: r.files, title: r.title)
            published.roles = r.roles.map { cells.roles!.publish($0, context: ctx, ledger) }
            // Under disclosure control not in the report: its main tables are the whole run, and the
            // whole less period A is the persons only in B — possibly one person (found by a
            // fresh-eyes test on the example). `compare --period-a/-b` shows B as its table instead.
            if control == nil {
                published.periodChange = r.periodChange.map { cells.periods!.publish($0, alpha: 1 - c.request.settings.confidence.value, ledger) }
            }
            published.periodChangeWithheld = control != nil && r.periodChange != nil
            published.initiatives = r.initiatives.map { cells.initiatives!.publish($0, context: ctx, ledger) }
            // Outlines and CBS residents: nothing to withhold.
            published.map = r.map
            published.mapProblem = r.mapProblem
            return published
        })
        var published = report
        published.visits = r.visits
        // extra_needed is withheld with its group's count.
        published.whereMissing = r.whereMissing.map { m in
            let shown = published.compare.dimensions.first { $0.dimension == m.dimension }?.groups.first { $0.key == m.group }
            return WhereMissing(dimension: m.dimension, group: m.group, extraNeeded: shown?.extraNeeded, places: m.places)
        }
        return (published, ledger)
    }

    /// The ledger of a single comparison (for the property tests).
    static func ledger(_ r: CompareResult, control: DisclosureControl?) -> DisclosureLedger {
        publishedWithLedger(r, control: control).ledger
    }

    static func context(_ r: some RunResult, _ recon: ReconciliationCells, _ ledger: DisclosureLedger) -> PublishedContext {
        PublishedContext(settings: r.request.settings, sesGroups: r.request.sesGroups, sesCutPoints: r.request.sesCutPoints, cluster: r.request.cluster, areaName: r.request.areaName, funnel: r.request.funnel, from: r.request.from, to: r.request.to,
                         area: r.area, sources: r.sources, notes: r.notes, disclosure: ledger.control, reconciliation: recon.publish(ledger))
    }
}

/// What every analysis result carries besides its numbers: the request, inputs, area, row account and notes.
protocol RunResult {
    var request: AnalysisRequest { get }
    var sources: InputSources { get }
    var area: Area { get }
    var reconciliation: Reconciliation { get }
    var notes: [RunNote] { get }
}

extension CompareResult: RunResult {}
extension UnitHeterogeneityResult: RunResult {}
extension ActivityHeterogeneityResult: RunResult {}
extension GradientResult: RunResult {}
extension TrendResult: RunResult {}

/// The row account: rows = used + Σ excluded; persons, persons outside the area, conflicts, unknowns.
struct ReconciliationCells {
    let rows: DisclosureLedger.Cell, used: DisclosureLedger.Cell
    let excluded: [(ExclusionReason, DisclosureLedger.Cell)]
    let persons: DisclosureLedger.Cell, outside: DisclosureLedger.Cell
    let conflicts: [(AttendanceRole, DisclosureLedger.Cell)]
    let unknown: [(Dimension, DisclosureLedger.Cell)]
    let recon: Reconciliation

    init(_ r: Reconciliation, _ ledger: inout DisclosureLedger) {
        recon = r
        rows = ledger.cell(r.rows, key: "rows")
        used = ledger.cell(r.rowsUsed, key: "rows_used")
        excluded = ExclusionReason.allCases.compactMap { reason in
            r.excluded[reason].map { (reason, ledger.cell($0, key: "excluded.\(reason.rawValue)")) }
        }
        ledger.partition(total: rows, parts: [used] + excluded.map(\.1))
        persons = ledger.cell(r.persons, key: "persons")
        outside = ledger.cell(r.personsOutsideArea, key: "persons_outside_area")
        conflicts = AttendanceRole.allCases.compactMap { role in r.conflicts[role].map { (role, ledger.cell($0, key: "conflicts.\(role.rawValue)")) } }
        unknown = Dimension.allCases.compactMap { d in r.unknown[d].map { (d, ledger.cell($0, key: "unknown.\(d.rawValue)")) } }
    }

    func publish(_ ledger: DisclosureLedger) -> PublishedReconciliation {
        let controlled = ledger.control != nil
        return PublishedReconciliation(
            rows: ledger.count(rows), rowsUsed: ledger.count(used), excluded: excluded.map { ($0.0, ledger.count($0.1)) },
            blankLines: recon.blankLines, persons: ledger.count(persons), personsOutsideArea: ledger.count(outside),
            conflicts: conflicts.map { ($0.0, ledger.count($0.1)) }, unknown: unknown.map { ($0.0, ledger.count($0.1)) },
            unrecognised: controlled ? [] : AttendanceRole.allCases.compactMap { role in
                recon.unrecognised[role].map { values in
                    (role, values.map { (value: $0.key, count: $0.value) }.sorted { ($0.count, $1.value) > ($1.count, $0.value) })
                }
            })
    }
}

/// A comparison table: persons = Σ groups + unknown + without data.
struct DimensionCells {
    let groups: [DisclosureLedger.Cell]
    let total: DisclosureLedger.Cell
    let unknown: DisclosureLedger.Cell?
    let withoutData: DisclosureLedger.Cell?

    /// A dimension of `compare` (or `gradient`), linked to the run's persons; with `key`, a part of
    /// the run (a role level, an initiative) linked to that part's persons.
    init(_ d: DimensionResult, persons: DisclosureLedger.Cell, key: String? = nil, _ ledger: inout DisclosureLedger) {
        let prefix = key ?? "dimension.\(d.counts.dimension.rawValue)"
        groups = d.comparison.groups.map { ledger.cell($0.participants, key: "\(prefix).\($0.key)") }
        total = ledger.sum(groups, key: "\(prefix).total")
        let u = ledger.cell(d.counts.participantsUnknown, key: "\(prefix).unknown")
        let w = ledger.cell(d.counts.participantsWithoutData, key: "\(prefix).without_data")
        ledger.partition(total: persons, parts: [total, u, w])
        unknown = u
        withoutData = w
    }

    /// A row of counts with its own total (an activity's row).
    init(row: [Int], key prefix: String, _ ledger: inout DisclosureLedger) {
        groups = row.enumerated().map { ledger.cell($1, key: "\(prefix).\($0)") }
        total = ledger.sum(groups, key: "\(prefix).total")
        unknown = nil
        withoutData = nil
    }

    var cells: [DisclosureLedger.Cell] { groups + [total] }

    func publish(_ d: DimensionResult, _ ledger: DisclosureLedger) -> PublishedDimension {
        var published = publish(d.comparison, dimension: d.counts.dimension, counts: d.counts, sesRanges: d.sesRanges, ledger)
        // x/(N ± 2r) reveals x: shown only beside a shown count.
        for i in published.groups.indices where i < d.rounding.count && !published.groups[i].participants.isWithheld {
            published.groups[i].rounding = d.rounding[i]
        }
        published.sesGrouping = d.sesGrouping
        // Design effects come from counts per buurt, outside the ledger: never beside withheld cells
        // (the command line refuses --cluster with disclosure control; this keeps it so).
        if ledger.control == nil {
            published.raoScott = d.comparison.raoScott
            for i in published.groups.indices { published.groups[i].designEffect = d.comparison.groups[i].designEffect }
        }
        return published
    }

    func publish(_ c: DimensionComparison, dimension: Dimension, counts: CountTable?, sesRanges: [ClosedRange<Double>?]?,
                 _ ledger: DisclosureLedger) -> PublishedDimension {
        let totalShown = ledger.isShown(total)
        let tainted = ledger.anyWithheld(cells)
        let groups = c.groups.enumerated().map { i, g -> PublishedGroup in
            let shown = ledger.isShown(self.groups[i])
            // Shares, ratios and tests use the total; the adjusted p also uses the other groups.
            let open = shown && totalShown
            return PublishedGroup(
                key: g.key, participants: ledger.count(self.groups[i]), residents: g.residents,
                participantShare: open ? g.participantShare : nil, residentShare: g.residentShare,
                reach: shown ? PublishedRate(g.reach) : .withheld, ratio: open ? g.ratio : nil,
                // A withheld group's flag is withheld too: "under" may only be possible with one person.
                pValue: open ? g.pValue : nil, pAdjusted: tainted ? nil : g.pAdjusted, flag: shown ? g.flag : .none,
                missing: open ? g.missing : nil, extraNeeded: open ? g.extraNeeded : nil, partialR: tainted ? nil : g.partialR,
                small: !shown || (g.participants > 0 && g.participants < DimensionComparison.smallGroupThreshold),
                sesRange: sesRanges?[i] ?? nil,
                // A function of the tested total, which a withheld cell would let a reader recover.
                detectableUnder: tainted ? nil : g.detectableUnder, detectableOver: tainted ? nil : g.detectableOver)
        }
        let test: PublishedTest? = c.fit.map { f in
            tainted ? .verdict(pBelow005: f.reportedPValue < 0.05, method: f.method) : .exact(f)
        }
        let notes = c.notes.map { note -> ComparisonNote in
            if case .smallExpectedCounts = note, tainted { return .smallExpectedCounts(smallest: .nan) }
            // Which groups are small must not tell a withheld group's size: every withheld group is listed.
            if case .smallGroups(let keys, let threshold) = note, tainted {
                let withheld = c.groups.indices.filter { !ledger.isShown(self.groups[$0]) }.map { c.groups[$0].key }
                return .smallGroups(c.groups.map(\.key).filter { keys.contains($0) && !withheld.contains($0) || withheld.contains($0) }, threshold: threshold)
            }
            return note
        }
        return PublishedDimension(
            dimension: dimension, participants: ledger.count(total), residents: c.residents,
            participantsUnknown: unknown.map { ledger.count($0) } ?? .shown(0),
            participantsWithoutData: withoutData.map { ledger.count($0) } ?? .shown(0),
            buurtenWithoutData: counts?.buurtenWithoutData.count ?? 0, residentsSource: counts?.residentsSource ?? "",
            test: test, dissimilarity: tainted ? nil : c.dissimilarity, cohensW: tainted ? nil : c.cohensW,
            rIndicator: tainted ? nil : c.rIndicator, notes: notes, groups: groups)
    }
}

/// Buurten or wijken: persons = Σ units + persons without a buurt in the area; the target is
/// published, so Σ participants over the usable units is too.
struct UnitCells {
    let units: [DisclosureLedger.Cell]
    let usableSum: DisclosureLedger.Cell

    init(_ r: UnitHeterogeneityResult, persons: DisclosureLedger.Cell, _ ledger: inout DisclosureLedger) {
        let kind = r.unitKind.rawValue
        units = r.units.map { ledger.cell($0.participants, key: "\(kind).\($0.unit)") }
        let inUnits = r.units.reduce(0) { $0 + $1.participants }
        let personsValue = ledger.values[persons]
        if personsValue >= inUnits {
            let rest = ledger.cell(personsValue - inUnits, key: "\(kind).rest", published: false)
            ledger.partition(total: persons, parts: units + [rest])
        }
        let leftOut = Set(r.unitsLeftOut)
        let usable = zip(r.units, units).filter { !leftOut.contains($0.0.unit) }.map(\.1)
        usableSum = ledger.sum(usable, key: "\(kind).usable", published: r.target != nil)
    }

    func publish(_ r: UnitHeterogeneityResult, context: PublishedContext, _ ledger: DisclosureLedger) -> PublishedUnits {
        let tainted = ledger.anyWithheld(units) || (r.target != nil && !ledger.isShown(usableSum))
        let targetShown = r.target != nil && ledger.isShown(usableSum)
        let published = zip(r.units, units).map { u, cell -> PublishedUnit in
            let shown = ledger.isShown(cell)
            return PublishedUnit(unit: u.unit, name: u.name, participants: ledger.count(cell), residents: u.residents,
                                 reach: shown ? PublishedRate(u.reach) : .withheld, shrunk: tainted || !shown ? nil : u.shrunk,
                                 funnel: targetShown ? u.funnel : nil, adjustedFunnel: tainted ? nil : u.adjustedFunnel,
                                 flag: u.flag, adjustedFlag: u.adjustedFlag)
        }
        let alpha = 1 - r.request.settings.confidence.value
        return PublishedUnits(
            context: context, kind: r.unitKind, units: published, target: targetShown ? r.target : nil,
            homogeneity: tainted ? nil : r.homogeneity,
            verdict: r.homogeneity.map { HeterogeneityVerdict(pBelowAlpha: $0.pValue < alpha, substantial: $0.i2 >= 50) },
            overdispersion: tainted ? nil : r.overdispersion, shrinkage: tainted ? nil : r.shrinkage,
            unitsLeftOut: r.unitsLeftOut, statisticsWithheld: tainted)
    }
}

/// Persons per activity × category: each activity's row adds up to its participants.
struct ActivityCells {
    let rows: [DimensionCells]

    /// The activities' (or initiatives') Venn cells: each row's categories and its hidden unknown.
    static func registerSets(_ r: ActivityHeterogeneityResult, rows: [ActivityCells], run: DisclosureLedger.Cell, byCount: [DisclosureLedger.Cell]?,
                             whole: [[DisclosureLedger.Cell]?], _ ledger: inout DisclosureLedger) {
        guard let sets = r.sets else { return }
        let key = "groups.\(r.membership.rawValue)"
        let columns: [[[DisclosureLedger.Cell]]] = zip(r.dimensions, rows).enumerated().map { d, pair in
            let (dimension, cells) = pair
            let counts = sets.byCategory.first { $0.dimension == dimension.dimension }?.counts ?? []
            return cells.rows.enumerated().map { a, row in
                let unknown = sets.sets.indices.filter { sets.sets[$0].contains(a) }.reduce(0) { $0 + (counts[$1].last ?? 0) }
                // Known to the reader: a row's unknown is printed as participants_unknown (conservative).
                return row.groups + [ledger.cell(unknown, key: "\(key).\(d).\(a).unknown", published: true)]
            }
        }
        MembershipCells.register(sets, key: key, run: run, groupPersons: nil, byCount: byCount, rows: columns, whole: whole, &ledger)
    }

    init(_ d: ActivityDimension, _ ledger: inout DisclosureLedger) {
        rows = d.table.enumerated().map { a, row in DimensionCells(row: row, key: "activity.\(d.dimension.rawValue).\(a)", &ledger) }
    }

    /// `overlapWithheld`: the persons by number of groups are withheld; the person-level test is a
    /// function of the overlap, so it is withheld too (two initiatives' X² gave a small overlap away).
    func publish(_ d: ActivityDimension, overlapWithheld: Bool = false, _ ledger: DisclosureLedger) -> PublishedActivityDimension {
        let tainted = overlapWithheld || rows.contains { ledger.anyWithheld($0.cells) }
        let alpha = 0.05
        return PublishedActivityDimension(
            dimension: d.dimension, keys: d.keys,
            activities: d.activities.indices.map { a in
                PublishedActivity(name: d.activities[a],
                                  comparison: rows[a].publish(d.comparisons[a], dimension: d.dimension, counts: nil, sesRanges: nil, ledger),
                                  contribution: tainted ? nil : d.segregation?.contributions[a])
            },
            segregation: tainted ? nil : d.segregation,
            independence: tainted ? nil : d.independence,
            independenceBelowAlpha: tainted ? d.independence.map { $0.pValue < alpha } : nil)
    }
}

/// The SES groups (as `compare --by ses`) and the buurten ranked by SES score for the concentration index.
struct GradientCells {
    let groups: DimensionCells?
    let buurten: [DisclosureLedger.Cell]

    init(_ r: GradientResult, persons: DisclosureLedger.Cell, _ ledger: inout DisclosureLedger) {
        groups = r.groups.map { DimensionCells($0, persons: persons, &ledger) }
        // The concentration index is computed from per-buurt counts: it may be shown only when the
        // buurt table could be shown in full (same cells as `heterogeneity --by buurt`).
        buurten = r.rankedBuurten.map { ledger.cell($0.participants, key: "buurt.\($0.code.raw)") }
    }

    func publish(_ r: GradientResult, context: PublishedContext, _ ledger: DisclosureLedger) -> PublishedGradient {
        let sesTainted = groups.map { ledger.anyWithheld($0.cells) } ?? false
        let buurtTainted = ledger.anyWithheld(buurten)
        var published = PublishedGradient(
            context: context, groups: r.groups.flatMap { g in groups?.publish(g, ledger) },
            sii: sesTainted ? nil : r.sii, siiVerdict: r.sii.map { SignVerdict($0.sii) }, siiOmission: r.siiOmission,
            concentration: buurtTainted ? nil : r.concentration, concentrationVerdict: r.concentration.map { SignVerdict($0.index) },
            buurtenRanked: r.buurtenRanked)
        // The bootstrap resamples the buurt counts: shown only when every buurt and SES cell is.
        published.bootstrap = sesTainted || buurtTainted ? nil : r.bootstrap
        return published
    }
}

/// Periods: participants = new + returning; cumulative_t = cumulative_{t−1} + new_t; persons =
/// Σ persons by periods attended + undated.
struct TrendCells {
    let participants: [DisclosureLedger.Cell], new: [DisclosureLedger.Cell], returning: [DisclosureLedger.Cell]
    let retained: [DisclosureLedger.Cell], cumulative: [DisclosureLedger.Cell]
    let attended: [DisclosureLedger.Cell], undated: DisclosureLedger.Cell

    init(_ r: TrendResult, persons: DisclosureLedger.Cell, _ ledger: inout DisclosureLedger) {
        let tag = "trend.\(r.period.rawValue)"
        participants = r.periods.map { ledger.cell($0.participants, key: "\(tag).\($0.label).participants") }
        new = r.periods.map { ledger.cell($0.new, key: "\(tag).\($0.label).new") }
        returning = r.periods.map { ledger.cell($0.returning, key: "\(tag).\($0.label).returning") }
        retained = r.periods.map { ledger.cell($0.retained, key: "\(tag).\($0.label).retained") }
        cumulative = r.periods.map { ledger.cell($0.cumulative, key: "\(tag).\($0.label).cumulative") }
        for i in r.periods.indices {
            ledger.partition(total: participants[i], parts: [new[i], returning[i]])
            ledger.partition(total: cumulative[i], parts: i == 0 ? [new[0]] : [cumulative[i - 1], new[i]])
        }
        attended = r.periodsAttended.enumerated().map { ledger.cell($1, key: "\(tag).attended.\($0)") }
        let dated = ledger.sum(attended, key: "\(tag).dated", published: false)
        if let last = cumulative.last { ledger.partition(total: dated, parts: [last]) }
        undated = ledger.cell(r.undated, key: "\(tag).undated")
        ledger.partition(total: persons, parts: [dated, undated])
    }

    func publish(_ r: TrendResult, context: PublishedContext, _ ledger: DisclosureLedger) -> PublishedTrend {
        let tainted = ledger.anyWithheld(participants)
        let periods = r.periods.enumerated().map { i, p -> PublishedPeriod in
            let retentionShown = ledger.isShown(retained[i]) && (i == 0 || ledger.isShown(participants[i - 1]))
            return PublishedPeriod(
                label: p.label, participants: ledger.count(participants[i]), new: ledger.count(new[i]),
                returning: ledger.count(returning[i]), retained: ledger.count(retained[i]),
                reach: ledger.isShown(participants[i]) ? PublishedRate(p.reach) : .withheld,
                retention: retentionShown ? p.retention : nil, cumulative: ledger.count(cumulative[i]),
                cumulativeReach: ledger.isShown(cumulative[i]) ? PublishedRate(p.cumulativeReach) : .withheld)
        }
        let alpha = 1 - r.request.settings.confidence.value
        return PublishedTrend(context: context, period: r.period, residents: r.residents, periods: periods,
                              trend: tainted ? nil : r.trend, trendVerdict: tainted ? r.trend.map { $0.readingPValue < alpha } : nil,
                              periodsAttended: attended.map { ledger.count($0) }, undated: ledger.count(undated))
    }
}
