import BereikData
import BereikPipeline
import BereikStats

/// `bereik report`: one self-contained HTML file (inline CSS and SVG, no external requests — a
/// Content-Security-Policy forbids them — prints to A4), in Dutch by default. Order: a plain
/// summary of at most five sentences; charts and tables per dimension, across buurten and
/// activities, and along the SES gradient; methods and sources with CBS tables, settings, seed,
/// version and the SHA-256 of each input. Every user-provided text is escaped.
public enum ReportHTML {
    public static func render(_ r: ReportResult, language: Language, publication: Publication, version: String) -> String {
        let w = language.words, rw = language.report
        let title = r.title.isEmpty ? rw.defaultTitle : r.title
        var body = "<header><h1>\(htmlEscape(title))</h1><p class=\"meta\">\(htmlEscape(rw.area)): "
            + htmlEscape(ReportSummary.areaText(r.compare.area, language)) + periodText(r, language) + "</p></header>\n"

        body += "<section><h2>\(htmlEscape(rw.summary))</h2><ul class=\"summary\">"
        for s in ReportSummary.sentences(r, language: language, publication: publication) { body += "<li>\(htmlEscape(s))</li>" }
        body += "</ul><p class=\"note\">\(htmlEscape(w.labels.missingExplained))</p></section>\n"

        // Who takes part: ratios, composition, tables.
        body += "<section><h2>\(htmlEscape(rw.whoTakesPart))</h2>"
        var ratioRows: [(label: String, ratio: RepresentationRatio?, flag: RepresentationFlag)] = []
        for d in r.compare.dimensions {
            let hidden = publication.plan(d).cells
            for (i, g) in d.comparison.groups.enumerated() {
                let dimension = d.counts.dimension == .ses ? "SES" : w.dimension[d.counts.dimension]!
                ratioRows.append(("\(dimension): \(w.label(g.key))", hidden.contains(i) ? nil : g.ratio, g.flag))
            }
        }
        body += figure(SVGCharts.ratioChart(ratioRows, title: rw.ratioChart, axis: rw.ratioAxis, language: language), caption: rw.ratioChart)
        for d in r.compare.dimensions {
            let hidden = publication.plan(d).cells
            body += "<h3>\(htmlEscape(w.dimension[d.counts.dimension]!))</h3>"
            let rows = d.comparison.groups.enumerated().map { i, g in
                (label: w.label(g.key), participants: hidden.contains(i) ? nil : g.participantShare, residents: g.residentShare)
            }
            body += figure(SVGCharts.compositionChart(rows, title: "\(rw.compositionChart): \(w.dimension[d.counts.dimension]!)",
                                                      participantsLabel: rw.participants, residentsLabel: rw.residents, language: language),
                           caption: "\(rw.compositionChart): \(w.dimension[d.counts.dimension]!)")
            let cells = d.comparison.groups.enumerated().map {
                CompareRow($1, dimension: d, index: $0, language: language, hidden: hidden.contains($0), label: publication.control?.label ?? "").cells
            }
            body += table(CompareRow.header(w), cells)
            for line in [CompareSummary.testLine(d, language: language, publication: publication)].compactMap({ $0 })
                + CompareSummary.notes(d, language: language, publication: publication) {
                body += "<p class=\"note\">\(htmlEscape(line))</p>"
            }
        }
        body += "</section>\n"

        // Buurten.
        let b = r.buurten
        if let target = b.target, !b.units.isEmpty {
            body += "<section><h2>\(htmlEscape(rw.buurtenHeading))</h2>"
            let hidden = publication.control?.plan(b.units.map(\.participants)).cells ?? []
            let drawn = b.units.enumerated().filter { !hidden.contains($0.offset) && $0.element.residents > 0 }.map(\.element)
            body += figure(SVGCharts.funnelChart(drawn, target: target, title: rw.funnelChart, words: rw, language: language),
                           caption: "\(rw.funnelChart). — \(rw.funnelTarget), \(rw.funnel95) (- -), \(rw.funnel998) (—)")
            if !hidden.isEmpty, let control = publication.control {
                body += "<p class=\"note\">\(hidden.count) \(htmlEscape(rw.unitsHidden.replacingOccurrences(of: "%d", with: String(control.threshold))))</p>"
            }
            for line in HeterogeneityRenderer.statistics(b, language: language) { body += "<p class=\"note\">\(htmlEscape(line))</p>" }
            let hw = w.labels.heterogeneity
            func flag(_ f: FunnelLimits.Flag) -> String { f == .low ? hw.flagLow : f == .high ? hw.flagHigh : "" }
            let flagged = b.units.enumerated().filter { !hidden.contains($0.offset) && ($0.element.flag != .none || $0.element.adjustedFlag != .none) }
                .map(\.element)
            let named = flagged.contains { !$0.name.isEmpty }
            let flaggedRows = flagged.map { u in
                [u.unit] + (named ? [u.name] : []) + [language.integer(u.participants), language.integer(u.residents),
                 language.interval(u.reach.estimate, u.reach.interval?.lower, u.reach.interval?.upper, factor: 1000),
                 flag(u.flag), flag(u.adjustedFlag)]
            }
            if !flaggedRows.isEmpty {
                body += table([rw.buurt] + (named ? [hw.name] : []) + [w.columns.participants, w.labels.population, w.columns.reach,
                               w.columns.flag, hw.flagAdjusted], flaggedRows)
            }
            body += "</section>\n"
        }

        // Activities.
        if let a = r.activities, !a.activities.isEmpty {
            body += "<section><h2>\(htmlEscape(rw.activitiesHeading))</h2>"
            for d in a.activities {
                body += "<h3>\(htmlEscape(w.dimension[d.dimension]!))</h3>"
                let rows = d.activities.indices.map { i -> [String] in
                    let total = d.table[i].reduce(0, +)
                    let hidden = publication.control?.plan(d.table[i]).cells ?? []
                    return [d.activities[i]] + d.table[i].enumerated().map { j, v in
                        hidden.contains(j) ? publication.control!.label : total > 0 ? language.percent(Double(v) / Double(total)) : "–"
                    }
                }
                body += table([w.labels.heterogeneity.activity] + d.keys.map { w.label($0) }, rows)
                if let s = d.segregation {
                    body += "<p class=\"note\">\(htmlEscape("\(w.labels.heterogeneity.segregation): D = \(language.number(s.dissimilarity, digits: 3)), H = \(language.number(s.theilH, digits: 3)), V = \(language.number(s.cramersV, digits: 3)), p \(CompareSummary.pValue(s.pValue, language))"))</p>"
                }
            }
            body += "</section>\n"
        }

        // SES gradient.
        if let g = r.gradient, let groups = g.groups {
            body += "<section><h2>\(htmlEscape(rw.sesHeading))</h2>"
            let hidden = publication.plan(groups).cells
            let shown = groups.comparison.groups.enumerated().filter { !hidden.contains($0.offset) }.map(\.element)
            body += figure(SVGCharts.sesChart(shown, title: rw.sesChart, language: language), caption: rw.sesChart)
            for line in GradientRenderer.statistics(g, language: language) { body += "<p class=\"note\">\(htmlEscape(line))</p>" }
            body += "</section>\n"
        }

        if let t = r.trend {
            body += "<section><h2>\(htmlEscape(w.labels.trend.title))</h2>"
            let (header, rows, notes) = TrendRenderer.parts(t, language: language, publication: publication)
            body += table(header, rows) + notes.map { "<p class=\"note\">\(htmlEscape($0))</p>" }.joined()
            body += "</section>\n"
        }

        body += methods(r, language: language, publication: publication, version: version)
        return page(title: title, language: language, body: body)
    }

    static func periodText(_ r: ReportResult, _ language: Language) -> String {
        let req = r.compare.request
        guard req.from != nil || req.to != nil else { return "" }
        return " · " + "\(req.from?.description ?? "…") – \(req.to?.description ?? "…")"
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(htmlEscape(caption))</figcaption></figure>\n"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "<table><thead><tr>" + header.map { "<th scope=\"col\">\(htmlEscape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>" + row.enumerated().map { $0.offset == 0 ? "<th scope=\"row\">\(htmlEscape($0.element))</th>" : "<td>\(htmlEscape($0.element))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>\n"
    }

    /// CBS table ids (e.g. 85984NED) and years found in the source names.
    static func cbsTables(_ names: [String]) -> [String] {
        var out: [String] = []
        for name in names {
            let chars = Array(name)
            var i = 0
            while i + 8 <= chars.count {
                let slice = String(chars[i..<i + 8])
                if slice.prefix(5).allSatisfy(\.isNumber), slice.hasSuffix("NED") { out.append(slice); i += 8 } else { i += 1 }
            }
        }
        return Array(Set(out)).sorted()
    }

    /// Years of the region division, from CBS-style file names (kwb2019…, 85984NED = KWB 2024).
    static func divisionYears(_ names: [String]) -> [String] {
        var years = Set<String>()
        for name in names.map({ $0.lowercased() }) {
            if let range = name.range(of: "kwb") {
                let digits = name[range.upperBound...].prefix { $0.isNumber }
                if digits.count == 4 { years.insert(String(digits)) }
            }
            if name.contains("85984ned") { years.insert("2024") }
        }
        return years.sorted()
    }

    static func methods(_ r: ReportResult, language: Language, publication: Publication, version: String) -> String {
        let rw = language.report, s = r.compare.request.settings, req = r.compare.request
        var out = "<section class=\"methods\"><h2>\(htmlEscape(rw.methodsHeading))</h2><h3>\(htmlEscape(rw.sources))</h3><ul>"
        let src = r.compare.sources
        out += "<li>\(htmlEscape(lastPathComponent(src.population))) — \(htmlEscape(src.populationLayout)), \(htmlEscape(src.originScheme.rawValue))</li>"
        if let ses = src.ses { out += "<li>\(htmlEscape(lastPathComponent(ses)))\(src.sesPeriod.map { " (\(htmlEscape($0)))" } ?? "")</li>" }
        let tables = cbsTables([src.population, src.ses ?? ""] + r.files.map(\.path))
        if !tables.isEmpty { out += "<li>CBS: \(htmlEscape(tables.joined(separator: ", ")))</li>" }
        let years = Self.divisionYears([src.population] + r.files.map(\.path))
        if !years.isEmpty { out += "<li>\(htmlEscape(rw.regionDivision)): \(htmlEscape(years.joined(separator: ", ")))</li>" }
        out += "<li>\(htmlEscape(rw.cbs))</li></ul>"
        out += "<h3>\(htmlEscape(rw.methods))</h3><ul>"
        for (name, citation) in rw.methodList { out += "<li>\(htmlEscape(name)) — <cite>\(htmlEscape(citation))</cite></li>" }
        out += "</ul><h3>\(htmlEscape(rw.settings))</h3><ul>"
        out += "<li>\(htmlEscape(rw.confidence)): \(language.number(s.confidence.value * 100, digits: 1))%; \(htmlEscape(s.adjustment.rawValue)); \(htmlEscape(s.reachInterval.rawValue))</li>"
        out += "<li>Monte Carlo: \(s.fit.draws); SII: \(r.gradient?.sii?.repetitions ?? 0); \(htmlEscape(rw.seed)): \(s.fit.seed)</li>"
        out += "<li>SES: \(req.sesGroups); \(htmlEscape(rw.area)): \(htmlEscape(r.compare.area.codes.map(\.raw).joined(separator: ", "))) (\(r.compare.area.buurten.count) buurten)</li>"
        out += "<li>\(htmlEscape(publication.control.map { rw.disclosure.replacingOccurrences(of: "%d", with: String($0.threshold)) } ?? rw.disclosureOff))</li>"
        out += "<li>\(htmlEscape(rw.version)): \(htmlEscape(version))</li></ul>"
        out += "<h3>\(htmlEscape(rw.files))</h3>"
        out += table(["", "SHA-256"], r.files.map { ["\($0.role): \(lastPathComponent($0.path))", $0.sha256] })
        out += "<h3>\(htmlEscape(language.words.labels.attendance))</h3><pre>"
            + htmlEscape(CompareSummary.reconciliation(r.compare, language: language, publication: publication).joined(separator: "\n")) + "</pre>"
        return out + "<p class=\"note\">\(htmlEscape(rw.generated)) \(htmlEscape(version))</p></section>\n"
    }

    static func lastPathComponent(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    static func page(title: String, language: Language, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(htmlEscape(title))</title>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.45; }
        h1 { font-size: 1.7em; margin-bottom: .2em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; margin-top: 1.6em; }
        .meta, .note { color: #333; font-size: .92em; } ul.summary li { margin: .3em 0; font-size: 1.08em; }
        table { border-collapse: collapse; margin: .6em 0 1em; font-size: .9em; } th, td { padding: .25em .6em; border-bottom: 1px solid #bbb; }
        td { text-align: right; } th[scope=row] { text-align: left; font-weight: normal; } thead th { border-bottom: 2px solid #000; text-align: right; }
        thead th:first-child { text-align: left; } figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: .85em; color: #333; } svg text { font-family: "DejaVu Sans", Arial, sans-serif; fill: #111; }
        pre { font-size: .85em; white-space: pre-wrap; } section { break-inside: auto; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print { body { margin: 0; max-width: none; font-size: 10.5pt; } h2, h3 { break-after: avoid; } table, figure { break-inside: avoid; } }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}

/// The report's plain summary: at most five sentences, B1 Dutch (or plain English).
public enum ReportSummary {
    /// The area's codes, or the first few and how many more when there are many.
    static func areaText(_ area: Area, _ language: Language) -> String {
        let codes = area.names
        guard codes.count > 5 else { return codes.joined(separator: ", ") }
        return codes.prefix(3).joined(separator: ", ") + language.report.andMore.filled(language.integer(codes.count - 3))
    }

    public static func sentences(_ r: ReportResult, language: Language, publication: Publication) -> [String] {
        let rw = language.report
        var out: [String] = []
        let persons = r.compare.reconciliation.persons
        let reach = r.buurten.target.map { language.number($0 * 1000, digits: 1) } ?? "–"
        out.append(rw.reachedPeople.filled(publication.count(persons, language), areaText(r.compare.area, language), reach))
        let compareSentences = CompareSummary.sentences(r.compare, language: language, publication: publication)
        let w = language.words.labels
        if let under = compareSentences.first(where: { $0.hasPrefix(w.missingSentence("").dropLast(1)) }) { out.append(under) }
        else { out.append(rw.nobodyMissing) }
        if let over = compareSentences.first(where: { $0.hasPrefix(w.overSentence("").dropLast(1)) }) { out.append(over) }
        if let h = r.buurten.homogeneity {
            let i2 = language.number(h.i2, digits: 0)
            out.append(h.i2 >= 50 ? rw.buurtenDiffer.filled(i2) : rw.buurtenSimilar.filled(i2))
        }
        if let sii = r.gradient?.sii?.sii {
            out.append(sii.lower > 0 ? rw.sesLower : sii.upper < 0 ? rw.sesHigher : rw.sesNone)
        }
        return Array(out.prefix(5))
    }
}
