import BereikData
import BereikPipeline
import BereikPublish
import BereikStats

/// The words of `compare --period-a/--period-b`, per language.
public struct PeriodChangeWords: Sendable {
    public let heading: @Sendable (_ a: String, _ b: String) -> String
    public let participantsA, shareA, participantsB, shareB, change, test, changed, unchanged, independence, smallExpected: String
    public let more: @Sendable (_ groups: String) -> String
    public let less: @Sendable (_ groups: String) -> String

    static let dutch = PeriodChangeWords(
        heading: { "Verandering van periode A (\($0)) naar B (\($1))" },
        participantsA: "Deeln. A", shareA: "Aandeel A", participantsB: "Deeln. B", shareB: "Aandeel B", change: "B/A (BI)",
        test: "Toets op verandering in samenstelling", changed: "de samenstelling is veranderd", unchanged: "geen duidelijke verandering",
        independence: "Wie in beide perioden meedeed telt in beide mee; de toets en de intervallen behandelen de perioden als onafhankelijk.",
        smallExpected: "kleine verwachte aantallen: de toets is een ruwe benadering",
        more: { "Naar verhouding meer dan in periode A: \($0)." }, less: { "Naar verhouding minder dan in periode A: \($0)." })

    static let english = PeriodChangeWords(
        heading: { "Change from period A (\($0)) to B (\($1))" },
        participantsA: "Part. A", shareA: "Share A", participantsB: "Part. B", shareB: "Share B", change: "B/A (CI)",
        test: "Test of a change in composition", changed: "the composition changed", unchanged: "no clear change",
        independence: "Persons who took part in both periods count in both; the test and the intervals treat the periods as independent.",
        smallExpected: "small expected counts: the test is a rough approximation",
        more: { "Relatively more than in period A: \($0)." }, less: { "Relatively fewer than in period A: \($0)." })
}

extension Language {
    public var periodChange: PeriodChangeWords { self == .nl ? PeriodChangeWords.dutch : PeriodChangeWords.english }
}

enum PeriodChangeRenderer {
    static func period(_ p: Period, _ language: Language) -> String {
        "\(language.report.longDate(p.from)) – \(language.report.longDate(p.to))"
    }

    /// Per dimension: the table (A and B side by side with B/A) and the lines under it (test, readings).
    static func blocks(_ c: PublishedPeriodChange, control: DisclosureControl?, language: Language)
        -> [(dimension: BereikData.Dimension, header: [String], rows: [[String]], lines: [String])] {
        let pw = language.periodChange, w = language.words
        return c.dimensions.map { d in
            let rows = d.groups.map { g -> [String] in
                [w.label(g.key), language.count(g.participantsA, control), language.percent(g.shareA),
                 language.count(g.participantsB, control), language.percent(g.shareB), language.ratio(g.ratio)]
            }
            var line: String
            if let t = d.test {
                line = "\(pw.test): X² = \(language.number(t.chiSquared, digits: 2)), df = \(t.degreesOfFreedom), p \(CompareSummary.pValue(t.pValue, language)): "
                    + (d.changed ? pw.changed : pw.unchanged)
                if t.smallExpected { line += " (\(pw.smallExpected))" }
            } else {
                line = "\(pw.test): " + (d.changed ? pw.changed : pw.unchanged) + " (\(w.labels.suppressedNote))"
            }
            var lines = [line]
            let more = d.groups.filter { ($0.ratio?.lower ?? 0) > 1 }.map { w.label($0.key) }
            let less = d.groups.filter { ($0.ratio?.upper ?? .infinity) < 1 }.map { w.label($0.key) }
            if !more.isEmpty { lines.append(pw.more(more.joined(separator: ", "))) }
            if !less.isEmpty { lines.append(pw.less(less.joined(separator: ", "))) }
            return (d.dimension, [w.columns.group, pw.participantsA, pw.shareA, pw.participantsB, pw.shareB, pw.change], rows, lines)
        }
    }

    static func heading(_ c: PublishedPeriodChange, _ language: Language) -> String {
        language.periodChange.heading(period(c.periodA, language), period(c.periodB, language))
    }

    static func text(_ c: PublishedPeriodChange, confidence: Double, control: DisclosureControl?, language: Language, markdown: Bool) -> String {
        let w = language.words
        let text = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        let heading = heading(c, language)
        var out = markdown ? "\n## \(text(heading))\n\n" : heading + "\n"
        for b in blocks(c, control: control, language: language) {
            out += markdown ? "### \(text(w.dimension[b.dimension] ?? b.dimension.rawValue))\n\n" : (w.dimension[b.dimension] ?? b.dimension.rawValue) + "\n"
            out += TextTable.render(b.header, b.rows, markdown: markdown)
            if markdown { out += "\n" }
            for line in b.lines { out += text(line) + "\n" }
            out += "\n"
        }
        out += text(language.periodChange.independence) + "\n\n"
        return out
    }
}

extension Language {
    /// Why the period change cannot be computed, with the fix.
    public func message(_ problem: PeriodProblem) -> String {
        switch problem {
        case .emptyPeriodA(let a):
            let period = PeriodChangeRenderer.period(a, self)
            return self == .nl ? "--period-a (\(period)) heeft geen enkel bruikbaar bezoek; kies een periode waarin de deelnemerslijst bezoeken heeft"
                               : "--period-a (\(period)) has no usable visit; choose a period in which the attendance file has visits"
        case .emptyPeriodB(let b):
            let period = PeriodChangeRenderer.period(b, self)
            return self == .nl ? "--period-b (\(period)) heeft geen enkel bruikbaar bezoek; kies een periode waarin de deelnemerslijst bezoeken heeft"
                               : "--period-b (\(period)) has no usable visit; choose a period in which the attendance file has visits"
        }
    }
}
