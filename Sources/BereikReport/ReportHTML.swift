import Foundation
import BereikData
import BereikPipeline
import BereikStats
import BereikPublish

/// `bereik report`: one self-contained HTML file (inline CSS and SVG, no external requests — a
/// Content-Security-Policy forbids them — prints to A4), in Dutch by default. Order: a plain
/// summary of at most five sentences; charts and tables per dimension, across buurten and
/// activities, and along the SES gradient; methods and sources with CBS tables, settings, seed,
/// version and the SHA-256 of each input. Every user-provided text is escaped.
public enum ReportHTML {
    public static func render(_ r: PublishedReport, language: Language, version: String) -> String {
        let w = language.words, rw = language.report
        let title = r.title.isEmpty ? rw.defaultTitle : r.title
        var body = "<header><h1>\(htmlEscape(title))</h1><p class=\"meta\">\(htmlEscape(rw.area)): "
            + htmlEscape(r.context.areaName.map { "\($0) — " } ?? "") + htmlEscape(ReportSummary.areaText(r.context.area, language))
            + periodText(r, language) + "</p></header>\n"

        let warnings = language.warnings(r.context.notes)
        if !warnings.isEmpty {
            body += "<aside class=\"warning\" role=\"alert\">" + warnings.map { "<p>\(htmlEscape($0))</p>" }.joined() + "</aside>\n"
        }
        body += "<section><h2>\(htmlEscape(rw.summary))</h2><ul class=\"summary\">"
        for s in ReportSummary.sentences(r, language: language) { body += "<li>\(htmlEscape(s))</li>" }
        body += "</ul><p class=\"note\">\(htmlEscape(w.labels.missingExplained))</p></section>\n"
        let missing = ReportSummary.whereMissing(r, language: language)
        if !missing.isEmpty {
            body += "<section><h2>\(htmlEscape(rw.whereHeading))</h2><p>\(htmlEscape(rw.whereIntro))</p><ul>"
                + missing.map { "<li>\(htmlEscape($0))</li>" }.joined() + "</ul></section>\n"
        }

        // Who takes part: ratios, composition, tables.
        body += "<section><h2>\(htmlEscape(rw.whoTakesPart))</h2><p class=\"intro\">\(htmlEscape(rw.intro["who"] ?? ""))</p>"
        var ratioRows: [(label: String, ratio: RepresentationRatio?, flag: RepresentationFlag)] = []
        for d in r.compare.dimensions {
            for g in d.groups {
                let dimension = d.dimension == .ses ? "SES" : w.dimension[d.dimension]!
                ratioRows.append(("\(dimension): \(w.label(g.key))", g.ratio, g.flag))
            }
        }
        body += figure(SVGCharts.ratioChart(ratioRows, title: rw.ratioChart, axis: rw.ratioAxis,
                                            legend: (rw.legendUnder, rw.legendOver, rw.legendNone), language: language), caption: rw.ratioChart)
        for d in r.compare.dimensions {
            body += "<h3>\(htmlEscape(w.dimension[d.dimension]!))</h3>"
            let rows = d.groups.map { g in (label: w.label(g.key), participants: g.participantShare, residents: g.residentShare) }
            body += figure(SVGCharts.compositionChart(rows, title: "\(rw.compositionChart): \(w.dimension[d.dimension]!)",
                                                      participantsLabel: rw.participants, residentsLabel: rw.residents, language: language),
                           caption: "\(rw.compositionChart): \(w.dimension[d.dimension]!)")
            body += table(CompareRow.header(w, flagColumn: rw.flagColumn), d.groups.map { CompareRow($0, language: language, control: r.context.disclosure, flagWords: rw.flagValues).cells })
            for line in [CompareSummary.testLine(d, language: language)].compactMap({ $0 })
                + CompareSummary.notes(d, context: r.context, language: language) {
                body += "<p class=\"note\">\(htmlEscape(line))</p>"
            }
        }
        body += "</section>\n"

        // Who decides (a role column).
        if let roles = r.roles {
            body += "<section><h2>\(htmlEscape(rw.rolesHeading))</h2><p class=\"intro\">\(htmlEscape(rw.rolesIntro))</p>"
            body += "<ul>" + roles.levels.enumerated().map { l, level in
                "<li>\(htmlEscape(language.roles.levelLine(language.roleName(level.name), language.persons(level.persons, r.context.disclosure), l > 0)))</li>"
            }.joined() + "</ul>"
            for (d, t) in RoleRenderer.tables(roles, language: language) {
                body += "<h3>\(htmlEscape(w.dimension[d]!))</h3>" + table(t.header, t.rows)
            }
            body += RoleRenderer.sentences(roles, language: language).map { "<p>\(htmlEscape($0))</p>" }.joined()
            body += RoleRenderer.notes(roles, language: language).map { "<p class=\"note\">\(htmlEscape($0))</p>" }.joined()
            body += "</section>\n"
        }

        // Initiatives side by side (several attendance files, or an initiative column).
        if let initiatives = r.initiatives {
            body += "<section><h2>\(htmlEscape(language.sideBySide.title))</h2><p class=\"intro\">\(htmlEscape(rw.initiativesIntro))</p>"
            body += "<ul>" + InitiativeRenderer.personLines(initiatives, language: language).map { "<li>\(htmlEscape($0))</li>" }.joined() + "</ul>"
            for (d, t) in InitiativeRenderer.tables(initiatives, language: language) {
                body += "<h3>\(htmlEscape(w.dimension[d]!))</h3>" + table(t.header, t.rows)
            }
            body += InitiativeRenderer.sentences(initiatives, language: language).map { "<p>\(htmlEscape($0))</p>" }.joined()
            body += "<p class=\"note\">\(htmlEscape(language.sideBySide.method))</p></section>\n"
        }

        // Two periods (asked with analysis.period_a/period_b).
        if r.periodChangeWithheld { body += "<p class=\"note\">\(htmlEscape(rw.periodsWithheld))</p>" }
        if let change = r.periodChange {
            body += "<section><h2>\(htmlEscape(PeriodChangeRenderer.heading(change, language)))</h2><p class=\"intro\">\(htmlEscape(rw.periodsIntro))</p>"
            for b in PeriodChangeRenderer.blocks(change, control: r.context.disclosure, language: language) {
                body += "<h3>\(htmlEscape(w.dimension[b.dimension]!))</h3>" + table(b.header, b.rows)
                body += b.lines.map { "<p>\(htmlEscape($0))</p>" }.joined()
            }
            body += "<p class=\"note\">\(htmlEscape(language.periodChange.independence))</p></section>\n"
        }

        // Intersections (asked with analysis.crossings or --intersections).
        if !r.compare.crossings.isEmpty {
            body += "<section><h2>\(htmlEscape(rw.intersectionsHeading))</h2><p class=\"intro\">\(htmlEscape(rw.intersectionsIntro))</p>"
            for c in r.compare.crossings {
                body += "<h3>\(htmlEscape(CrossingRenderer.title(c, language)))</h3>"
                let (header, rows) = CrossingRenderer.compact(c, language: language)
                body += table(header, rows)
                body += CrossingRenderer.sentences(c, language: language).map { "<p>\(htmlEscape($0))</p>" }.joined()
                body += CrossingRenderer.notes(c, context: r.context, language: language).map { "<p class=\"note\">\(htmlEscape($0))</p>" }.joined()
            }
            body += "</section>\n"
        }

        // Buurten.
        let b = r.buurten
        if !b.units.isEmpty {
            body += "<section><h2>\(htmlEscape(rw.buurtenHeading))</h2><p class=\"intro\">\(htmlEscape(rw.intro["buurten"] ?? ""))</p>"
            let drawn = b.units.filter { !$0.participants.isWithheld && $0.residents > 0 }
            if let target = b.target {
                body += figure(SVGCharts.funnelChart(drawn, target: target, method: r.context.funnel, title: rw.funnelChart, words: rw, language: language),
                               caption: "\(rw.funnelChart). — \(rw.funnelTarget), \(rw.funnel95) (- -), \(rw.funnel998) (—)")
            }
            for line in HeterogeneityRenderer.statistics(b, language: language) { body += "<p class=\"note\">\(htmlEscape(line))</p>" }
            let hw = w.labels.heterogeneity
            let flagged = drawn.filter { $0.flag != .none || $0.adjustedFlag != .none }
            // One column, "Naam (code)": a reader looks for the name, an analyst for the code.
            let flaggedRows = flagged.map { u in
                [u.name.isEmpty ? u.unit : "\(u.name) (\(u.unit))", language.count(u.participants, r.context.disclosure), language.integer(u.residents),
                 language.interval(u.reach.estimate, u.reach.interval?.lower, u.reach.interval?.upper, factor: 1000),
                 rw.unitFlagValues[u.flag] ?? "", rw.unitFlagValues[u.adjustedFlag] ?? ""]
            }
            if !flaggedRows.isEmpty {
                body += table([rw.buurt, w.columns.participants, w.columns.residentShare, w.columns.reach,
                               rw.unitFlag, rw.unitFlagAdjusted], flaggedRows)
            }
            body += "</section>\n"
        }

        // Maps: reach per buurt, and where each under-reached group's missing people live.
        if let view = MapView(r) {
            let map = view.map, mw = language.map
            body += "<section class=\"maps\"><h2>\(htmlEscape(mw.title))</h2><p class=\"intro\">\(htmlEscape(rw.mapIntro))</p>"
            body += "<figure class=\"map\"><figcaption>\(htmlEscape(mw.reachTitle))</figcaption>\(MapSVG.reach(view, language: language))</figure>"
            // Small multiples, two to a row: one map per group we miss.
            let missing = r.whereMissing.compactMap { w in
                MapSVG.missing(view, w, language: language).map { "<figure><figcaption>\(htmlEscape(mw.missingTitle(language.words.label(w.group))))</figcaption>\($0)</figure>" }
            }
            if !missing.isEmpty { body += "<div class=\"map-grid\">" + missing.joined() + "</div>" }
            if !map.notDrawn.isEmpty {
                body += "<p class=\"note\">\(htmlEscape(mw.notDrawn + ": " + map.notDrawn.map { "\(map.names[$0] ?? "") (\($0.raw))" }.joined(separator: ", ")))</p>"
            }
            let t = MapSVG.table(view, language: language)
            // Open, so the table prints too (on paper there is no hovering).
            body += "<h3>\(htmlEscape(mw.tableCaption))</h3>" + table(t.header, t.rows) + "</section>\n"
        } else if let problem = r.mapProblem {
            body += "<section class=\"maps\"><h2>\(htmlEscape(language.map.title))</h2><p class=\"note\">\(htmlEscape(language.message(problem)))</p></section>\n"
        }

        // Activities.
        if let a = r.activities, !a.dimensions.isEmpty {
            body += "<section><h2>\(htmlEscape(rw.activitiesHeading))</h2><p class=\"intro\">\(htmlEscape(rw.intro["activities"] ?? ""))</p>"
            for d in a.dimensions {
                body += "<h3>\(htmlEscape(w.dimension[d.dimension]!))</h3>"
                body += table([w.labels.heterogeneity.activity] + d.keys.map { w.label($0) },
                              HeterogeneityRenderer.activityRows(d, language: language, control: r.context.disclosure))
                for line in HeterogeneityRenderer.independenceLines(d, language: language) { body += "<p class=\"note\">\(htmlEscape(line))</p>" }
            }
            body += "</section>\n"
        }

        // SES gradient.
        if let g = r.gradient, let groups = g.groups {
            body += "<section><h2>\(htmlEscape(rw.sesHeading))</h2><p class=\"intro\">\(htmlEscape(rw.intro["ses"] ?? ""))</p>"
            body += figure(SVGCharts.sesChart(groups.groups.filter { !$0.participants.isWithheld }, title: rw.sesChart, yLabel: rw.funnelY, language: language), caption: rw.sesChart)
            for line in GradientRenderer.statistics(g, language: language) { body += "<p class=\"note\">\(htmlEscape(line))</p>" }
            body += "</section>\n"
        }

        if let t = r.trend {
            body += "<section><h2>\(htmlEscape(w.labels.trend.title))</h2><p class=\"intro\">\(htmlEscape(rw.intro["trend"] ?? ""))</p>"
            let (header, rows, notes) = TrendRenderer.parts(t, language: language)
            body += table(header, rows) + notes.map { "<p class=\"note\">\(htmlEscape($0))</p>" }.joined()
            body += "</section>\n"
        }

        body += "<section class=\"glossary\"><h2>\(htmlEscape(rw.glossaryHeading))</h2><p class=\"intro\">\(htmlEscape(rw.intro["glossary"] ?? ""))</p><dl>"
            + rw.glossary.map { "<div><dt>\(htmlEscape($0.0))</dt><dd>\(htmlEscape($0.1))</dd></div>" }.joined() + "</dl></section>\n"
        body += methods(r, language: language, version: version)
        return page(title: title, language: language, body: body)
    }

    /// The period the visits cover (first and last visit) and the chosen period, for the first page.
    static func periodText(_ r: PublishedReport, _ language: Language) -> String {
        let ctx = r.context, rw = language.report
        var parts: [String] = []
        if let v = r.visits { parts.append(rw.visitsPeriod.filled(rw.longDate(v.first), rw.longDate(v.last))) }
        if ctx.from != nil || ctx.to != nil { parts.append("\(rw.chosenPeriod): \(ctx.from.map(rw.longDate) ?? "…") – \(ctx.to.map(rw.longDate) ?? "…")") }
        return parts.map { " · " + $0 }.joined()
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

    static func methods(_ r: PublishedReport, language: Language, version: String) -> String {
        let rw = language.report, s = r.context.settings, ctx = r.context
        var out = "<section class=\"methods\"><h2>\(htmlEscape(rw.methodsHeading))</h2><h3>\(htmlEscape(rw.sources))</h3><ul>"
        let src = ctx.sources
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
        // A setting appears only when something of this run used it.
        out += "<li>Monte Carlo: \(s.fit.draws)" + (r.gradient?.sii.map { "; SII: \($0.repetitions)" } ?? "") + "; \(htmlEscape(rw.seed)): \(s.fit.seed)</li>"
        out += "<li>" + (ctx.sources.ses != nil ? "SES: \(ctx.sesGroups); " : "")
            + "\(htmlEscape(rw.area)): \(htmlEscape(ReportSummary.areaText(ctx.area, language))) (\(ctx.area.buurten.count) buurten)</li>"
        out += "<li>\(htmlEscape(ctx.disclosure.map { rw.disclosure.replacingOccurrences(of: "%d", with: String($0.threshold)) } ?? rw.disclosureOff))</li>"
        out += "<li>\(htmlEscape(rw.version)): \(htmlEscape(version))</li></ul>"
        out += "<h3>\(htmlEscape(rw.files))</h3>"
        out += table([rw.fileColumn, "SHA-256"], r.files.map { ["\(rw.fileRole($0.role)): \(lastPathComponent($0.path))", $0.sha256] })
        out += "<h3>\(htmlEscape(language.words.labels.attendance))</h3><pre>"
            + htmlEscape(CompareSummary.reconciliation(ctx, language: language).joined(separator: "\n")) + "</pre>"
        return out + "<p class=\"note\">\(htmlEscape(rw.generated)) \(htmlEscape(version))</p></section>\n"
    }

    /// Text inside a CSS string: backslash and quote escaped, control characters and `<` (which
    /// could close the style element) written as CSS escapes.
    static func cssString(_ s: String) -> String {
        Escape.scalars(s) { u in
            switch u {
            case "\\": return "\\\\"
            case "\"": return "\\\""
            case "<", ">", "&": return "\\" + String(u.value, radix: 16) + " "
            default: return u.value < 0x20 || u.value == 0x7F ? "\\" + String(u.value, radix: 16) + " " : nil
            }
        }
    }


    static func lastPathComponent(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    /// A heading, its opening sentence, a subheading and the first block after them stay on one
    /// page (Chromium does not honour `break-after: avoid` on headings reliably, but does honour
    /// `break-inside: avoid` on a block).
    static func keepHeadingsWithContent(_ body: String) -> String {
        let pattern = try! NSRegularExpression(pattern:
            #"<h([23])>[^<]*</h\1>(?:<p class="intro">[^<]*</p>)?(?:<h3>[^<]*</h3>)?(?:<figure>.*?</figure>|<table>.*?</table>|<ul[^>]*>.*?</ul>|<p[^>]*>[^<]*</p>)"#,
            options: [.dotMatchesLineSeparators])
        return pattern.stringByReplacingMatches(in: body, range: NSRange(body.startIndex..., in: body), withTemplate: "<div class=\"keep\">$0</div>")
    }

    static func page(title: String, language: Language, body: String) -> String {
        let body = keepHeadingsWithContent(body)
        return """
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
        .meta, .note { color: #333; font-size: .92em; } .intro { font-size: 1.02em; } dt { font-weight: 600; margin-top: .4em; } dd { margin-left: 1.2em; } aside.warning { border-left: 6px solid #b35900; background: #fff4e5; padding: .4em 1em; margin: 1em 0; font-weight: 600; } ul.summary li { margin: .3em 0; font-size: 1.08em; }
        table { border-collapse: collapse; margin: .6em 0 1em; font-size: .9em; } th, td { padding: .25em .6em; border-bottom: 1px solid #bbb; }
        td { text-align: right; white-space: nowrap; } .intro { break-after: avoid; } th[scope=row] { text-align: left; font-weight: normal; } thead th { border-bottom: 2px solid #000; text-align: right; }
        thead th:first-child { text-align: left; } figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: .85em; color: #333; } figure.map svg { max-width: 560px; }
        .map-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; } .map-grid figure { margin: .5em 0; }
        .map-grid figcaption { font-weight: bold; font-size: .9em; } svg text { font-family: "DejaVu Sans", Arial, sans-serif; fill: #111; }
        pre { font-size: .85em; white-space: pre-wrap; } section { break-inside: auto; }
        @page { size: A4; margin: 16mm 14mm 18mm; @bottom-left { content: "\(cssString(title))"; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; }
                @bottom-right { content: counter(page) " / " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; } }
        tr, li, .keep, dl > div { break-inside: avoid; }
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
        let codes = area.labels
        guard codes.count > 5 else { return codes.joined(separator: ", ") }
        return codes.prefix(3).joined(separator: ", ") + language.report.andMore.filled(language.integer(codes.count - 3))
    }

    /// One line per under-reached group: the extra people needed and the buurten where most live.
    static func whereMissing(_ r: PublishedReport, language: Language) -> [String] {
        let rw = language.report, w = language.words
        return r.whereMissing.map { m in
            let label = w.label(m.group), needed = m.extraNeeded.map(language.integer) ?? (r.context.disclosure?.label ?? "–")
            let places = m.places.map { p in
                rw.wherePlace.filled(p.name.isEmpty ? p.code.raw : p.name, p.code.raw, language.integer(p.residents))
            }
            return places.isEmpty ? rw.whereGroupNoPlaces.filled(label, needed) : rw.whereGroup.filled(label, needed, places.joined(separator: ", "))
        }
    }

    public static func sentences(_ r: PublishedReport, language: Language) -> [String] {
        let rw = language.report
        var out: [String] = []
        let reach = r.buurten.target.map { language.number($0 * 1000, digits: 1) } ?? "–"
        out.append(rw.reachedPeople.filled(language.count(r.context.reconciliation.persons, r.context.disclosure),
                                           r.context.areaName ?? areaText(r.context.area, language), reach))
        let compareSentences = CompareSummary.sentences(r.compare, language: language)
        let w = language.words.labels
        if let under = compareSentences.first(where: { $0.hasPrefix(w.missingSentence("").dropLast(1)) }) { out.append(under) }
        else { out.append(rw.nobodyMissing) }
        if let over = compareSentences.first(where: { $0.hasPrefix(w.overSentence("").dropLast(1)) }) { out.append(over) }
        if let v = r.buurten.verdict {
            // The number when it may be shown; otherwise only which side of 50% it lies on.
            let i2 = r.buurten.homogeneity.map { "= " + language.number($0.i2, digits: 0) } ?? (v.substantial ? "≥ 50" : "< 50")
            out.append(v.substantial ? rw.buurtenDiffer.filled(i2) : rw.buurtenSimilar.filled(i2))
        }
        if let sign = r.gradient?.siiVerdict {
            out.append(sign == .positive ? rw.sesLower : sign == .negative ? rw.sesHigher : rw.sesNone)
        }
        return Array(out.prefix(5))
    }
}
