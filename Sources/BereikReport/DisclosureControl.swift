import BereikPipeline

/// Statistical disclosure control for published participant counts.
///
/// Primary suppression: a count c with 0 < c < threshold (default 5) is not shown ("<5"), nor
/// any rate, share or ratio computed from it. Complementary suppression: when a list of counts has
/// a published total and exactly one primary cell, the smallest other non-zero cell is also
/// suppressed, so the hidden value cannot be recovered by subtraction; when no such cell exists the
/// total is suppressed instead. Zero counts are shown (following common practice, e.g. CBS
/// "Statistische geheimhouding"; a zero reveals nothing about a person). Residents (CBS counts)
/// are public and never suppressed.
public struct DisclosureControl: Sendable, Equatable {
    public let threshold: Int

    public init(threshold: Int = 5) {
        self.threshold = max(1, threshold)
    }

    /// Which cells of `counts` (a partition of a published total) to withhold, and whether the total must go too.
    public func plan(_ counts: [Int]) -> (cells: Set<Int>, total: Bool) {
        let primary = Set(counts.indices.filter { counts[$0] > 0 && counts[$0] < threshold })
        guard primary.count == 1 else { return (primary, false) }
        let others = counts.indices.filter { !primary.contains($0) && counts[$0] > 0 }
        if let next = others.min(by: { (counts[$0], $0) < (counts[$1], $1) }) {
            return (primary.union([next]), false)
        }
        return (primary, true)
    }

    /// Whether a single published count (not part of a partition) must be withheld.
    public func hides(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// The label shown instead of a withheld count.
    public var label: String { "<\(threshold)" }
}

/// What may be published of a result: everything (`.open`) or what disclosure control allows.
public struct Publication: Sendable, Equatable {
    public let control: DisclosureControl?

    public static let open = Publication(control: nil)
    public static func safe(threshold: Int = 5) -> Publication { Publication(control: DisclosureControl(threshold: threshold)) }

    public init(control: DisclosureControl?) { self.control = control }

    /// Participant cells of a dimension to withhold, and whether its total must go too.
    public func plan(_ d: DimensionResult) -> (cells: Set<Int>, total: Bool) {
        control?.plan(d.comparison.groups.map(\.participants)) ?? ([], false)
    }

    /// A single count as text: the count, or "<k" when withheld.
    public func count(_ value: Int, _ language: Language) -> String {
        if let control, control.hides(value) { return control.label }
        return language.integer(value)
    }

    /// A single count for JSON: the number, or null when withheld.
    func countValue(_ value: Int) -> JSONValue {
        if let control, control.hides(value) { return .null }
        return .integer(value)
    }

    public var isControlled: Bool { control != nil }
}
