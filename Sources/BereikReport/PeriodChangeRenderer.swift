import BereikData
import BereikPipeline
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

    static func text(_ c: PeriodChangeResult, confidence: Double, language: Language, markdown: Bool) -> String {
        let pw = language.periodChange, w = language.words
        let text = { (s: String) -> String in Escape.text(s, markdown: markdown) }
        let heading = pw.heading(period(c.periodA, language), period(c.periodB, language))
        var out = markdown ? "\n## \(text(heading))\n\n" : heading + "\n"
        let alpha = 1 - confidence
        for d in c.dimensions {
            out += markdown ? "### \(text(w.dimension[d.dimension] ?? d.dimension.rawValue))\n\n" : (w.dimension[d.dimension] ?? d.dimension.rawValue) + "\n"
            let na = d.participantsA.reduce(0, +), nb = d.participantsB.reduce(0, +)
            let rows = d.keys.indices.map { i -> [String] in
                [w.label(d.keys[i]), language.integer(d.participantsA[i]), language.percent(Double(d.participantsA[i]) / Double(na)),
                 language.integer(d.participantsB[i]), language.percent(Double(d.participantsB[i]) / Double(nb)),
                 language.ratio(d.change.categories[i].ratio)]
            }
            out += TextTable.render([w.columns.group, pw.participantsA, pw.shareA, pw.participantsB, pw.shareB, pw.change], rows, markdown: markdown)
            if markdown { out += "\n" }
            var line = "\(pw.test): X² = \(language.number(d.change.chiSquared, digits: 2)), df = \(d.change.degreesOfFreedom), p \(CompareSummary.pValue(d.change.pValue, language)): "
                + (d.change.pValue < alpha ? pw.changed : pw.unchanged)
            if d.change.smallExpected { line += " (\(pw.smallExpected))" }
            out += text(line) + "\n"
            let more = d.keys.indices.filter { (d.change.categories[$0].ratio?.lower ?? 0) > 1 }.map { w.label(d.keys[$0]) }
            let less = d.keys.indices.filter { (d.change.categories[$0].ratio?.upper ?? .infinity) < 1 }.map { w.label(d.keys[$0]) }
            if !more.isEmpty { out += text(pw.more(more.joined(separator: ", "))) + "\n" }
            if !less.isEmpty { out += text(pw.less(less.joined(separator: ", "))) + "\n" }
            out += "\n"
        }
        out += text(pw.independence) + "\n\n"
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
        }
    }
}
