import BereikData
import BereikStats

/// A period of `compare --period-a/--period-b`: first and last day.
public struct Period: Sendable, Equatable {
    public let from: CivilDate
    public let to: CivilDate
    public init(from: CivilDate, to: CivilDate) { self.from = from; self.to = to }

    /// "2023-01-01..2023-12-31" (flag or project value); nil when it is not FROM..TO with FROM ≤ TO.
    public init?(parsing text: String) {
        guard let dots = text.firstRange(of: ".."), text[dots.upperBound...].firstRange(of: "..") == nil,
              let from = CivilDate(parsing: String(text[..<dots.lowerBound]).trimmingSpaces()),
              let to = CivilDate(parsing: String(text[dots.upperBound...]).trimmingSpaces()), from <= to else { return nil }
        self.init(from: from, to: to)
    }
}

/// `compare --period-a … --period-b …`: the comparison of period B (the command's main result) and,
/// per dimension, how its composition changed since period A (`ShareChange`). Both periods are
/// read from the same files with the same area and settings, so residents are the same and the
/// ratio of shares is the ratio of the representation ratios.
public struct PeriodChangeResult: Sendable {
    public struct DimensionChange: Sendable {
        public let dimension: Dimension
        public let keys: [String]
        public let participantsA: [Int]
        public let participantsB: [Int]
        public let change: ShareChange
    }

    public let periodA: Period
    public let periodB: Period
    public let personsA: Int
    public let personsB: Int
    public let dimensions: [DimensionChange]
}

public enum PeriodChangePipeline {
    /// The comparison of period B with the change since A attached.
    public static func run(_ request: AnalysisRequest, a: Period, b: Period) throws -> CompareResult {
        var requestA = request, requestB = request
        (requestA.from, requestA.to) = (a.from, a.to)
        (requestB.from, requestB.to) = (b.from, b.to)
        var result: CompareResult
        do { result = try ComparePipeline.run(requestB) } catch let problem as InputProblem {
            if case .noUsableRows = problem { throw PeriodProblem.emptyPeriodB(b) }
            throw problem
        }
        let before: CompareResult
        do { before = try ComparePipeline.run(requestA) } catch let problem as InputProblem {
            // Nothing usable in period A: say so by its flag, not by --from/--to.
            if case .noUsableRows = problem { throw PeriodProblem.emptyPeriodA(a) }
            throw problem
        }
        var changes: [PeriodChangeResult.DimensionChange] = []
        for d in result.dimensions {
            guard let old = before.dimensions.first(where: { $0.counts.dimension == d.counts.dimension }), old.counts.keys == d.counts.keys,
                  old.counts.participants.reduce(0, +) > 0, d.counts.participants.reduce(0, +) > 0 else { continue }
            changes.append(.init(dimension: d.counts.dimension, keys: d.counts.keys, participantsA: old.counts.participants,
                                 participantsB: d.counts.participants,
                                 change: try ShareChange(periodA: old.counts.participants, periodB: d.counts.participants,
                                                         confidence: request.settings.confidence)))
        }
        result.periodChange = PeriodChangeResult(periodA: a, periodB: b, personsA: before.reconciliation.persons,
                                                 personsB: result.reconciliation.persons, dimensions: changes)
        return result
    }
}

/// `--period-a` without a usable visit (exit 1, worded by BereikReport).
public enum PeriodProblem: Error, Sendable, Equatable {
    case emptyPeriodA(Period)
    case emptyPeriodB(Period)
}
