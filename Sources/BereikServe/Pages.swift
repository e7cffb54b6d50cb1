import BereikData
import BereikPublish
import BereikReport
import Foundation

/// The page's HTML: the form, the answer (the report's own sections inside the page) and the
/// messages. Everything from outside (file names, headers, area names, the report) is escaped;
/// scripts and styles come from this server only (see `Assets` and the CSP in `Server`).
enum Pages {
    static func head(_ title: String, language: Language, extraStyle: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(htmlEscape(title))</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/static/bereik.css">
        <script src="/static/bereik.js" defer></script>
        \(extraStyle)
        </head>

        """
    }

    static func topBar(_ words: ServeWords, language: Language, switchTo path: String) -> String {
        let other = words.otherLanguageName
        return """
        <header class="bar"><p class="brand"><a href="/?lang=\(language.rawValue)">Bereik</a></p>
        <p class="lang"><a href="\(htmlEscape(path))?lang=\(other)" lang="\(other)" hreflang="\(other)">\(htmlEscape(words.otherLanguage))</a></p></header>

        """
    }

    /// The form, with a message (and the file's columns to choose) after a problem.
    static func form(language: Language, csrf: String, maxUploadBytes: Int, message: String? = nil, columns: ColumnChoice? = nil,
                     area: String = "", from: String = "", to: String = "", title: String = "") -> String {
        let w = ServeWords.of(language)
        let megabytes = String(maxUploadBytes / (1024 * 1024))
        let data: [(String, String)] = [
            ("lang", language.rawValue), ("max-bytes", String(maxUploadBytes)), ("no-file", w.noFile),
            ("empty", w.emptyFile("{bestand}")), ("too-large", w.tooLarge(megabytes)), ("no-area", w.noArea),
            ("uploading", w.uploading), ("analysing", w.analysing), ("unexpected", w.unexpected), ("chosen", w.chosenFile),
        ]
        var page = head(w.pageTitle, language: language)
        page += "<body>\n<a class=\"skip\" href=\"#formulier\">\(htmlEscape(w.skipToForm))</a>\n"
        page += topBar(w, language: language, switchTo: "/")
        page += "<main>\n<h1>\(htmlEscape(w.pageTitle))</h1>\n<p class=\"tagline\">\(htmlEscape(w.tagline))</p>\n<p>\(htmlEscape(w.intro))</p>\n"
        page += messageBox(w, message)
        page += "<form id=\"formulier\" method=\"post\" action=\"/analyse\" enctype=\"multipart/form-data\" novalidate"
        for (k, v) in data { page += " data-\(k)=\"\(htmlEscape(v))\"" }
        page += ">\n<input type=\"hidden\" name=\"csrf\" value=\"\(htmlEscape(csrf))\">\n<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">\n"
        page += """
        <fieldset><legend>\(htmlEscape(w.stepFile))</legend>
        <div id="dropzone" class="drop">
        <label for="bestand">\(htmlEscape(w.fileLabel))</label>
        <input type="file" id="bestand" name="bestand" accept=".csv,.txt,.tsv,.xlsx,.zip,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="bestand-hint drop-hint">
        <p id="drop-hint" class="hint">\(htmlEscape(w.dropHere))</p>
        <p id="bestand-hint" class="hint">\(htmlEscape(w.fileHint))</p>
        <p id="gekozen" aria-live="polite"></p>
        </div>
        <p><label for="blad">\(htmlEscape(w.sheetLabel)) <span class="hint">\(htmlEscape(w.optional))</span></label>
        <input type="text" id="blad" name="blad" maxlength="100" autocomplete="off"></p>
        </fieldset>
        <fieldset id="kolommen"\(columns == nil ? " hidden" : "")>\(columns.map { columnChoice($0, words: w) } ?? "")</fieldset>
        <fieldset><legend>\(htmlEscape(w.stepArea))</legend>
        <p><label for="gebied">\(htmlEscape(w.areaLabel))</label>
        <input type="text" id="gebied" name="gebied" list="gebieden" autocomplete="off" maxlength="500" aria-describedby="gebied-hint" value="\(htmlEscape(area))">
        <datalist id="gebieden"></datalist></p>
        <p id="gebied-hint" class="hint">\(htmlEscape(w.areaHint))</p>
        <p class="period"><label for="van">\(htmlEscape(w.fromLabel))</label> <input type="date" id="van" name="van" value="\(htmlEscape(from))" aria-describedby="periode-hint">
        <label for="tot">\(htmlEscape(w.toLabel))</label> <input type="date" id="tot" name="tot" value="\(htmlEscape(to))" aria-describedby="periode-hint"></p>
        <p id="periode-hint" class="hint">\(htmlEscape(w.periodHint))</p>
        <p><label for="titel">\(htmlEscape(w.titleLabel)) <span class="hint">\(htmlEscape(w.optional))</span></label>
        <input type="text" id="titel" name="titel" maxlength="200" value="\(htmlEscape(title))"></p>
        </fieldset>
        <p><button type="submit" id="start">\(htmlEscape(w.analyse))</button></p>
        <div id="voortgang" hidden><progress id="balk" max="100" aria-labelledby="voortgang-tekst"></progress>
        <p id="voortgang-tekst" role="status" aria-live="polite"></p></div>
        </form>
        <p class="privacy">\(htmlEscape(w.privacy))</p>
        <noscript><p class="hint">\(htmlEscape(w.noScript))</p></noscript>
        </main>
        </body>
        </html>

        """
        return page
    }

    static func messageBox(_ w: ServeWords, _ message: String?) -> String {
        "<div id=\"melding\" class=\"problem\" role=\"alert\" tabindex=\"-1\"\(message == nil ? " hidden" : "")><h2>\(htmlEscape(w.problemHeading))</h2>"
            + "<p id=\"melding-tekst\">\(htmlEscape(message ?? ""))</p></div>\n"
    }

    /// One select per role: the file's headers, the recognised (or chosen) one selected.
    static func columnChoice(_ c: ColumnChoice, words w: ServeWords) -> String {
        let roles: [AttendanceRole] = [.person, .date, .buurt, .postcode, .gender, .birthYear, .age, .ageBand, .origin, .activity, .role, .initiative]
        var out = "<legend>\(htmlEscape(w.columnsLegend))</legend><p class=\"hint\">\(htmlEscape(w.columnsHint))</p><div class=\"columns\">"
        for role in roles {
            let id = "kolom-\(role.rawValue)"
            out += "<p><label for=\"\(id)\">\(htmlEscape(w.roleNames[role.rawValue] ?? role.rawValue))</label>"
            out += "<select id=\"\(id)\" name=\"kolom_\(role.rawValue)\"><option value=\"\">\(htmlEscape(w.columnAutomatic))</option>"
            for h in c.header where !h.isEmpty {
                out += "<option value=\"\(htmlEscape(h))\"\(c.chosen[role.rawValue] == h ? " selected" : "")>\(htmlEscape(h))</option>"
            }
            out += "</select></p>"
        }
        return out + "</div>"
    }

    /// The answer: downloads, the columns used, then the report's sections as the report shows them.
    static func answer(id: String, entry: ResultStore.Entry, language: Language, version: String, pdf: Bool) -> String {
        let w = ServeWords.of(language)
        let report = ReportHTML.render(entry.report, language: language, version: version)
        let style = section(of: report, from: "<style>", to: "</style>").map { "<style>\($0)</style>" } ?? ""
        let body = section(of: report, from: "<body>", to: "</body>") ?? ""
        let q = "?lang=\(language.rawValue)"
        var links = [("rapport.html", w.downloadHTML), ("uitslag.csv", w.downloadCSV), ("uitslag.json", w.downloadJSON)]
        if pdf { links.insert(("rapport.pdf", w.downloadPDF), at: 1) }
        var page = head(w.pageTitle, language: language, extraStyle: style)
        page += "<body>\n" + topBar(w, language: language, switchTo: "/uitslag/\(id)")
        page += "<main>\n<nav class=\"downloads\" aria-labelledby=\"downloads\"><h2 id=\"downloads\">\(htmlEscape(w.downloads))</h2><ul>"
        for (file, label) in links {
            page += "<li><a id=\"download-\(file.replacingOccurrences(of: ".", with: "-"))\" href=\"/uitslag/\(id)/\(file)\(q)\" download>\(htmlEscape(label))</a></li>"
        }
        page += "</ul><p class=\"hint\">\(htmlEscape(w.resultExpires))</p>"
        page += "<p><a href=\"/?lang=\(language.rawValue)\">\(htmlEscape(w.newAnalysis))</a></p>"
        if !entry.columns.isEmpty {
            page += "<details><summary>\(htmlEscape(w.columnsUsed))</summary><dl class=\"used\">"
            for (role, header) in entry.columns {
                page += "<div><dt>\(htmlEscape(w.roleNames[role] ?? role))</dt><dd>\(htmlEscape(header))</dd></div>"
            }
            page += "</dl></details>"
        }
        page += "</nav>\n<article id=\"uitslag\" class=\"report\" aria-label=\"\(htmlEscape(w.resultHeading))\">\n\(body)\n</article>\n</main>\n</body>\n</html>\n"
        return page
    }

    static func section(of text: String, from start: String, to end: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, options: .backwards), a.upperBound <= b.lowerBound else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }

    /// A page with one message (busy, expired result, not found), and the way back.
    static func message(_ text: String, language: Language) -> String {
        let w = ServeWords.of(language)
        return head(w.pageTitle, language: language) + "<body>\n" + topBar(w, language: language, switchTo: "/")
            + "<main>\n<h1>\(htmlEscape(w.pageTitle))</h1>\n" + messageBox(w, text)
            + "<p><a href=\"/?lang=\(language.rawValue)\">\(htmlEscape(w.newAnalysis))</a></p>\n</main>\n</body>\n</html>\n"
    }
}
