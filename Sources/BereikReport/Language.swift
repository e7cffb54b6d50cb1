import Foundation

/// The language of labels and sentences. Canonical keys (`man`, `65+`, `Q1`) never change.
public enum Language: String, Sendable, CaseIterable {
    case nl, en

    /// From `LC_ALL`, `LC_MESSAGES` or `LANG` (`en_GB.UTF-8` → en); Dutch otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty, value != "C", value != "POSIX", !value.hasPrefix("C.") {
                return value.lowercased().hasPrefix("en") ? .en : .nl
            }
        }
        return .nl
    }

    /// `--lang nl`, `--lang=en` anywhere on a command line (both programs read it before parsing,
    /// so that a usage error is worded in it too).
    public static func flag(in arguments: [String]) -> Language? {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) }
            if a.hasPrefix("--lang=") { return Language(rawValue: String(a.dropFirst(7))) }
        }
        return nil
    }

    public var words: Words { self == .nl ? .dutch : .english }

    /// Formats a number with `digits` decimals, with a decimal comma in Dutch.
    public func number(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", value)
        return self == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A whole number with a thousands separator (12.345 in Dutch, 12,345 in English).
    public func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(self == .nl ? "." : ",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// The CSV separator of the language's convention: `;` in Dutch (Excel NL), `,` in English.
    public var csvSeparator: String { self == .nl ? ";" : "," }

    /// A number for CSV at full precision, with a decimal comma in Dutch; "" when missing.
    public func csvNumber(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return self == .nl ? "\(value)".replacingOccurrences(of: ".", with: ",") : "\(value)"
    }

    public func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return number(value * 100, digits: 1) + "%"
    }
}
