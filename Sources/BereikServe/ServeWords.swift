import BereikReport

/// Every word of the web page and of the server's log, Dutch and English, in one place (like
/// `Words` for the outputs). The page takes its words from here only; the page language is one
/// setting (`?lang=en`, else the server's `--lang`, else Dutch).
public struct ServeWords: Sendable {
    // The page.
    public let pageTitle, tagline, intro, otherLanguage, otherLanguageName, skipToForm: String
    public let stepFile, fileLabel, fileHint, dropHere, chosenFile: String
    public let columnsLegend, columnsHint, columnAutomatic: String
    public let roleNames: [String: String]
    public let stepArea, areaLabel, areaHint, fromLabel, toLabel, periodHint, titleLabel, sheetLabel, optional: String
    public let analyse, uploading, analysing, privacy, noScript: String
    // The answer.
    public let resultHeading, newAnalysis, downloads, downloadHTML, downloadPDF, downloadCSV, downloadJSON, columnsUsed, resultExpires: String
    // Problems: one sentence each, what and how to fix.
    public let noFile: String
    public let emptyFile: @Sendable (_ file: String) -> String
    public let binaryFile: @Sendable (_ file: String) -> String
    public let tooLarge: @Sendable (_ megabytes: String) -> String
    public let noArea, busy, formExpired, badForm, unexpected, resultGone, notFound, noPDF: String
    public let badDate: @Sendable (_ text: String) -> String
    public let fromAfterTo: @Sendable (_ from: String, _ to: String) -> String
    public let timeout: @Sendable (_ seconds: String) -> String
    public let problemHeading: String
    // The log (no file names, no contents, no persons: only these lines and method, path, status, sizes, time).
    public let logListening: @Sendable (_ url: String) -> String
    public let logOpenHost: @Sendable (_ host: String) -> String
    public let logLimits: @Sendable (_ megabytes: String, _ analyses: String, _ seconds: String) -> String
    public let logStopped: String
    /// An analysis failed in a way no sentence covers: only the error's type is logged.
    public let logUnexpected: @Sendable (_ type: String) -> String
    public let logNoDirectory: @Sendable (_ type: String) -> String

    public static func of(_ language: Language) -> ServeWords { language == .nl ? dutch : english }

    public static let dutch = ServeWords(
        pageTitle: "Bereik — wie bereiken we, wie missen we?",
        tagline: "Vergelijk de deelnemers van uw initiatief met de inwoners van het gebied.",
        intro: "Kies de deelnemerslijst (één regel per bezoek) en het gebied. Bereik vergelijkt wie meedoet met wie er woont, per geslacht, leeftijd, herkomst en SES, en zegt welke groepen u mist en waar zij wonen. Kleine aantallen worden afgeschermd.",
        otherLanguage: "English", otherLanguageName: "en", skipToForm: "Naar het formulier",
        stepFile: "1. Het deelnemersbestand",
        fileLabel: "Deelnemersbestand (CSV of Excel .xlsx)",
        fileHint: "Eén regel per bezoek, met een kolom voor de deelnemer (nummer of pseudoniem) en bij voorkeur buurtcode of postcode, geslacht, geboortejaar of leeftijd en herkomst.",
        dropHere: "Sleep het bestand hierheen, of kies het met de knop.",
        chosenFile: "Gekozen bestand:",
        columnsLegend: "Kolommen",
        columnsHint: "Bereik herkende niet alle kolommen. Kies per gegeven de kolom uit uw bestand en start de analyse opnieuw.",
        columnAutomatic: "(automatisch)",
        roleNames: ["person": "Deelnemer (nummer of pseudoniem)", "date": "Datum van het bezoek", "activity": "Activiteit", "buurt": "Buurtcode",
                    "postcode": "Postcode", "gender": "Geslacht", "age": "Leeftijd", "birth_year": "Geboortejaar", "age_band": "Leeftijdsgroep",
                    "origin": "Herkomst", "role": "Rol", "initiative": "Initiatief"],
        stepArea: "2. Het gebied",
        areaLabel: "Gebied: naam of code van een gemeente, wijk of buurt",
        areaHint: "Typ een deel van de naam, bijvoorbeeld Slotervaart of Rotterdam, en kies uit de lijst; of geef codes zoals GM0363 of WK036376, gescheiden door komma's.",
        fromLabel: "Bezoeken vanaf", toLabel: "tot en met", periodHint: "Laat leeg om alle bezoeken te tellen.",
        titleLabel: "Titel van het rapport", sheetLabel: "Werkblad (alleen bij Excel, als het niet het eerste is)", optional: "(niet verplicht)",
        analyse: "3. Bekijk wie we missen",
        uploading: "Bestand versturen…", analysing: "Bereik rekent… Bij grote bestanden kan dit een minuut duren.",
        privacy: "Het bestand wordt alleen gebruikt voor deze berekening en daarna meteen gewist; Bereik bewaart geen persoonsgegevens. De uitslag blijft 30 minuten op deze server te downloaden.",
        noScript: "Zonder JavaScript werkt de pagina ook: kies het bestand met de knop en verstuur het formulier.",
        resultHeading: "De uitslag",
        newAnalysis: "Nieuwe analyse",
        downloads: "Downloaden",
        downloadHTML: "Rapport (HTML)", downloadPDF: "Rapport (PDF)", downloadCSV: "Tabel (CSV)", downloadJSON: "Gegevens (JSON)",
        columnsUsed: "Gebruikte kolommen",
        resultExpires: "Deze uitslag wordt na 30 minuten van de server gewist. Download wat u wilt bewaren.",
        noFile: "Kies eerst een deelnemersbestand (CSV of Excel .xlsx).",
        emptyFile: { "Het bestand \($0) is leeg. Kies de deelnemerslijst zelf: één regel per bezoek, met kopregel." },
        binaryFile: { "Het bestand \($0) is geen CSV- of Excelbestand. Sla de deelnemerslijst op als CSV (puntkomma of komma) of als Excel-werkmap (.xlsx) en kies dat bestand." },
        tooLarge: { "Het bestand is groter dan \($0) MB, de grens van deze server. Kies een kortere periode of splits het bestand, of vraag de beheerder de grens te verhogen." },
        noArea: "Kies een gebied: typ de naam van een gemeente, wijk of buurt (en kies uit de lijst), of geef een code zoals GM0363.",
        busy: "Bereik is nu bezig met andere analyses. Probeer het over een minuut opnieuw.",
        formExpired: "Het formulier is verlopen of kwam niet van deze pagina. Laad de pagina opnieuw en probeer het nog eens.",
        badForm: "Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.",
        unexpected: "Er ging iets mis bij de analyse; er is niets bewaard. Probeer het opnieuw, en meld het bij de beheerder als het blijft gebeuren.",
        resultGone: "Deze uitslag bestaat niet meer: uitslagen worden na 30 minuten gewist. Doe de analyse opnieuw.",
        notFound: "Deze pagina bestaat niet.",
        noPDF: "Een PDF kan deze server niet maken (Chromium ontbreekt). Download het HTML-rapport en druk het af vanuit de browser.",
        badDate: { "'\($0)' is geen datum; gebruik bijvoorbeeld 2024-01-01." },
        fromAfterTo: { "De begindatum \($0) ligt na de einddatum \($1); draai ze om." },
        timeout: { "De analyse duurde langer dan \($0) seconden en is afgebroken. Kies een kortere periode of een kleiner bestand, of vraag de beheerder om een ruimere tijdgrens." },
        problemHeading: "Dat lukte niet",
        logListening: { "bereik serve luistert op \($0)" },
        logOpenHost: { "LET OP: bereik serve is bereikbaar vanaf andere computers (\($0)), niet alleen vanaf deze. Zet er een reverse proxy met inlog en HTTPS voor: Bereik heeft zelf geen gebruikers of wachtwoorden." },
        logLimits: { "grenzen: bestanden tot \($0) MB, \($1) analyses tegelijk, \($2) seconden per analyse; het log bevat geen bestandsnamen, inhoud of personen" },
        logStopped: "bereik serve is gestopt",
        logUnexpected: { "een analyse mislukte onverwacht (\($0)); de bezoeker kreeg de algemene melding" },
        logNoDirectory: { "kan geen privé tijdelijke map maken (\($0)); controleer TMPDIR" }
    )

    public static let english = ServeWords(
        pageTitle: "Bereik — who do we reach, who do we miss?",
        tagline: "Compare the participants of your initiative with the residents of its area.",
        intro: "Choose the attendance list (one row per visit) and the area. Bereik compares who takes part with who lives there, by gender, age, origin and SES, and says which groups you miss and where they live. Small counts are withheld.",
        otherLanguage: "Nederlands", otherLanguageName: "nl", skipToForm: "To the form",
        stepFile: "1. The attendance file",
        fileLabel: "Attendance file (CSV or Excel .xlsx)",
        fileHint: "One row per visit, with a column for the participant (number or pseudonym) and preferably buurt code or postcode, gender, birth year or age, and origin.",
        dropHere: "Drop the file here, or choose it with the button.",
        chosenFile: "Chosen file:",
        columnsLegend: "Columns",
        columnsHint: "Bereik did not recognise every column. Choose the column of your file for each item and start the analysis again.",
        columnAutomatic: "(automatic)",
        roleNames: ["person": "Participant (number or pseudonym)", "date": "Date of the visit", "activity": "Activity", "buurt": "Buurt code",
                    "postcode": "Postcode", "gender": "Gender", "age": "Age", "birth_year": "Birth year", "age_band": "Age group",
                    "origin": "Origin", "role": "Role", "initiative": "Initiative"],
        stepArea: "2. The area",
        areaLabel: "Area: name or code of a gemeente, wijk or buurt",
        areaHint: "Type part of the name, e.g. Slotervaart or Rotterdam, and choose from the list; or give codes such as GM0363 or WK036376, separated by commas.",
        fromLabel: "Visits from", toLabel: "up to and including", periodHint: "Leave empty to count every visit.",
        titleLabel: "Title of the report", sheetLabel: "Worksheet (Excel only, when it is not the first)", optional: "(optional)",
        analyse: "3. See who we miss",
        uploading: "Sending the file…", analysing: "Bereik is computing… Large files can take a minute.",
        privacy: "The file is used for this computation only and deleted right after; Bereik keeps no personal data. The answer can be downloaded from this server for 30 minutes.",
        noScript: "The page also works without JavaScript: choose the file with the button and submit the form.",
        resultHeading: "The answer",
        newAnalysis: "New analysis",
        downloads: "Download",
        downloadHTML: "Report (HTML)", downloadPDF: "Report (PDF)", downloadCSV: "Table (CSV)", downloadJSON: "Data (JSON)",
        columnsUsed: "Columns used",
        resultExpires: "This answer is deleted from the server after 30 minutes. Download what you want to keep.",
        noFile: "Choose an attendance file first (CSV or Excel .xlsx).",
        emptyFile: { "The file \($0) is empty. Choose the attendance list itself: one row per visit, with a header row." },
        binaryFile: { "The file \($0) is not a CSV or Excel file. Save the attendance list as CSV (semicolon or comma) or as an Excel workbook (.xlsx) and choose that file." },
        tooLarge: { "The file is larger than \($0) MB, this server's limit. Choose a shorter period or split the file, or ask the administrator to raise the limit." },
        noArea: "Choose an area: type the name of a gemeente, wijk or buurt (and choose from the list), or give a code such as GM0363.",
        busy: "Bereik is busy with other analyses right now. Try again in a minute.",
        formExpired: "The form has expired or did not come from this page. Reload the page and try again.",
        badForm: "The form did not arrive intact. Reload the page and try again.",
        unexpected: "Something went wrong in the analysis; nothing was kept. Try again, and tell the administrator if it keeps happening.",
        resultGone: "This answer no longer exists: answers are deleted after 30 minutes. Run the analysis again.",
        notFound: "This page does not exist.",
        noPDF: "This server cannot make a PDF (Chromium is missing). Download the HTML report and print it from the browser.",
        badDate: { "'\($0)' is not a date; use e.g. 2024-01-01." },
        fromAfterTo: { "The start date \($0) lies after the end date \($1); swap them." },
        timeout: { "The analysis took longer than \($0) seconds and was stopped. Choose a shorter period or a smaller file, or ask the administrator for a longer time limit." },
        problemHeading: "That did not work",
        logListening: { "bereik serve is listening on \($0)" },
        logOpenHost: { "NOTE: bereik serve can be reached from other computers (\($0)), not only from this one. Put a reverse proxy with login and HTTPS in front of it: Bereik itself has no users or passwords." },
        logLimits: { "limits: files up to \($0) MB, \($1) analyses at a time, \($2) seconds per analysis; the log holds no file names, contents or persons" },
        logStopped: "bereik serve has stopped",
        logUnexpected: { "an analysis failed unexpectedly (\($0)); the visitor got the general message" },
        logNoDirectory: { "cannot make a private temporary directory (\($0)); check TMPDIR" }
    )
}
