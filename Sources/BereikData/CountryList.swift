import Foundation

/// Countries of birth / origin and where CBS puts them:
/// - `herkomst` (2022+): Nederland, Europa (excl. NL), buiten Europa; Turkije counts as buiten Europa
///   (CBS, begrip "Herkomstland").
/// - `migratieachtergrond` (to 2021): westers = Europe excl. Turkey, North America, Oceania,
///   Indonesia and Japan; the rest niet-westers (CBS, begrip "Westers"/"Niet-westers").
///
/// The list is text in one format, so a team can replace or extend it (`--countries FILE`):
/// `names,europe,western` with names (Dutch, English, ISO 3166 alpha-2 and alpha-3) separated by `|`
/// and `ja`/`nee` for the two flags. Names are matched after `CategoryHarmoniser.normalise`.
public struct CountryList: Sendable {
    public struct Country: Sendable, Equatable {
        public let name: String
        public let inEurope: Bool
        public let western: Bool
        public var isNetherlands: Bool { name == "Nederland" }
    }

    private let byName: [String: Country]
    public let count: Int

    public func lookup(_ normalisedName: String) -> Country? { byName[normalisedName] }

    /// Parses the list format; `source` names the file in errors.
    public init(text: String, source: String) throws {
        var byName: [String: Country] = [:]
        var count = 0
        // Lines and cells split on their bytes, trimmed of spaces and tabs: the built-in list is read
        // on every run, and Foundation's trimming made that 18 million instructions (issue 15).
        var lines = text.utf8.split(omittingEmptySubsequences: false, whereSeparator: { $0 == 0x0A || $0 == 0x0D })
        if text.utf8.contains(0x0D) {
            // CRLF gives an empty line between two; line numbers count CR LF once.
            lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { $0.last == 0x0D ? $0.dropLast() : $0 }
        }
        for (offset, rawLine) in lines.enumerated() {
            let line = String(Substring(rawLine)).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") || (offset == 0 && line.lowercased().hasPrefix("names")) { continue }
            let separator: UInt8 = line.utf8.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
            let cells = line.utf8.split(separator: separator, omittingEmptySubsequences: false).map { String(Substring($0)).trimmingSpaces() }
            guard cells.count == 3, let europe = Self.flag(cells[1]), let western = Self.flag(cells[2]) else {
                throw DataError(SourceLocation(file: source, line: offset + 1),
                                "expected 'names,europe,western' with ja/nee flags, got '\(line)'")
            }
            let names = cells[0].utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)).trimmingSpaces() }
            let country = Country(name: names.first ?? "", inEurope: europe, western: western)
            for name in names { byName[CategoryHarmoniser.normalise(name)] = country }
            count += 1
        }
        self.byName = byName
        self.count = count
    }

    private static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "ja", "yes", "j", "y", "1", "true": return true
        case "nee", "no", "n", "0", "false": return false
        default: return nil
        }
    }

    /// The built-in list (`CountryList.standardText`).
    public static let standard = try! CountryList(text: standardText, source: "built-in country list")

    public static let standardText = """
    names,europe,western
    Nederland|Netherlands|The Netherlands|Holland|NL|NLD,ja,ja
    Duitsland|Germany|DE|DEU,ja,ja
    België|Belgium|BE|BEL,ja,ja
    Frankrijk|France|FR|FRA,ja,ja
    Luxemburg|Luxembourg|LU|LUX,ja,ja
    Verenigd Koninkrijk|United Kingdom|Groot-Brittannië|Engeland|UK|GB|GBR,ja,ja
    Ierland|Ireland|IE|IRL,ja,ja
    Spanje|Spain|ES|ESP,ja,ja
    Portugal|PT|PRT,ja,ja
    Italië|Italy|IT|ITA,ja,ja
    Griekenland|Greece|GR|GRC,ja,ja
    Malta|MT|MLT,ja,ja
    Cyprus|CY|CYP,ja,ja
    Oostenrijk|Austria|AT|AUT,ja,ja
    Zwitserland|Switzerland|CH|CHE,ja,ja
    Denemarken|Denmark|DK|DNK,ja,ja
    Zweden|Sweden|SE|SWE,ja,ja
    Noorwegen|Norway|NO|NOR,ja,ja
    Finland|FI|FIN,ja,ja
    IJsland|Iceland|IS|ISL,ja,ja
    Polen|Poland|PL|POL,ja,ja
    Tsjechië|Czechia|Czech Republic|CZ|CZE,ja,ja
    Slowakije|Slovakia|SK|SVK,ja,ja
    Hongarije|Hungary|HU|HUN,ja,ja
    Roemenië|Romania|RO|ROU,ja,ja
    Bulgarije|Bulgaria|BG|BGR,ja,ja
    Slovenië|Slovenia|SI|SVN,ja,ja
    Kroatië|Croatia|HR|HRV,ja,ja
    Servië|Serbia|RS|SRB,ja,ja
    Bosnië en Herzegovina|Bosnië|Bosnia and Herzegovina|Bosnia|BA|BIH,ja,ja
    Montenegro|ME|MNE,ja,ja
    Noord-Macedonië|North Macedonia|Macedonië|MK|MKD,ja,ja
    Albanië|Albania|AL|ALB,ja,ja
    Kosovo|XK,ja,ja
    Litouwen|Lithuania|LT|LTU,ja,ja
    Letland|Latvia|LV|LVA,ja,ja
    Estland|Estonia|EE|EST,ja,ja
    Oekraïne|Ukraine|UA|UKR,ja,ja
    Moldavië|Moldova|MD|MDA,ja,ja
    Wit-Rusland|Belarus|BY|BLR,ja,ja
    Rusland|Russia|Russian Federation|RU|RUS,ja,ja
    Joegoslavië|Yugoslavia,ja,ja
    Sovjet-Unie|Soviet Union,ja,ja
    Turkije|Türkiye|Turkey|TR|TUR,nee,nee
    Marokko|Morocco|MA|MAR,nee,nee
    Suriname|SR|SUR,nee,nee
    Curaçao|Curacao|CW|CUW,nee,nee
    Aruba|AW|ABW,nee,nee
    Bonaire|Sint Eustatius|Saba|Caribisch Nederland|BQ|BES,nee,nee
    Sint Maarten|SX|SXM,nee,nee
    Nederlandse Antillen|Netherlands Antilles|AN|ANT,nee,nee
    Indonesië|Indonesia|ID|IDN,nee,ja
    Japan|JP|JPN,nee,ja
    Verenigde Staten|United States|USA|VS|US,nee,ja
    Canada|CA|CAN,nee,ja
    Australië|Australia|AU|AUS,nee,ja
    Nieuw-Zeeland|New Zealand|NZ|NZL,nee,ja
    Syrië|Syria|SY|SYR,nee,nee
    Irak|Iraq|IQ|IRQ,nee,nee
    Iran|IR|IRN,nee,nee
    Afghanistan|AF|AFG,nee,nee
    Eritrea|ER|ERI,nee,nee
    Ethiopië|Ethiopia|ET|ETH,nee,nee
    Somalië|Somalia|SO|SOM,nee,nee
    Soedan|Sudan|SD|SDN,nee,nee
    Egypte|Egypt|EG|EGY,nee,nee
    Algerije|Algeria|DZ|DZA,nee,nee
    Tunesië|Tunisia|TN|TUN,nee,nee
    Libië|Libya|LY|LBY,nee,nee
    Ghana|GH|GHA,nee,nee
    Nigeria|NG|NGA,nee,nee
    Kaapverdië|Cape Verde|Cabo Verde|CV|CPV,nee,nee
    Angola|AO|AGO,nee,nee
    Congo|DR Congo|Democratische Republiek Congo|CD|COD|CG|COG,nee,nee
    Kenia|Kenya|KE|KEN,nee,nee
    Zuid-Afrika|South Africa|ZA|ZAF,nee,nee
    Guinee|Guinea|GN|GIN,nee,nee
    Sierra Leone|SL|SLE,nee,nee
    Kameroen|Cameroon|CM|CMR,nee,nee
    Jemen|Yemen|YE|YEM,nee,nee
    Libanon|Lebanon|LB|LBN,nee,nee
    Jordanië|Jordan|JO|JOR,nee,nee
    Israël|Israel|IL|ISR,nee,nee
    Palestina|Palestine|PS|PSE,nee,nee
    Saoedi-Arabië|Saudi Arabia|SA|SAU,nee,nee
    Armenië|Armenia|AM|ARM,nee,nee
    Georgië|Georgia|GE|GEO,nee,nee
    Azerbeidzjan|Azerbaijan|AZ|AZE,nee,nee
    Kazachstan|Kazakhstan|KZ|KAZ,nee,nee
    Pakistan|PK|PAK,nee,nee
    India|IN|IND,nee,nee
    Bangladesh|BD|BGD,nee,nee
    Sri Lanka|LK|LKA,nee,nee
    Nepal|NP|NPL,nee,nee
    China|CN|CHN,nee,nee
    Hongkong|Hong Kong|HK|HKG,nee,nee
    Taiwan|TW|TWN,nee,nee
    Zuid-Korea|South Korea|Korea|KR|KOR,nee,nee
    Vietnam|Viet Nam|VN|VNM,nee,nee
    Thailand|TH|THA,nee,nee
    Filipijnen|Philippines|PH|PHL,nee,nee
    Maleisië|Malaysia|MY|MYS,nee,nee
    Singapore|SG|SGP,nee,nee
    Brazilië|Brazil|BR|BRA,nee,nee
    Colombia|CO|COL,nee,nee
    Venezuela|VE|VEN,nee,nee
    Dominicaanse Republiek|Dominican Republic|DO|DOM,nee,nee
    Argentinië|Argentina|AR|ARG,nee,nee
    Chili|Chile|CL|CHL,nee,nee
    Peru|PE|PER,nee,nee
    Ecuador|EC|ECU,nee,nee
    Mexico|MX|MEX,nee,nee
    Cuba|CU|CUB,nee,nee
    Guyana|GY|GUY,nee,nee
    """
}
