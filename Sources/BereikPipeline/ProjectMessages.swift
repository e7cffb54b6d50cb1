import BereikData

/// The word table of project-file errors (`bereik.toml`): every sentence `ProjectFile` and
/// `TOMLSubset` give, in English and Dutch side by side, so that `language = "nl"` or `--lang nl`
/// reaches these errors too. Keys, values and TOML syntax stay as written in the file.
enum ProjectMessages {
    static let cannotRead = Bilingual(en: "cannot read the project file", nl: "kan het projectbestand niet lezen")
    static let notUTF8 = Bilingual(en: "the project file is not UTF-8 text; save it as UTF-8",
                                   nl: "het projectbestand is geen UTF-8-tekst; sla het op als UTF-8")
    /// A problem with one key's value.
    static func key(_ key: String, _ problem: Bilingual) -> Bilingual {
        Bilingual(en: "key '\(key)': \(problem.en)", nl: "sleutel '\(key)': \(problem.nl)")
    }
    static func unknownKey<Keys: Sequence<String>>(_ key: String, known: Keys) -> Bilingual {
        let list = known.sorted().joined(separator: ", ")
        return Bilingual(en: "unknown key '\(key)'; expected one of \(list) or columns.<role>",
                         nl: "onbekende sleutel '\(key)'; verwacht een van \(list) of columns.<rol>")
    }
    static let quotedString = Bilingual(en: "expected a quoted string", nl: "verwacht tekst tussen aanhalingstekens")
    static let pathLeavesFolder = Bilingual(
        en: "the relative path leaves the project folder; put the file beside the project file (or in a folder below it), or give an absolute path",
        nl: "het relatieve pad gaat buiten de projectmap; zet het bestand naast het projectbestand (of in een map daaronder), of geef een absoluut pad")
    static let number = Bilingual(en: "expected a number", nl: "verwacht een getal")
    static let wholeNumber = Bilingual(en: "expected a whole number", nl: "verwacht een geheel getal")
    static let stringArrayExample = Bilingual(en: "expected an array of strings, e.g. [\"GM0363\"]",
                                              nl: "verwacht een lijst met teksten, bijvoorbeeld [\"GM0363\"]")
    static let stringArray = Bilingual(en: "expected an array of strings", nl: "verwacht een lijst met teksten")
    static func notADate(_ text: String) -> Bilingual {
        Bilingual(en: "'\(text)' is not a date; expected e.g. \"2024-01-01\"", nl: "'\(text)' is geen datum; verwacht bijvoorbeeld \"2024-01-01\"")
    }
    static let emptyAttendanceList = Bilingual(en: "the list is empty; give at least one file", nl: "de lijst is leeg; geef ten minste één bestand")
    static let attendanceRequired = Bilingual(en: "key 'inputs.attendance' is required: the attendance file",
                                              nl: "sleutel 'inputs.attendance' is verplicht: het bestand met aanwezigheden")
    static func notADimension(_ name: String) -> Bilingual {
        Bilingual(en: "'\(name)' is not gender, age, origin or ses", nl: "'\(name)' is niet gender, age, origin of ses")
    }
    static func notACrossing(_ name: String) -> Bilingual {
        Bilingual(en: "'\(name)' is not a crossing of a person characteristic with ses, wijk or buurt, e.g. \"gender:ses\" (two person characteristics have no CBS counts per buurt)",
                  nl: "'\(name)' is geen kruising van een persoonskenmerk met ses, wijk of buurt, bijvoorbeeld \"gender:ses\" (voor twee persoonskenmerken samen heeft het CBS geen aantallen per buurt)")
    }
    static let ladder = Bilingual(en: "needs two or more different levels, bottom first, e.g. [\"deelnemer\", \"vrijwilliger\", \"kernteam\"]",
                                  nl: "vraagt twee of meer verschillende niveaus, het laagste eerst, bijvoorbeeld [\"deelnemer\", \"vrijwilliger\", \"kernteam\"]")
    static func notAPeriod(_ text: String) -> Bilingual {
        Bilingual(en: "'\(text)' is not a period; expected \"FROM..TO\", e.g. \"2023-01-01..2023-12-31\"",
                  nl: "'\(text)' is geen periode; verwacht \"VAN..TOT\", bijvoorbeeld \"2023-01-01..2023-12-31\"")
    }
    static let periodsTogether = Bilingual(en: "period_a and period_b go together: give both", nl: "period_a en period_b horen bij elkaar: geef ze allebei")
    static let periodAAfterB = Bilingual(en: "comes after period_b; period_a is the earlier period", nl: "ligt na period_b; period_a is de eerdere periode")
    static let periodsOverlap = Bilingual(en: "overlaps period_a; choose two periods that do not", nl: "overlapt met period_a; kies twee perioden die elkaar niet overlappen")
    static let periodsAndArea = Bilingual(en: "does not go with area.from/area.to: the periods decide which visits count",
                                          nl: "gaat niet samen met area.from/area.to: de perioden bepalen welke bezoeken meetellen")
    static let confidence = Bilingual(en: "must lie between 0 and 1, e.g. 0.95", nl: "moet tussen 0 en 1 liggen, bijvoorbeeld 0.95")
    /// One of a setting's values, named as the file must write them.
    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> Bilingual where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        func list(_ or: String) -> String { names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " \(or) " + names.last! }
        return Bilingual(en: "expected \(choiceList(type))", nl: "verwacht \(list("of"))")
    }
    static let seed = Bilingual(en: "must not be negative", nl: "mag niet negatief zijn")
    static let draws = Bilingual(en: "must lie between 0 and 10,000,000", nl: "moet tussen 0 en 10.000.000 liggen")
    static let sesGroups = Bilingual(en: SESGroupsChoice.help,
                                     nl: "een aantal groepen van 2 tot 20, of oplopende grenzen van de SES-WOA-score zoals -0.5,0,0.5")
    static func unknownRole(_ role: String, known: [String]) -> Bilingual {
        Bilingual(en: "unknown role '\(role)'; expected one of \(known.joined(separator: ", "))",
                  nl: "onbekende rol '\(role)'; verwacht een van \(known.joined(separator: ", "))")
    }
    static let language = Bilingual(en: "expected \"nl\" or \"en\"", nl: "verwacht \"nl\" of \"en\"")
    static let repetitions = Bilingual(en: "must lie between 1,000 and 1,000,000", nl: "moet tussen 1.000 en 1.000.000 liggen")
    static let threshold = Bilingual(en: "must lie between 2 and 1000 (5 is usual)", nl: "moet tussen 2 en 1000 liggen (5 is gebruikelijk)")

    // TOML syntax (`TOMLSubset`).
    static func tableHeader(_ line: String) -> Bilingual {
        Bilingual(en: "expected a table header like [inputs], got '\(line)'", nl: "verwacht een tabelkop zoals [inputs], gevonden: '\(line)'")
    }
    static func keyValue(_ line: String) -> Bilingual {
        Bilingual(en: "expected 'key = value', got '\(line)'", nl: "verwacht 'sleutel = waarde', gevonden: '\(line)'")
    }
    static func invalidKey(_ name: String) -> Bilingual {
        Bilingual(en: "'\(name)' is not a valid key", nl: "'\(name)' is geen geldige sleutel")
    }
    static func definedTwice(_ key: String) -> Bilingual {
        Bilingual(en: "key '\(key)' is defined twice", nl: "sleutel '\(key)' staat er twee keer in")
    }
    static func arrayNeverClosed(_ key: String) -> Bilingual {
        Bilingual(en: "the array of '\(key)' is never closed with ]", nl: "de lijst van '\(key)' wordt nergens gesloten met ]")
    }
    static let valueMissing = Bilingual(en: "a value is missing after '='", nl: "na '=' ontbreekt een waarde")
    static let doubleQuoteOpen = Bilingual(en: "the string is not closed with \"", nl: "de tekst wordt niet gesloten met \"")
    static func unknownEscape(_ character: Character) -> Bilingual {
        Bilingual(en: "unknown escape \\\(character)", nl: "onbekende escape \\\(character)")
    }
    static let singleQuoteOpen = Bilingual(en: "the string is not closed with '", nl: "de tekst wordt niet gesloten met '")
    static let arrayOpen = Bilingual(en: "the array is not closed with ]", nl: "de lijst wordt niet gesloten met ]")
    static func notAValue(_ text: String) -> Bilingual {
        Bilingual(en: "'\(text)' is not a TOML value; strings need quotes, e.g. \"\(text)\"",
                  nl: "'\(text)' is geen TOML-waarde; tekst moet tussen aanhalingstekens, bijvoorbeeld \"\(text)\"")
    }
}
