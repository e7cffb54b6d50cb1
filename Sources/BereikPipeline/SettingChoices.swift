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
