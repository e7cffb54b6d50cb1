/// Statistical disclosure control for published participant counts.
///
/// A count c with 0 < c < threshold (default 5) is *sensitive*: no published number may let a
/// reader derive it — neither the count itself, nor a total minus the shown parts, nor a chain of
/// such subtractions across linked tables. `DisclosureLedger` enforces this with primary
/// suppression (sensitive counts are withheld) and complementary suppression (more cells, or the
/// total, are withheld until every partition's withheld remainder is 0 or at least the threshold).
/// Zero counts are shown (a zero reveals nothing about a person; CBS "Statistische geheimhouding"
/// does the same). Residents (CBS counts) are public and never suppressed. Statistics computed from
/// a table with withheld cells (X², Q, I², D, SII …) are withheld too; only their verdict is shown.
///
/// Reference: Hundepool et al. (2012), *Statistical Disclosure Control*, Wiley, ch. 4
/// (primary and secondary cell suppression, linked tables).
public struct DisclosureControl: Sendable, Equatable {
    public let threshold: Int

    /// The threshold is clamped to 2…1000 (a threshold of 1 would protect nothing).
    public init(threshold: Int = 5) {
        self.threshold = min(1000, max(2, threshold))
    }

    /// Whether a count would identify fewer than `threshold` persons.
    public func isSensitive(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// The label shown instead of a withheld count: CBS's "x" (geheim), the same for a small count
    /// and for a larger one withheld so that a small one cannot be derived — "<5" would be untrue
    /// for the second kind and would tell a reader which cell is the small one.
    public var label: String { "x" }
}

/// A participant count as published: shown, or withheld by disclosure control. Renderers only ever
/// see this type, never the raw count, so no output format can print a withheld value.
public enum PublishedCount: Sendable, Equatable {
    case shown(Int)
    case withheld

    public var value: Int? { if case .shown(let v) = self { return v } else { return nil } }
    public var isWithheld: Bool { self == .withheld }
}
