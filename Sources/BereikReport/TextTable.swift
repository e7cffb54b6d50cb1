import BereikStats
/// Lays out rows of cells as an aligned text table (labels and names left, numbers right) or as a
/// Markdown table with escaped cells. Cells are cleaned of control characters and cut to 60
/// characters in the terminal, so no label breaks a row or makes the layout slow.
enum TextTable {
    static let maximumCell = 60

    static func text(_ header: [String], _ rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map { cut(Escape.terminal($0)) } }
        let widths = (0..<header.count).map { c in all.map { $0[c].count }.max() ?? 0 }
        let left = leftAligned(header, rows)
        return all.enumerated().map { r, row in
            let line = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return left[c] ? cell + pad : pad + cell
            }.joined(separator: "  ")
            let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
            return r == 0 ? trimmed + "\n" + String(repeating: "-", count: min(100, widths.reduce(0, +) + 2 * (widths.count - 1))) : trimmed
        }.joined(separator: "\n") + "\n"
    }

    /// The first and last columns, and columns of words without a digit (names), align left.
    static func leftAligned(_ header: [String], _ rows: [[String]]) -> [Bool] {
        header.indices.map { c in
            c == 0 || c == header.count - 1
                || rows.contains { $0[c].contains(where: \.isLetter) } && rows.allSatisfy { !$0[c].contains(where: \.isNumber) }
        }
    }

    static func cut(_ s: String) -> String {
        s.count <= maximumCell ? s : String(s.prefix(maximumCell - 1)) + "…"
    }

    static func markdown(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.map(Escape.markdown).joined(separator: " | ") + " |\n"
        out += "|" + leftAligned(header, rows).map { $0 ? ":---|" : "---:|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(Escape.markdown).joined(separator: " | ") + " |\n" }
        return out
    }

    static func render(_ header: [String], _ rows: [[String]], markdown: Bool) -> String {
        markdown ? self.markdown(header, rows) : text(header, rows)
    }
}

extension Language {
    /// "12,3 (10,1–14,9)" for an interval scaled by `factor`.
    func interval(_ estimate: Double?, _ lower: Double?, _ upper: Double?, factor: Double = 1, digits given: Int? = nil) -> String {
        guard let estimate else { return "–" }
        let digits = given ?? (factor == 1000 ? Self.rateDigits(perThousand: estimate * factor) : 1)
        let e = number(estimate * factor, digits: digits)
        guard let lower, let upper else { return e }
        return "\(e) (\(number(lower * factor, digits: digits))–\(number(upper * factor, digits: digits)))"
    }

    /// A ratio with its interval, two decimals: "0,63 (0,58–0,68)"; "–" without one.
    func ratio(_ i: Interval?) -> String {
        i.map { interval($0.estimate, $0.lower, $0.upper, digits: 2) } ?? "–"
    }

    /// Decimals for a rate per 1,000: one, or two or three below 1 per 1,000 (a gemeente-wide
    /// initiative reaches 0.08 per 1,000, which one decimal would show as 0.0).
    static func rateDigits(perThousand value: Double) -> Int {
        value >= 1 || value == 0 ? 1 : value >= 0.1 ? 2 : 3
    }

    /// A published count: the number with thousands separators, or the withheld label ("x").
    func count(_ c: PublishedCount, _ control: DisclosureControl?) -> String {
        c.value.map(integer) ?? control?.label ?? "–"
    }

    /// A count of persons with the word in the right number: "1 persoon", "3 personen", "x personen".
    func persons(_ c: PublishedCount, _ control: DisclosureControl?) -> String {
        "\(count(c, control)) " + (c == .shown(1) ? (self == .nl ? "persoon" : "person") : words.labels.persons)
    }

    /// "95% BI" / "95% CI".
    func confidenceLabel(_ confidence: Double) -> String {
        "\(number(confidence * 100, digits: 0))% \(words.labels.ciAbbreviation)"
    }
}
