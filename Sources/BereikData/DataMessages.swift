#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sentence for people in both languages; the output language picks one (`DataError.text`).
public struct Bilingual: Sendable, Equatable {
    public let en: String
    public let nl: String
    public init(en: String, nl: String) { self.en = en; self.nl = nl }
}

/// The word table of input errors: every message a reader gives about a file, in English and
/// Dutch side by side, with what was expected and what to do. Values from the file are cut to
/// short excerpts by the callers.
public enum DataMessages {
    /// `errno` of a failed open, in words: the common causes in both languages, else the system's text.
    public static func cannotOpen(errno code: Int32) -> Bilingual {
        switch code {
        case ENOENT: return .init(en: "the file does not exist; check the name and the folder", nl: "het bestand bestaat niet; controleer de naam en de map")
        case EACCES: return .init(en: "no permission to read the file", nl: "geen toestemming om het bestand te lezen")
        case EISDIR: return .init(en: "this is a folder, not a file", nl: "dit is een map, geen bestand")
        default:
            let reason = String(cString: strerror(code))
            return .init(en: "cannot open the file (\(reason))", nl: "kan het bestand niet openen (\(reason))")
        }
    }
    public static let damagedCompactPopulation = Bilingual(
        en: "the compact population table is damaged; reinstall Bereik or give the CBS table as CSV with --population",
        nl: "de compacte bevolkingstabel is beschadigd; installeer Bereik opnieuw of geef de CBS-tabel als CSV met --population")
    public static let emptyFile = Bilingual(en: "the file is empty; expected a header line and data rows",
                                            nl: "het bestand is leeg; verwacht een kopregel en rijen met gegevens")
    public static let noHeader = Bilingual(en: "the file has no header line", nl: "het bestand heeft geen kopregel")
    public static let zipNotCSV = Bilingual(
        en: "this is an Excel workbook or ZIP file, not CSV; give the .xlsx as it is, or save it from Excel as 'CSV (gescheiden door lijstscheidingsteken)'",
        nl: "dit is een Excel-werkmap of ZIP-bestand, geen CSV; geef de .xlsx zoals hij is, of sla hem in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'")
    public static let binary = Bilingual(
        en: "this is not a text CSV file (it contains binary bytes); expected comma-, semicolon- or tab-separated text",
        nl: "dit is geen CSV-tekstbestand (het bevat binaire bytes); verwacht tekst gescheiden door komma's, puntkomma's of tabs")
    public static let nulByte = Bilingual(en: "this line contains a NUL byte (binary data); expected text",
                                          nl: "deze regel bevat een NUL-byte (binaire gegevens); verwacht tekst")
    public static let unclosedQuote = Bilingual(
        en: "a quoted field is never closed; expected a closing \" before the end of the file",
        nl: "een veld tussen aanhalingstekens wordt nooit gesloten; verwacht een sluitend \" voor het einde van het bestand")
    public static let textAfterQuote = Bilingual(
        en: "unexpected text after a closing quote; expected the separator or the end of the line",
        nl: "onverwachte tekst na een sluitend aanhalingsteken; verwacht het scheidingsteken of het einde van de regel")
    public static func fieldCount(_ got: Int, _ expected: Int, _ separator: String) -> Bilingual {
        .init(en: "the line has \(got) fields; expected \(expected) as in the header (\(separator)-separated)",
              nl: "de regel heeft \(got) velden; verwacht \(expected) zoals in de kopregel (gescheiden door \(separator))")
    }
    public static func noColumn(_ name: String, role: String, header: String) -> Bilingual {
        .init(en: "no column '\(name)' for \(role); the header has: \(header)",
              nl: "geen kolom '\(name)' voor \(role); de kopregel heeft: \(header)")
    }
    public static func noPersonColumn(header: String) -> Bilingual {
        .init(en: "no person column found; expected a column such as 'deelnemer', 'deelnemersnummer', 'klantnummer', 'id' or 'naam' (or name it with --column person=NAME); the header has: \(header)",
              nl: "geen kolom met deelnemers gevonden; verwacht een kolom zoals 'deelnemer', 'deelnemersnummer', 'klantnummer', 'id' of 'naam' (of noem hem met --column person=KOLOM); de kopregel heeft: \(header)")
    }
    public static func initiativeTwice(name: String, column: String) -> Bilingual {
        .init(en: "the file is given as initiative '\(name)' but also has an initiative column '\(column)'; give it without 'Name=' to use the column, or remove the column",
              nl: "het bestand is opgegeven als initiatief '\(name)' maar heeft ook een kolom met initiatieven '\(column)'; geef het zonder 'Naam=' om de kolom te gebruiken, of haal de kolom weg")
    }
    public static func initiativeNamedTwice(name: String) -> Bilingual {
        .init(en: "the initiative name '\(name)' is given to two files; give each file its own name (or merge the files)",
              nl: "de naam '\(name)' is aan twee bestanden gegeven; geef elk bestand een eigen naam (of voeg de bestanden samen)")
    }
    public static let noDataRows = Bilingual(en: "the file has a header but no rows; expected one row per visit",
                                             nl: "het bestand heeft een kopregel maar geen rijen; verwacht één rij per bezoek")
    public static func initiativeUnnamed(file: String) -> Bilingual {
        .init(en: "with several attendance files, each needs the name of its initiative: --attendance \"Name=\(file)\" (or an initiative column in the file)",
              nl: "bij meerdere deelnemersbestanden heeft elk de naam van zijn initiatief nodig: --attendance \"Naam=\(file)\" (of een kolom met initiatieven in het bestand)")
    }
    public static func badOverride(_ text: String, roles: String) -> Bilingual {
        .init(en: "expected 'role=column header' with role one of \(roles), got '\(text)'",
              nl: "verwacht 'rol=kolomnaam' met als rol een van \(roles), kreeg '\(text)'")
    }
    // Workbooks
    public static let damagedZIP = Bilingual(
        en: "the workbook cannot be opened as .xlsx (a damaged ZIP file); open it in Excel and save it again",
        nl: "de werkmap kan niet als .xlsx worden geopend (beschadigd ZIP-bestand); open hem in Excel en sla hem opnieuw op")
    public static let openDocument = Bilingual(
        en: "this is an OpenDocument (.ods) file; save it from LibreOffice or Excel as .xlsx (Excel-werkmap) or CSV",
        nl: "dit is een OpenDocument-bestand (.ods); sla het in LibreOffice of Excel op als .xlsx (Excel-werkmap) of CSV")
    public static let zipNotWorkbook = Bilingual(
        en: "this ZIP file is not an Excel workbook (no xl/workbook.xml); give the .xlsx or a CSV file",
        nl: "dit ZIP-bestand is geen Excel-werkmap (geen xl/workbook.xml); geef de .xlsx of een CSV-bestand")
    public static let legacyOrEncrypted = Bilingual(
        en: "this is an old Excel file (.xls) or a workbook with a password; open it in Excel and save it as .xlsx (Excel-werkmap) without a password, or as CSV",
        nl: "dit is een oud Excel-bestand (.xls) of een werkmap met wachtwoord; open hem in Excel en sla hem op als .xlsx (Excel-werkmap) zonder wachtwoord, of als CSV")
    public static func endlessPart(_ part: String) -> Bilingual {
        .init(en: "part \(part) of the workbook is damaged (its compressed data does not end); open it in Excel and save it again",
              nl: "onderdeel \(part) van de werkmap is beschadigd (de gecomprimeerde gegevens houden niet op); open hem in Excel en sla hem opnieuw op")
    }
    public static func damagedPart(_ part: String, _ detail: String) -> Bilingual {
        .init(en: "part \(part) of the workbook is damaged (\(detail)); open it in Excel and save it again",
              nl: "onderdeel \(part) van de werkmap is beschadigd (\(detail)); open hem in Excel en sla hem opnieuw op")
    }
    public static func damagedXML(_ detail: String) -> Bilingual {
        .init(en: "the workbook's XML is damaged (\(detail)); open it in Excel and save it again",
              nl: "de XML van de werkmap is beschadigd (\(detail)); open hem in Excel en sla hem opnieuw op")
    }
    public static func noSheet(_ name: String, sheets: String) -> Bilingual {
        .init(en: "no sheet \"\(name)\"; the workbook has \(sheets)", nl: "geen blad \"\(name)\"; de werkmap heeft \(sheets)")
    }
    public static func noSheetWithData(_ sheets: String) -> Bilingual {
        .init(en: "the workbook has no sheet with data" + (sheets.isEmpty ? "" : " (sheets: \(sheets))"),
              nl: "de werkmap heeft geen blad met gegevens" + (sheets.isEmpty ? "" : " (bladen: \(sheets))"))
    }
    public static let sheetForCSV = Bilingual(en: "--sheet applies to Excel workbooks (.xlsx); this file is CSV",
                                              nl: "--sheet geldt voor Excel-werkmappen (.xlsx); dit bestand is CSV")
    // Counts
    public static func notACount(_ text: String) -> Bilingual {
        .init(en: "'\(text)' is not a count; expected a whole number, or '.' for a missing value",
              nl: "'\(text)' is geen aantal; verwacht een geheel getal, of '.' voor een ontbrekende waarde")
    }
    public static func negativeCount(_ text: String) -> Bilingual {
        .init(en: "negative count '\(text)'; expected a whole number of at least 0",
              nl: "negatief aantal '\(text)'; verwacht een geheel getal van minstens 0")
    }
    public static func countTooLarge(_ text: String, maximum: Int) -> Bilingual {
        .init(en: "count '\(text)' is larger than any CBS region (at most \(maximum)); check the column",
              nl: "aantal '\(text)' is groter dan enig CBS-gebied (hoogstens \(maximum)); controleer de kolom")
    }
    // Areas
    public static func notInPopulation(_ code: String) -> Bilingual {
        .init(en: "area \(code) is not in the population table; check the code and the table's year (region codes change every year)",
              nl: "gebied \(code) staat niet in de bevolkingstabel; controleer de code en het jaar van de tabel (gebiedscodes veranderen elk jaar)")
    }
    public static let noAreaKnown = Bilingual(
        en: "cannot tell which area to compare with: the attendance has no buurt or postcode; give --area",
        nl: "onduidelijk met welk gebied te vergelijken: de deelnemerslijst heeft geen buurt of postcode; geef --area")
    // Output
    public static func wouldOverwrite(_ input: String) -> Bilingual {
        .init(en: "the output would overwrite the input file \(input); choose another --output",
              nl: "de uitvoer zou invoerbestand \(input) overschrijven; kies een andere --output")
    }
    public static func noSuchFolder(_ folder: String) -> Bilingual {
        .init(en: "the folder \(folder) does not exist; create it first or choose another --output",
              nl: "de map \(folder) bestaat niet; maak hem eerst aan of kies een andere --output")
    }
    public static let outputIsFolder = Bilingual(en: "the output is a folder; give a file name", nl: "de uitvoer is een map; geef een bestandsnaam")
    public static func cannotWrite(_ reason: String) -> Bilingual {
        .init(en: "cannot write the output (\(reason))", nl: "kan de uitvoer niet schrijven (\(reason))")
    }
}
