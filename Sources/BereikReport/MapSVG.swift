import BereikData
import BereikPipeline
import BereikPublish
import Foundation

/// The words of the maps, per language.
public struct MapWords: Sendable {
    public let title, reachTitle, legendShade, legendObserved, low, high, within, withheld, leftOut, notDrawn, source, circles, filled, tableCaption: String
    public let missingTitle: @Sendable (_ group: String) -> String
    public let perThousand: @Sendable (_ from: String, _ to: String) -> String
    public let hover: @Sendable (_ name: String, _ code: String, _ reach: String, _ shrunk: String, _ verdict: String) -> String
    public let hoverMissing: @Sendable (_ name: String, _ code: String, _ residents: String, _ top: Bool) -> String
    public let summary: @Sendable (_ buurten: Int, _ low: Int, _ high: Int, _ grey: Int) -> String
    public let missingSummary: @Sendable (_ places: String) -> String

    static let dutch = MapWords(
        title: "Kaart", reachTitle: "Bereik per buurt",
        legendShade: "Kleur: geschat bereik per 1.000 inwoners (empirisch Bayes, zodat kleine buurten niet overheersen)",
        legendObserved: "Kleur: bereik per 1.000 inwoners zoals gemeten (de schatting is afgeschermd; kleine buurten kunnen uitschieten)",
        low: "gearceerd: minder bereik dan toeval verklaart (onder de trechter)", high: "gestippeld: meer bereik dan toeval verklaart (boven de trechter)",
        within: "binnen de trechter", withheld: "grijs geblokt: afgeschermd (kleine aantallen)", leftOut: "grijs geblokt: te weinig inwoners om te vergelijken",
        notDrawn: "Buurten zonder grens, niet op de kaart", source: "Grenzen — Bron: CBS, Kadaster",
        circles: "Cirkel: inwoners van de groep in de buurt (CBS)", filled: "gevuld: de buurten waar de meeste van hen ontbreken",
        tableCaption: "De kaart als tabel",
        missingTitle: { "Waar wonen de mensen die we missen? \($0)" },
        perThousand: { "\($0)–\($1) per 1.000" },
        hover: { "\($0) (\($1)): bereik \($2) per 1.000, geschat \($3); \($4)" },
        hoverMissing: { "\($0) (\($1)): \($2) inwoners van de groep\($3 ? "; hier ontbreken de meesten" : "")" },
        summary: { "Kaart van \($0) buurten: \($1) met minder bereik dan toeval verklaart, \($2) met meer, \($3) zonder vergelijking (afgeschermd of te weinig inwoners)." },
        missingSummary: { "De buurten waar de meesten ontbreken: \($0)." })

    static let english = MapWords(
        title: "Map", reachTitle: "Reach per buurt",
        legendShade: "Colour: estimated reach per 1,000 residents (empirical Bayes, so that small buurten do not dominate)",
        legendObserved: "Colour: reach per 1,000 residents as measured (the estimate is withheld; small buurten may stand out)",
        low: "hatched: less reach than chance explains (below the funnel)", high: "dotted: more reach than chance explains (above the funnel)",
        within: "within the funnel", withheld: "grey check: withheld (small numbers)", leftOut: "grey check: too few residents to compare",
        notDrawn: "Buurten without an outline, not on the map", source: "Boundaries — source: CBS, Kadaster (Bron: CBS, Kadaster)",
        circles: "Circle: residents of the group in the buurt (CBS)", filled: "filled: the buurten where most of them are missing",
        tableCaption: "The map as a table",
        missingTitle: { "Where do the people we miss live? \($0)" },
        perThousand: { "\($0)–\($1) per 1,000" },
        hover: { "\($0) (\($1)): reach \($2) per 1,000, estimated \($3); \($4)" },
        hoverMissing: { "\($0) (\($1)): \($2) residents of the group\($3 ? "; most are missing here" : "")" },
        summary: { "Map of \($0) buurten: \($1) with less reach than chance explains, \($2) with more, \($3) without a comparison (withheld or too few residents)." },
        missingSummary: { "The buurten where most are missing: \($0)." })
}

extension Language {
    public var map: MapWords { self == .nl ? MapWords.dutch : MapWords.english }

    public func message(_ problem: MapProblem) -> String {
        switch problem {
        case .noBuurten:
            return self == .nl ? "het gebied heeft geen buurten om te tekenen" : "the area has no buurten to draw"
        case .noBundledBoundaries(let year):
            let y = year.map(String.init) ?? (self == .nl ? "dit jaar" : "this year")
            return self == .nl ? "er zijn geen meegeleverde buurtgrenzen voor \(y) in dit gebied (wel: 2024 voor heel Nederland, 2019 voor Amsterdam); geef --boundaries met de CBS wijk- en buurtkaart \(y) als GeoJSON (PDOK)"
                               : "no bundled buurt boundaries for \(y) in this area (bundled: 2024 for the whole country, 2019 for Amsterdam); give --boundaries with the CBS wijk- en buurtkaart \(y) as GeoJSON (PDOK)"
        case .otherYear(let source, let year, let missing, let total):
            let y = year.map(String.init) ?? "?"
            return self == .nl ? "de grenzen in \(source) passen niet bij de buurten van de bevolkingstabel (KWB \(y)): \(missing) van de \(total) buurten ontbreken; geef grenzen van hetzelfde jaar (--boundaries)"
                               : "the boundaries in \(source) do not fit the population table's buurten (KWB \(y)): \(missing) of the \(total) buurten are missing; give boundaries of the same year (--boundaries)"
        }
    }
}

/// What a map shows: the buurten as published (their own ledger in `bereik map`, so the classes
/// are `heterogeneity`'s; the report's in the report), the under-reached groups in order, outlines.
public struct MapView: Sendable {
    public let buurten: PublishedUnits
    public let whereMissing: [WhereMissing]
    public let map: MapData
    public let title: String

    public init(buurten: PublishedUnits, whereMissing: [WhereMissing], map: MapData, title: String) {
        self.buurten = buurten
        self.whereMissing = whereMissing
        self.map = map
        self.title = title
    }

    public init?(_ r: PublishedReport) {
        guard let map = r.map else { return nil }
        self.init(buurten: r.buurten, whereMissing: r.whereMissing, map: map, title: r.title)
    }
}

/// Maps as inline SVG: reach per buurt (classes as `heterogeneity`'s funnel flags, shading by the
/// empirical-Bayes estimate), and per under-reached group where its residents live with the
/// buurten where most are missing. Colour-blind-safe single-hue blues plus hatching and dots, so the
/// map reads in black and white; every buurt a path with its name and values in `<title>`; no
/// external tiles or fonts.
public enum MapSVG {
    static let width = 600.0, margin = 8.0
    static let blues = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]

    /// The plane → view transform fitting the drawn buurten (aspect kept, at most 600 × 600).
    struct Frame {
        let scale: Double, dx: Double, dy: Double, height: Double
        init(_ shapes: [BoundaryShape]) {
            let points = shapes.flatMap { $0.rings.flatMap { $0 } }
            let minX = points.map(\.x).min() ?? 0, maxX = points.map(\.x).max() ?? 1
            let minY = points.map(\.y).min() ?? 0, maxY = points.map(\.y).max() ?? 1
            let w = max(maxX - minX, 1e-9), h = max(maxY - minY, 1e-9)
            let inner = MapSVG.width - 2 * MapSVG.margin
            scale = min(inner / w, inner / h)
            dx = MapSVG.margin + (inner - w * scale) / 2 - minX * scale
            dy = MapSVG.margin - minY * scale
            height = h * scale + 2 * MapSVG.margin
        }
        func apply(_ p: PlanePoint) -> (Double, Double) { (p.x * scale + dx, p.y * scale + dy) }
        func path(_ shape: BoundaryShape) -> String {
            shape.rings.map { ring in
                ring.enumerated().map { i, p in
                    let (x, y) = apply(p)
                    return (i == 0 ? "M" : "L") + String(format: "%.1f %.1f", x, y)
                }.joined() + "Z"
            }.joined()
        }
    }

    /// A buurt's class on the reach map: the funnel flag, or why it has none.
    public static func mapClass(_ u: PublishedUnit?, leftOut: Bool) -> String {
        guard let u else { return "left-out" }
        if u.participants.isWithheld { return "withheld" }
        if leftOut || u.funnel == nil { return "left-out" }
        return u.flag.rawValue
    }

    static func defs() -> String {
        """
        <defs>\
        <pattern id="p-low" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1.6"/></pattern>\
        <pattern id="p-high" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.3" fill="#000"/></pattern>\
        <pattern id="p-none" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#d9d9d9"/><rect width="4" height="4" fill="#f0f0f0"/><rect x="4" y="4" width="4" height="4" fill="#f0f0f0"/></pattern>\
        </defs>
        """
    }

    /// Quantile class breaks of the estimates (five classes, fewer with few distinct values).
    static func breaks(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        guard sorted.count >= 2, let lo = sorted.first else { return [] }
        // Distinct breaks above the lowest value: equal estimates never split over two colours.
        var cuts: [Double] = []
        for k in 1..<5 {
            let c = sorted[min(sorted.count - 1, Int((Double(k) / 5 * Double(sorted.count)).rounded(.down)))]
            if c > lo + 1e-12, c > (cuts.last ?? -.infinity) + 1e-12 { cuts.append(c) }
        }
        return cuts
    }

    /// The reach map: an `<svg>` element (with its legend below the map).
    public static func reach(_ r: MapView, language: Language) -> String {
        let map = r.map
        let mw = language.map
        let units = Dictionary(r.buurten.units.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        let leftOut = Set(r.buurten.unitsLeftOut)
        let shapes = map.drawn.compactMap { map.boundaries.shapes[$0] }
        let frame = Frame(shapes)
        // Shade by the EB estimate when published, else the observed reach.
        let value: (PublishedUnit) -> Double? = { $0.shrunk ?? $0.reach.estimate }
        let shown = map.drawn.compactMap { code in units[code.raw].flatMap { mapClass($0, leftOut: leftOut.contains(code.raw)) == "withheld" ? nil : value($0) } }
        let cuts = breaks(shown)
        // With fewer than five classes the darkest blues are used, as in the legend.
        func colour(_ v: Double) -> String { blues[((4 - cuts.count) + cuts.filter { v >= $0 }.count).clamped(to: 0...4)] }
        let legendHeight = 136.0
        let height = frame.height + legendHeight
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bk-map\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" role=\"img\" aria-labelledby=\"m1-title\">"
        let classes = map.drawn.map { mapClass(units[$0.raw], leftOut: leftOut.contains($0.raw)) }
        out += "<title id=\"m1-title\">\(htmlEscape(mw.reachTitle))</title>"
        out += "<desc>\(htmlEscape(mw.summary(map.drawn.count, classes.filter { $0 == "low" }.count, classes.filter { $0 == "high" }.count, classes.filter { $0 == "withheld" || $0 == "left-out" }.count)))</desc>" + defs()
        // The area's outline: a thick stroke under the fills, visible only at the outer edge.
        out += "<g fill=\"none\" stroke=\"#252525\" stroke-width=\"3\" stroke-linejoin=\"round\">"
        for s in shapes { out += "<path d=\"\(frame.path(s))\"/>" }
        out += "</g><g stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
        let f = { (v: Double?) in v.map { language.number($0 * 1000, digits: 1) } ?? "–" }
        for code in map.drawn {
            guard let shape = map.boundaries.shapes[code] else { continue }
            let u = units[code.raw]
            let cls = mapClass(u, leftOut: leftOut.contains(code.raw))
            let name = map.names[code] ?? ""
            let verdict = cls == "low" ? mw.low : cls == "high" ? mw.high : cls == "withheld" ? mw.withheld : cls == "left-out" ? mw.leftOut : mw.within
            let hover = mw.hover(name.isEmpty ? code.raw : name, code.raw, f(u?.reach.estimate), f(u?.shrunk), verdict)
            let fill = (cls == "withheld" || cls == "left-out") ? "url(#p-none)" : u.flatMap(value).map(colour) ?? "url(#p-none)"
            let d = frame.path(shape)
            out += "<path d=\"\(d)\" fill=\"\(fill)\" data-code=\"\(code.raw)\" data-class=\"\(cls)\"><title>\(htmlEscape(hover))</title></path>"
            if cls == "low" || cls == "high" { out += "<path d=\"\(d)\" fill=\"url(#p-\(cls))\" pointer-events=\"none\"/>" }
        }
        out += "</g>"
        // Legend in words.
        var y = frame.height + 14
        out += "<g font-family=\"DejaVu Sans, sans-serif\" font-size=\"10\" fill=\"#252525\">"
        let estimated = r.buurten.units.contains { $0.shrunk != nil }
        out += "<text font-size=\"10\" x=\"\(margin)\" y=\"\(y)\">\(htmlEscape(estimated ? mw.legendShade : mw.legendObserved))</text>"
        y += 8
        // Swatches laid out by measured text width (DejaVu Sans), wrapping to a new row.
        let labels = classLabels(cuts, shown, language)
        var x = margin
        for (i, label) in labels.enumerated() {
            let itemWidth = 18 + ChartText.width(label, size: 10) + 14
            if x + itemWidth > width - margin { x = margin; y += 16 }
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"10\" fill=\"\(blues[i + (5 - labels.count)])\" stroke=\"#737373\" stroke-width=\"0.5\"/>"
            out += "<text font-size=\"10\" x=\"\(x + 18)\" y=\"\(y + 9)\">\(htmlEscape(label))</text>"
            x += itemWidth
        }
        y += 22
        for (pattern, words) in [("low", mw.low), ("high", mw.high), ("none", r.buurten.withheldUnits > 0 ? mw.withheld : mw.leftOut)] {
            out += "<rect x=\"\(margin)\" y=\"\(y)\" width=\"14\" height=\"10\" fill=\"\(pattern == "none" ? "url(#p-none)" : "#ffffff")\" stroke=\"#737373\" stroke-width=\"0.5\"/>"
            if pattern != "none" { out += "<rect x=\"\(margin)\" y=\"\(y)\" width=\"14\" height=\"10\" fill=\"url(#p-\(pattern))\"/>" }
            out += "<text font-size=\"10\" x=\"\(margin + 18)\" y=\"\(y + 9)\">\(htmlEscape(words))</text>"
            y += 16
        }
        out += "<text font-size=\"10\" x=\"\(margin)\" y=\"\(y + 10)\" fill=\"#525252\">\(htmlEscape(mw.source))</text></g></svg>"
        return out
    }

    /// "a–b per 1.000" for each colour class in use.
    static func classLabels(_ cuts: [Double], _ values: [Double], _ language: Language) -> [String] {
        guard let lo = values.min(), let hi = values.max() else { return [] }
        // Class i holds lo…(cut i) with the cut itself in the next class.
        let edges = [lo] + cuts + [hi]
        return (0..<(edges.count - 1)).map { i in
            language.map.perThousand(language.number(edges[i] * 1000, digits: 1), language.number(edges[i + 1] * 1000, digits: 1))
        }
    }

    /// Where an under-reached group's residents live: a circle per buurt by its residents of the
    /// group (area ∝ residents), filled in the buurten where most of them are missing (the order
    /// of "Wie missen we, en waar?", which publishes no count).
    public static func missing(_ r: MapView, _ w: WhereMissing, language: Language) -> String? {
        let map = r.map
        guard let residents = map.groupResidents["\(w.dimension.rawValue).\(w.group)"] else { return nil }
        let mw = language.map
        let shapes = map.drawn.compactMap { map.boundaries.shapes[$0] }
        let frame = Frame(shapes)
        let top = Set(w.places.map(\.code))
        // One scale for all groups' maps, so circles compare between them.
        let largest = Double(map.groupResidents.values.flatMap(\.values).max() ?? 1)
        let maxRadius = 18.0
        let label = language.words.label(w.group)
        // An id without words (the page's language checks read attributes too), stable across runs.
        let id = "m2-" + String("\(w.dimension.rawValue).\(w.group)".utf8.reduce(5381) { ($0 &* 33) &+ Int($1) } & 0xFFFFFF, radix: 16)
        let height = frame.height + 44
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bk-map\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" role=\"img\" aria-labelledby=\"\(id)\">"
        out += "<title id=\"\(id)\">\(htmlEscape(mw.missingTitle(label)))</title>"
        out += "<desc>\(htmlEscape(mw.missingSummary(w.places.map { "\($0.name.isEmpty ? $0.code.raw : $0.name) (\($0.code.raw))" }.joined(separator: ", "))))</desc>"
        out += "<g fill=\"#f0f0f0\" stroke=\"#969696\" stroke-width=\"0.6\" fill-rule=\"evenodd\">"
        for s in shapes { out += "<path d=\"\(frame.path(s))\"/>" }
        out += "</g><g stroke=\"#08519c\" stroke-width=\"1.2\">"
        for code in map.drawn {
            guard let shape = map.boundaries.shapes[code], let n = residents[code], n > 0 else { continue }
            let (x, y) = frame.apply(shape.centre)
            let radius = max(1.5, maxRadius * (Double(n) / largest).squareRoot())
            let name = map.names[code] ?? ""
            let hover = mw.hoverMissing(name.isEmpty ? code.raw : name, code.raw, language.integer(n), top.contains(code))
            out += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", min(max(x, radius), width - radius), min(max(y, radius), frame.height - radius), radius)
                + " fill=\"\(top.contains(code) ? "#08519c" : "none")\" fill-opacity=\"0.75\" data-code=\"\(code.raw)\" data-top=\"\(top.contains(code))\"><title>\(htmlEscape(hover))</title></circle>"
        }
        out += "</g><g font-family=\"DejaVu Sans, sans-serif\" font-size=\"10\" fill=\"#252525\">"
        out += "<text font-size=\"10\" x=\"\(margin)\" y=\"\(frame.height + 14)\">\(htmlEscape(mw.circles)); \(htmlEscape(mw.filled))</text>"
        out += "<text font-size=\"10\" x=\"\(margin)\" y=\"\(frame.height + 30)\" fill=\"#525252\">\(htmlEscape(mw.source))</text></g></svg>"
        return out
    }

    /// The map as a table (for screen readers and print): buurt, class, reach, estimate.
    public static func table(_ r: MapView, language: Language) -> (header: [String], rows: [[String]]) {
        let map = r.map
        let mw = language.map, w = language.words, h = w.labels.heterogeneity
        let units = Dictionary(r.buurten.units.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        let leftOut = Set(r.buurten.unitsLeftOut)
        let f = { (v: Double?) in v.map { language.number($0 * 1000, digits: 1) } ?? "–" }
        let rows = (map.drawn + map.notDrawn).map { code -> [String] in
            let u = units[code.raw]
            let cls = mapClass(u, leftOut: leftOut.contains(code.raw))
            let words = cls == "low" ? h.flagLow : cls == "high" ? h.flagHigh : cls == "withheld" ? mw.withheld : cls == "left-out" ? mw.leftOut : mw.within
            let name = map.names[code] ?? ""
            return [name.isEmpty ? code.raw : "\(name) (\(code.raw))", f(u?.reach.estimate), f(u?.shrunk), words + (map.notDrawn.contains(code) ? " *" : "")]
        }
        return ([h.unit, w.labels.per1000, h.shrunk, h.funnel], rows)
    }

    /// A standalone SVG file: the reach map and, below it, a map per under-reached group.
    public static func document(_ r: MapView, language: Language) -> String {
        let map = r.map
        let parts = [reach(r, language: language)] + r.whereMissing.compactMap { missing(r, $0, language: language) }
        // Stack the parts: each nested svg keeps its own view box.
        let headings = [language.map.reachTitle] + r.whereMissing.filter { map.groupResidents["\($0.dimension.rawValue).\($0.group)"] != nil }
            .map { language.map.missingTitle(language.words.label($0.group)) }
        var y = 0.0, body = ""
        for (part, heading) in zip(parts, headings) {
            body += "<text x=\"\(margin)\" y=\"\(Int(y) + 16)\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"14\" font-weight=\"bold\" fill=\"#252525\">\(htmlEscape(heading))</text>"
            y += 24
            let h = Double(part.split(separator: "\"").dropFirst().first { $0.hasPrefix("0 0 ") }.map { $0.split(separator: " ")[3] }.flatMap { Double(String($0)) } ?? 600)
            body += "<svg x=\"0\" y=\"\(Int(y))\" width=\"\(Int(width))\" height=\"\(Int(h))\"" + part.dropFirst(4)
            y += h + 16
        }
        var notes = ""
        if !map.notDrawn.isEmpty {
            // Listed on the picture too, not only for screen readers.
            let list = language.map.notDrawn + ": " + map.notDrawn.map { "\(map.names[$0] ?? "") (\($0.raw))" }.joined(separator: ", ")
            notes = "<desc>\(htmlEscape(list))</desc>"
            body += "<text font-size=\"10\" x=\"\(margin)\" y=\"\(Int(y) + 10)\" font-family=\"DejaVu Sans, sans-serif\" fill=\"#252525\">\(htmlEscape(ChartText.fitted(list, size: 10, maxWidth: width - 2 * margin)))</text>"
            y += 20
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(y))\" width=\"\(Int(width))\" height=\"\(Int(y))\">"
            + "<title>\(htmlEscape(r.title.isEmpty ? language.map.title : r.title))</title>" + notes + body + "</svg>\n"
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
