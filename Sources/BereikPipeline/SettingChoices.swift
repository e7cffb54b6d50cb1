import Foundation
import BereikStats

/// The reach intervals a user may choose (`--interval`, `analysis.interval`). One type for the
/// command line and the project file, so both accept and name the same values.
public enum ReachIntervalChoice: String, Sendable, CaseIterable {
    case wilson
    case clopperPearson = "clopper-pearson"

    public var method: IntervalMethod { self == .wilson ? .wilson : .clopperPearson }
}

/// "a, b or c" for messages about a choice.
public func choiceList<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
    let names = T.allCases.map(\.rawValue)
    return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
}

/// `--ses-groups` / `analysis.ses_groups`: a number of resident-weighted groups (2–20), or explicit
/// SES-WOA cut points in increasing order (1–19 of them, e.g. `-0.5,0,0.5` for four groups). One
/// type for the command line and the project file.
public enum SESGroupsChoice: Sendable, Equatable {
    case count(Int)
    case cutPoints([Double])

    /// From "5" or "-0.5,0,0.5" (commas, semicolons or spaces between the scores).
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(trimmed) { self.init(count: n); return }
        let parts = trimmed.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
        let values = parts.compactMap(Double.init)
        guard !parts.isEmpty, values.count == parts.count else { return nil }
        self.init(cutPoints: values)
    }

    public init?(count: Int) {
        guard (2...20).contains(count) else { return nil }
        self = .count(count)
    }

    /// Cut points must be finite and strictly increasing.
    public init?(cutPoints: [Double]) {
        guard (1...19).contains(cutPoints.count), cutPoints.allSatisfy(\.isFinite),
              zip(cutPoints, cutPoints.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self = .cutPoints(cutPoints)
    }

    public static let help = "a number of groups from 2 to 20, or increasing SES-WOA cut points such as -0.5,0,0.5"

    /// Sets the request's groups.
    public func apply(to request: inout AnalysisRequest) {
        switch self {
        case .count(let n): request.sesGroups = n; request.sesCutPoints = nil
        case .cutPoints(let c): request.sesGroups = c.count + 1; request.sesCutPoints = c
        }
    }
}

/// `compare --cluster`: treat participants as independent (`none`, the default) or as clustered in
/// the buurten they live in (`buurt`: design-effect intervals and tests, `DesignEffect`).
public enum ClusterChoice: String, Sendable, CaseIterable {
    case none, buurt
}
