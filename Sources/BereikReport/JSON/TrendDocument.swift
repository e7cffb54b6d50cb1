import BereikPublish
import BereikStats

/// `period`: the leading key of `bereik.trend/1`.
struct PeriodLead: Encodable { let period: String }

/// `bereik trend --format json`: schema `bereik.trend/1`.
struct TrendDocument: Encodable {
    struct Period: Encodable {
        let period: String
        let participants: Int?
        let new: Int?
        let returning: Int?
        let retained: Int?
        let reach: IntervalJSON?
        let retention: IntervalJSON?
        let cumulative: Int?
        let cumulativeReach: IntervalJSON?
    }

    struct Trend: Encodable {
        let chi2: Double
        let df = 1
        let pValue: Double
        let slope: Double
        let method = "cochran-armitage"
        let dispersion: Double?
        let pValueQuasi: Double?
        let dfResidual: Int
        let dispersionLarge: Bool
    }

    let residents: Int
    let periods: [Period]
    let trend: StatisticOrVerdict<Trend, WithheldTestJSON>?
    let periodsAttended: [Int?]
    let undatedPersons: Int?

    init(_ r: PublishedTrend) {
        residents = r.residents
        periods = r.periods.map { p in
            Period(period: p.label, participants: p.participants.value, new: p.new.value, returning: p.returning.value,
                   retained: p.retained.value, reach: IntervalJSON.make(p.reach), retention: IntervalJSON.make(p.retention),
                   cumulative: p.cumulative.value, cumulativeReach: IntervalJSON.make(p.cumulativeReach))
        }
        trend = r.trend.map { .statistic(Trend(chi2: $0.chiSquared, pValue: $0.pValue, slope: $0.slope, dispersion: $0.dispersion,
                                               pValueQuasi: $0.quasiPValue, dfResidual: $0.residualDegreesOfFreedom,
                                               dispersionLarge: $0.dispersionIsLarge)) }
            ?? r.trendVerdict.map { .verdict(WithheldTestJSON(pBelowAlpha: $0)) }
        periodsAttended = r.periodsAttended.map(\.value)
        undatedPersons = r.undated.value
    }

    static func render(_ r: PublishedTrend, version: String) -> String {
        JSONDocumentEncoder.render(JSONDocument(schema: TrendRenderer.schema, version: version, lead: PeriodLead(period: r.period.rawValue),
                                                context: r.context, body: TrendDocument(r)))
    }
}
