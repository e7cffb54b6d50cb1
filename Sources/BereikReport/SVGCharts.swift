import BereikPipeline
import BereikStats
import BereikPublish
import Foundation

/// The charts of the report, drawn as inline SVG. Readable in black and white and for colour-blind
/// readers: Okabe–Ito colours, and meaning carried by shape (▼ under, ▲ over, ○ neither) and
/// pattern (hatched = residents) as well as colour. Each chart has a `<title>`, a `<desc>` text
/// alternative and `role="img"`.
enum SVGCharts {
    static let blue = "#0072B2", vermillion = "#D55E00", grey = "#555555"

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    static func open(width: Int, height: Int, title: String, description: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" aria-label="\(htmlEscape(title))">
        <title>\(htmlEscape(title))</title><desc>\(htmlEscape(description))</desc>
        <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="\(grey)" stroke-width="2"/></pattern></defs>
        """
    }

    static func marker(_ flag: RepresentationFlag, x: Double, y: Double) -> String {
        switch flag {
        case .under:
            return "<path d=\"M\(f(x - 6)) \(f(y - 5)) L\(f(x + 6)) \(f(y - 5)) L\(f(x)) \(f(y + 6)) Z\" fill=\"\(vermillion)\"/>"
        case .over:
            return "<path d=\"M\(f(x - 6)) \(f(y + 5)) L\(f(x + 6)) \(f(y + 5)) L\(f(x)) \(f(y - 6)) Z\" fill=\"\(blue)\"/>"
        case .none:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
        }
    }

    /// A legend of marks in a row, each item as wide as its measured text (`ChartText`).
    static func legend(_ items: [(flag: RepresentationFlag, text: String)], x: Double, baseline: Double, size: Double = 10) -> String {
        var position = x, svg = ""
        for item in items {
            svg += marker(item.flag, x: position + 6, y: baseline - 4)
            svg += "<text x=\"\(f(position + 16))\" y=\"\(f(baseline))\" font-size=\"\(f(size))\">\(htmlEscape(item.text))</text>"
            position += 16 + ChartText.width(item.text, size: size) + 16
        }
        return svg
    }

    /// Representation ratio with its interval per group, log scale, a line at 1.
    static func ratioChart(_ rows: [(label: String, ratio: RepresentationRatio?, flag: RepresentationFlag)], title: String,
                           axis: String, legend: (under: String, over: String, none: String), language: Language) -> String {
        let width = 640, rowHeight = 22, left = 230.0, right = 620.0
        let height = 46 + rows.count * rowHeight + 34
        let lo = 0.2, hi = 5.0
        func x(_ v: Double) -> Double { left + (log(min(max(v, lo), hi)) - log(lo)) / (log(hi) - log(lo)) * (right - left) }
        let description = rows.map { r in
            r.ratio.map { "\(r.label): \(language.number($0.estimate, digits: 2)) (\(language.number($0.interval.lower, digits: 2))–\(language.number($0.interval.upper, digits: 2)))" }
                ?? "\(r.label): –"
        }.joined(separator: "; ")
        var svg = open(width: width, height: height, title: title, description: description)
        let bottom = Double(30 + rows.count * rowHeight)
        svg += Self.legend([(.under, legend.under), (.over, legend.over), (.none, legend.none)], x: left, baseline: 14)
        for tick in [0.25, 0.5, 1, 2, 4] {
            svg += "<line x1=\"\(f(x(tick)))\" y1=\"20\" x2=\"\(f(x(tick)))\" y2=\"\(f(bottom))\" stroke=\"\(tick == 1 ? "#000000" : "#cccccc")\" stroke-width=\"\(tick == 1 ? 1.5 : 1)\"/>"
            svg += "<text x=\"\(f(x(tick)))\" y=\"\(f(bottom + 14))\" font-size=\"11\" text-anchor=\"middle\">\(language.number(tick, digits: tick < 1 ? 2 : 0))</text>"
        }
        svg += "<text x=\"\(f((left + right) / 2))\" y=\"\(height - 5)\" font-size=\"11\" text-anchor=\"middle\">\(htmlEscape(axis))</text>"
        for (i, r) in rows.enumerated() {
            let y = Double(30 + i * rowHeight + rowHeight / 2)
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" font-size=\"12\" text-anchor=\"end\">\(htmlEscape(ChartText.fitted(r.label, size: 12, maxWidth: left - 16)))</text>"
            guard let ratio = r.ratio else { continue }
            svg += "<line x1=\"\(f(x(ratio.interval.lower)))\" y1=\"\(f(y))\" x2=\"\(f(x(ratio.interval.upper)))\" y2=\"\(f(y))\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
            // An interval beyond the axis ends in an arrow at the edge, not a silent cut.
            if ratio.interval.lower < lo { svg += "<path d=\"M\(f(left)) \(f(y)) L\(f(left + 7)) \(f(y - 4)) L\(f(left + 7)) \(f(y + 4)) Z\" fill=\"#000000\"/>" }
            if ratio.interval.upper > hi { svg += "<path d=\"M\(f(right)) \(f(y)) L\(f(right - 7)) \(f(y - 4)) L\(f(right - 7)) \(f(y + 4)) Z\" fill=\"#000000\"/>" }
            svg += marker(r.flag, x: x(ratio.estimate), y: y)
        }
        return svg + "</svg>"
    }

    /// Participants' and residents' shares per group as paired bars (solid = participants, hatched = residents).
    static func compositionChart(_ rows: [(label: String, participants: Double?, residents: Double?)], title: String,
                                 participantsLabel: String, residentsLabel: String, language: Language) -> String {
        let width = 640, left = 190.0, right = 590.0, rowHeight = 30
        let height = 50 + rows.count * rowHeight
        let maxShare = max(0.05, rows.flatMap { [$0.participants ?? 0, $0.residents ?? 0] }.max() ?? 0.05)
        func w(_ v: Double) -> Double { v / maxShare * (right - left) }
        let description = rows.map { "\($0.label): \(participantsLabel) \(language.percent($0.participants)), \(residentsLabel) \(language.percent($0.residents))" }
            .joined(separator: "; ")
        var svg = open(width: width, height: height, title: title, description: description)
        let second = left + 20 + ChartText.width(participantsLabel, size: 11) + 20
        svg += "<rect x=\"\(f(left))\" y=\"6\" width=\"14\" height=\"10\" fill=\"\(blue)\"/><text x=\"\(f(left + 20))\" y=\"15\" font-size=\"11\">\(htmlEscape(participantsLabel))</text>"
        svg += "<rect x=\"\(f(second))\" y=\"6\" width=\"14\" height=\"10\" fill=\"url(#hatch)\" stroke=\"\(grey)\"/><text x=\"\(f(second + 20))\" y=\"15\" font-size=\"11\">\(htmlEscape(residentsLabel))</text>"
        for (i, r) in rows.enumerated() {
            let y = Double(30 + i * rowHeight)
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 15))\" font-size=\"12\" text-anchor=\"end\">\(htmlEscape(ChartText.fitted(r.label, size: 12, maxWidth: left - 16)))</text>"
            if let p = r.participants {
                svg += "<rect x=\"\(f(left))\" y=\"\(f(y + 2))\" width=\"\(f(w(p)))\" height=\"11\" fill=\"\(blue)\"/>"
                svg += "<text x=\"\(f(left + w(p) + 4))\" y=\"\(f(y + 11))\" font-size=\"10\">\(language.percent(p))</text>"
            }
            if let q = r.residents {
                svg += "<rect x=\"\(f(left))\" y=\"\(f(y + 14))\" width=\"\(f(w(q)))\" height=\"11\" fill=\"url(#hatch)\" stroke=\"\(grey)\" stroke-width=\"0.5\"/>"
                svg += "<text x=\"\(f(left + w(q) + 4))\" y=\"\(f(y + 23))\" font-size=\"10\">\(language.percent(q))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// "Nice" axis ticks from 0: steps of 1, 2 or 5 × 10^k, about `count` of them, the last at or
    /// above `maximum` (Heckbert 1990, "Nice numbers for graph labels", Graphics Gems).
    static func niceTicks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let raw = maximum / Double(max(1, count - 1))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let n = Int((maximum / step).rounded(.up))
        return (0...max(1, n)).map { Double($0) * step }
    }

    /// Digits that show every tick of a nice step exactly.
    static func tickDigits(_ ticks: [Double]) -> Int {
        guard ticks.count > 1 else { return 0 }
        let step = ticks[1] - ticks[0]
        return step >= 1 ? 0 : min(3, Int((-log10(step)).rounded(.up)))
    }

    /// Funnel plot: reach per 1,000 against residents, with the target, 95% (dashed) and 99.8%
    /// (solid) limits. Axes run from 0 to the nice tick above the data (and the limits drawn, which
    /// start at the smallest unit); flagged units are labelled by name; a legend explains the marks.
    static func funnelChart(_ units: [PublishedUnit], target: Double, method: FunnelMethod, title: String, words: ReportWords, language: Language) -> String {
        let width = 640, height = 400, left = 60.0, right = 620.0, top = 34.0, bottom = 340.0
        let sizes = units.map(\.residents).filter { $0 > 0 }
        let smallest = max(1, sizes.min() ?? 1), largest = max(smallest, sizes.max() ?? 1)
        // The limits of the units' own method (exact binomial or normal), from the smallest unit to the largest.
        let curve = (0...60).compactMap { k -> (n: Double, limits: FunnelLimits)? in
            let n = max(1, Int((Double(smallest) + (Double(largest) - Double(smallest)) * Double(k) / 60).rounded()))
            return (try? FunnelLimits(target: target, size: n, method: method)).map { (Double(n), $0) }
        }
        let highest = max(units.compactMap(\.reach.estimate).max() ?? target, curve.map(\.limits.upper998).max() ?? target) * 1000
        let yTicks = niceTicks(upTo: highest), xTicks = niceTicks(upTo: Double(largest))
        let maxY = yTicks.last!, maxN = xTicks.last!
        func x(_ n: Double) -> Double { left + n / maxN * (right - left) }
        func y(_ r: Double) -> Double { bottom - min(r * 1000, maxY) / maxY * (bottom - top) }
        let label = { (u: PublishedUnit) in u.name.isEmpty ? u.unit : u.name }
        let flaggedUnits = units.filter { $0.flag != .none && $0.reach.estimate != nil }
        let flagged = flaggedUnits.map { "\(label($0)) (\($0.unit)) \($0.flag == .high ? words.funnel998 + " ↑" : words.funnel998 + " ↓")" }
        let description = "\(words.funnelTarget) \(language.number(target * 1000, digits: 1)); \(units.count) buurten" +
            (flagged.isEmpty ? "" : "; " + flagged.joined(separator: ", "))
        var svg = open(width: width, height: height, title: title, description: description)
        // Legend: the marks' meaning, above the plot.
        svg += legend([(.under, words.funnelLow), (.over, words.funnelHigh), (.none, words.funnelWithin)], x: left, baseline: 18)
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\" stroke=\"#000000\"/>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\" stroke=\"#000000\"/>"
        let yDigits = tickDigits(yTicks)
        for v in yTicks {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v / 1000) + 4))\" font-size=\"10\" text-anchor=\"end\">\(language.number(v, digits: yDigits))</text>"
        }
        for n in xTicks {
            svg += "<text x=\"\(f(x(n)))\" y=\"\(f(bottom + 18))\" font-size=\"10\" text-anchor=\"middle\">\(language.integer(Int(n)))</text>"
        }
        svg += "<text x=\"\(f((left + right) / 2))\" y=\"\(f(bottom + 36))\" font-size=\"11\" text-anchor=\"middle\">\(htmlEscape(words.funnelX))</text>"
        svg += "<text x=\"14\" y=\"\(f((top + bottom) / 2))\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(f((top + bottom) / 2)))\">\(htmlEscape(words.funnelY))</text>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(target)))\" x2=\"\(f(right))\" y2=\"\(f(y(target)))\" stroke=\"#000000\" stroke-width=\"1\"/>"
        for (limit, dash) in [({ (l: FunnelLimits) in (l.lower95, l.upper95) }, "5,4"), ({ (l: FunnelLimits) in (l.lower998, l.upper998) }, "")] {
            for lower in [true, false] {
                let points = curve.map { c -> String in
                    let (lo, hi) = limit(c.limits)
                    return "\(f(x(c.n))),\(f(y(lower ? lo : hi)))"
                }
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(grey)\" stroke-width=\"1.2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
            }
        }
        for u in units {
            guard let r = u.reach.estimate, u.residents > 0 else { continue }
            let flag: RepresentationFlag = u.flag == .low ? .under : u.flag == .high ? .over : .none
            svg += marker(flag, x: x(Double(u.residents)), y: y(r))
        }
        // The five flagged units furthest from the target, labelled beside their mark where the label
        // clears every mark, label and axis text (right, left, above or below it); otherwise left out
        // (every flagged unit is named in the text alternative and the table).
        let marks = units.compactMap { u -> ChartText.Box? in
            guard let r = u.reach.estimate, u.residents > 0 else { return nil }
            let px = x(Double(u.residents)), py = y(r)
            return ChartText.Box(x0: px - 6.5, y0: py - 6.5, x1: px + 6.5, y1: py + 6.5)
        }
        // The target line and the limit curves are obstacles too, as short pieces.
        let curves = [{ (l: FunnelLimits) in l.lower95 }, { $0.upper95 }, { $0.lower998 }, { $0.upper998 }].flatMap { limit in
            ChartText.pieces(of: curve.map { (x: x($0.n), y: y(limit($0.limits))) })
        } + [ChartText.Box(x0: left, y0: y(target) - 1, x1: right, y1: y(target) + 1)]
        var placer = ChartText.Placer(width: Double(width), height: bottom - 2, marks: marks + curves + [ChartText.Box(x0: 0, y0: 0, x1: Double(width), y1: 24),  // legend
                                                                                            ChartText.Box(x0: 0, y0: 0, x1: left, y1: bottom)])  // y-axis labels
        for u in flaggedUnits.sorted(by: { abs($0.reach.estimate! - target) > abs($1.reach.estimate! - target) }).prefix(5) {
            let px = x(Double(u.residents)), py = y(u.reach.estimate!)
            if let text = placer.place(label(u), size: 10, candidates: [(px + 9, py + 4, .start), (px - 9, py + 4, .end),
                                                                        (px, py - 9, .middle), (px, py + 17, .middle)]) {
                svg += text
            }
        }
        return svg + "</svg>"
    }

    /// Reach per 1,000 by SES group as bars with interval whiskers.
    static func sesChart(_ groups: [PublishedGroup], title: String, yLabel: String, language: Language) -> String {
        let width = 640, height = 300, left = 60.0, right = 620.0, top = 20.0, bottom = 260.0
        let ticks = niceTicks(upTo: max(1, (groups.compactMap { $0.reach.interval?.upper ?? $0.reach.estimate }.max() ?? 0) * 1000))
        let maxY = ticks.last!
        let slot = (right - left) / Double(max(1, groups.count))
        func y(_ v: Double) -> Double { bottom - v * 1000 / maxY * (bottom - top) }
        let description = groups.map { g in
            "\(g.key): \(g.reach.estimate.map { language.number($0 * 1000, digits: 1) } ?? "–")"
                + (g.reach.interval.map { " (\(language.number($0.lower * 1000, digits: 1))–\(language.number($0.upper * 1000, digits: 1)))" } ?? "")
        }.joined(separator: "; ")
        var svg = open(width: width, height: height, title: title, description: description)
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\" stroke=\"#000000\"/>"
        for v in ticks {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v / 1000) + 4))\" font-size=\"10\" text-anchor=\"end\">\(language.number(v, digits: tickDigits(ticks)))</text>"
        }
        svg += "<text x=\"14\" y=\"\(f((top + bottom) / 2))\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(f((top + bottom) / 2)))\">\(htmlEscape(yLabel))</text>"
        for (i, g) in groups.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            svg += "<text x=\"\(f(cx))\" y=\"\(f(bottom + 16))\" font-size=\"12\" text-anchor=\"middle\">\(htmlEscape(g.key))</text>"
            guard let r = g.reach.estimate else { continue }
            svg += "<rect x=\"\(f(cx - slot * 0.3))\" y=\"\(f(y(r)))\" width=\"\(f(slot * 0.6))\" height=\"\(f(bottom - y(r)))\" fill=\"\(blue)\"/>"
            if let ci = g.reach.interval {
                svg += "<line x1=\"\(f(cx))\" y1=\"\(f(y(ci.lower)))\" x2=\"\(f(cx))\" y2=\"\(f(y(ci.upper)))\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
                for v in [ci.lower, ci.upper] {
                    svg += "<line x1=\"\(f(cx - 6))\" y1=\"\(f(y(v)))\" x2=\"\(f(cx + 6))\" y2=\"\(f(y(v)))\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
                }
            }
        }
        return svg + "</svg>"
    }
}
