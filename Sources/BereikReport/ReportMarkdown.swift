import BereikPipeline

/// `bereik report --format markdown`: the same content as the HTML report, without charts (their
/// numbers are in the tables).
public enum ReportMarkdown {
    /// A section's Markdown without its first heading line, with its headings one level deeper
    /// (a section's "## Geslacht" becomes "### Geslacht", as in "Wie doet mee?").
    static func section(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.hasPrefix("# ") == true { lines.removeFirst() }
        // The warnings stand once at the top of the report, not again in every section.
        while lines.first.map({ $0.isEmpty || $0.hasPrefix(">") }) == true { lines.removeFirst() }
        return lines.map { $0.hasPrefix("#") ? "#" + $0 : $0 }.joined(separator: "\n")
    }

    public static func render(_ r: PublishedReport, language: Language, version: String) -> String {
        let rw = language.report, w = language.words
        var out = "# \(Escape.markdown(r.title.isEmpty ? rw.defaultTitle : r.title))\n\n"
            + Escape.markdown("\(rw.area): " + (r.context.areaName.map { "\($0) — " } ?? "") + ReportSummary.areaText(r.context.area, language)
                              + ReportHTML.periodText(r, language)) + "\n\n"
            + Warnings.block(r.context.notes, language, markdown: true) + "## \(Escape.markdown(rw.summary))\n\n"
        for s in ReportSummary.sentences(r, language: language) { out += "- \(Escape.markdown(s))\n" }
        let missing = ReportSummary.whereMissing(r, language: language)
        if !missing.isEmpty {
            out += "\n## \(Escape.markdown(rw.whereHeading))\n\n\(Escape.markdown(rw.whereIntro))\n\n"
            for line in missing { out += "- \(Escape.markdown(line))\n" }
        }
        out += "\n## \(Escape.markdown(rw.whoTakesPart))\n\n" + Escape.markdown(rw.intro["who"] ?? "") + "\n"
        for d in r.compare.dimensions {
            out += "\n### \(Escape.markdown(w.dimension[d.dimension]!))\n\n"
            out += TextTable.markdown(CompareRow.header(w, flagColumn: rw.flagColumn), d.groups.map { CompareRow($0, language: language, control: r.context.disclosure, flagWords: rw.flagValues).cells })
            out += "\n"
            if let line = CompareSummary.testLine(d, language: language) { out += Escape.markdown(line) + "\n\n" }
            for note in CompareSummary.notes(d, context: r.context, language: language) { out += "- \(Escape.markdown(note))\n" }
        }
        if let roles = r.roles {
            out += "\n## \(Escape.markdown(rw.rolesHeading))\n\n" + Escape.markdown(rw.rolesIntro) + "\n\n"
            for (l, level) in roles.levels.enumerated() {
                out += "- " + Escape.markdown(language.roles.levelLine(language.roleName(level.name), language.persons(level.persons, r.context.disclosure), l > 0)) + "\n"
            }
            for (d, t) in RoleRenderer.tables(roles, language: language) {
                out += "\n### \(Escape.markdown(w.dimension[d]!))\n\n" + TextTable.markdown(t.header, t.rows)
            }
            out += "\n"
            for line in RoleRenderer.sentences(roles, language: language) { out += Escape.markdown(line) + "\n\n" }
            for note in RoleRenderer.notes(roles, language: language) { out += "- \(Escape.markdown(note))\n" }
        }
        if let initiatives = r.initiatives {
            out += "\n## \(Escape.markdown(language.sideBySide.title))\n\n" + Escape.markdown(rw.initiativesIntro) + "\n\n"
            for line in InitiativeRenderer.personLines(initiatives, language: language) { out += "- " + Escape.markdown(line) + "\n" }
            for (d, t) in InitiativeRenderer.tables(initiatives, language: language) {
                out += "\n### \(Escape.markdown(w.dimension[d]!))\n\n" + TextTable.markdown(t.header, t.rows)
            }
            out += "\n"
            for line in InitiativeRenderer.sentences(initiatives, language: language) { out += Escape.markdown(line) + "\n\n" }
            out += "- " + Escape.markdown(language.sideBySide.method) + "\n"
        }
        if r.periodChangeWithheld { out += "\n- " + Escape.markdown(rw.periodsWithheld) + "\n" }
        if let change = r.periodChange {
            out += "\n## \(Escape.markdown(PeriodChangeRenderer.heading(change, language)))\n\n" + Escape.markdown(rw.periodsIntro) + "\n"
            for b in PeriodChangeRenderer.blocks(change, control: r.context.disclosure, language: language) {
                out += "\n### \(Escape.markdown(w.dimension[b.dimension]!))\n\n" + TextTable.markdown(b.header, b.rows) + "\n"
                for line in b.lines { out += Escape.markdown(line) + "\n\n" }
            }
            out += "- " + Escape.markdown(language.periodChange.independence) + "\n"
        }
        if !r.compare.crossings.isEmpty {
            out += "\n## \(Escape.markdown(rw.intersectionsHeading))\n\n" + Escape.markdown(rw.intersectionsIntro) + "\n"
            for c in r.compare.crossings {
                out += "\n### \(Escape.markdown(CrossingRenderer.title(c, language)))\n\n"
                let (header, rows) = CrossingRenderer.compact(c, language: language)
                out += TextTable.markdown(header, rows) + "\n"
                for line in CrossingRenderer.sentences(c, language: language) { out += Escape.markdown(line) + "\n\n" }
                for note in CrossingRenderer.notes(c, context: r.context, language: language) { out += "- \(Escape.markdown(note))\n" }
            }
        }
        out += "\n## \(Escape.markdown(rw.buurtenHeading))\n\n" + Escape.markdown(rw.intro["buurten"] ?? "") + "\n\n" + section(HeterogeneityRenderer.text(r.buurten, language: language, markdown: true))
        // Maps as inline SVG (Markdown renderers pass HTML through), with the table beside them.
        if let view = MapView(r) {
            let map = view.map, mw = language.map
            out += "\n## \(Escape.markdown(mw.title))\n\n" + Escape.markdown(rw.mapIntro) + "\n\n"
            out += MapSVG.reach(view, language: language) + "\n\n"
            for w in r.whereMissing {
                if let svg = MapSVG.missing(view, w, language: language) { out += "### \(Escape.markdown(mw.missingTitle(language.words.label(w.group))))\n\n" + svg + "\n\n" }
            }
            if !map.notDrawn.isEmpty {
                out += "- " + Escape.markdown(mw.notDrawn + ": " + map.notDrawn.map { "\(map.names[$0] ?? "") (\($0.raw))" }.joined(separator: ", ")) + "\n\n"
            }
            let t = MapSVG.table(view, language: language)
            out += "### \(Escape.markdown(mw.tableCaption))\n\n" + TextTable.markdown(t.header, t.rows)
        } else if let problem = r.mapProblem {
            out += "\n## \(Escape.markdown(language.map.title))\n\n- " + Escape.markdown(language.message(problem)) + "\n"
        }
        if let a = r.activities {
            out += "\n## \(Escape.markdown(rw.activitiesHeading))\n\n" + Escape.markdown(rw.intro["activities"] ?? "") + "\n\n" + section(HeterogeneityRenderer.text(a, language: language, markdown: true))
        }
        if let g = r.gradient {
            out += "\n## \(Escape.markdown(rw.sesHeading))\n\n" + Escape.markdown(rw.intro["ses"] ?? "") + "\n\n" + section(GradientRenderer.text(g, language: language, markdown: true))
        }
        if let t = r.trend {
            out += "\n## \(Escape.markdown(w.labels.trend.title))\n\n" + Escape.markdown(rw.intro["trend"] ?? "") + "\n\n" + section(TrendRenderer.text(t, language: language, markdown: true))
        }
        out += "\n## \(Escape.markdown(rw.glossaryHeading))\n\n" + Escape.markdown(rw.intro["glossary"] ?? "") + "\n\n"
        for (term, meaning) in rw.glossary { out += "- **\(Escape.markdown(term))**: \(Escape.markdown(meaning))\n" }
        out += "\n## \(Escape.markdown(rw.methodsHeading))\n\n"
        for (name, citation) in rw.methodList { out += "- \(Escape.markdown(name)) — \(Escape.markdown(citation))\n" }
        out += "\n| \(Escape.markdown(rw.files)) | SHA-256 |\n|:---|:---|\n"
        for f in r.files { out += "| \(Escape.markdown("\(rw.fileRole(f.role)): \(ReportHTML.lastPathComponent(f.path))")) | \(f.sha256) |\n" }
        let s = r.context.settings
        out += "\n\(Escape.markdown(rw.confidence)): \(language.number(s.confidence.value * 100, digits: 1))%, \(s.adjustment.rawValue), \(rw.seed): \(s.fit.seed), \(rw.version): \(version). "
        out += Escape.markdown(r.context.disclosure.map { rw.disclosure.replacingOccurrences(of: "%d", with: String($0.threshold)) } ?? rw.disclosureOff)
        out += " " + Escape.markdown(rw.cbs) + "\n"
        out += "\n## \(Escape.markdown(w.labels.attendance))\n\n```\n" + CompareSummary.reconciliation(r.context, language: language).map(Escape.terminal).joined(separator: "\n") + "\n```\n"
        return out
    }
}
