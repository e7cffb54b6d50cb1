/// What a column of an attendance file holds.
public enum AttendanceRole: String, Sendable, CaseIterable, Codable {
    case person, date, activity, buurt, postcode, gender, age
    /// The initiative a row belongs to (several initiatives in one file).
    case initiative
    /// The person's role in the initiative (deelnemer, vrijwilliger, kernteam, …).
    case role
    case birthYear = "birth_year"
    case ageBand = "age_band"
    case origin

    /// Header names recognised for the role (normalised: lower case, letters and digits only),
    /// Dutch and English.
    var synonyms: [String] {
        switch self {
        case .person: return ["deelnemer", "deelnemerid", "deelnemernummer", "deelnemercode", "persoon", "persoonid", "persoonsnummer",
                              "pseudoniem", "pseudonym", "pseudoid", "person", "personid", "participant", "participantid", "id",
                              "clientid", "client", "clientnummer", "respondent", "respondentid", "bezoekerid", "bezoeker", "code",
                              "klantnummer", "klantid", "registratienummer", "registratienr", "bsnvrijnummer", "lidnummer",
                              "deelnemersnummer", "deelnemersnr", "deelnemernr", "volgnummer", "bsnvrijnummer", "bsnvrij",
                              // Names last: an id column wins when both exist.
                              "naamdeelnemer", "deelnemernaam", "naam", "volledigenaam", "voorenachternaam", "name", "fullname",
                              "participantname"]
        case .date: return ["datum", "date", "bezoekdatum", "visitdate", "datumbezoek", "datumactiviteit", "dag", "day", "sessiedatum"]
        case .activity: return ["activiteit", "activity", "activiteitnaam", "bijeenkomst", "programma", "program", "event",
                                "sessie", "session", "interventie", "aanbod"]
        case .role: return ["rol", "role", "betrokkenheid", "functie", "involvement", "rolinproject", "participatierol", "participationrole"]
        case .initiative: return ["initiatief", "initiative", "initiatiefnaam", "project", "projectnaam", "projectname", "interventienaam"]
        case .buurt: return ["buurtcode", "buurt", "bucode", "cbsbuurtcode", "neighbourhood", "neighborhood", "neighbourhoodcode",
                             "neighborhoodcode", "wijkbuurt", "buurtcodecbs"]
        case .postcode: return ["postcode", "pc6", "postalcode", "zip", "zipcode", "postcode6"]
        case .gender: return ["geslacht", "gender", "sekse", "sex", "mv"]
        case .age: return ["leeftijd", "age", "leeftijdinjaren", "ageyears", "leeftijdjaren"]
        case .birthYear: return ["geboortejaar", "birthyear", "yearofbirth", "geboortedatum", "dateofbirth", "birthdate", "gebjaar", "geboren"]
        case .ageBand: return ["leeftijdsgroep", "leeftijdscategorie", "leeftijdsklasse", "ageband", "agegroup", "agecategory", "leeftijdgroep"]
        case .origin: return ["herkomst", "origin", "migratieachtergrond", "herkomstland", "geboorteland", "countryofbirth",
                              "landvanherkomst", "countryoforigin", "achtergrond"]
        }
    }

    /// Person headers that hold names: namesakes then count as one person, which a run says.
    static let nameHeaders: Set<String> = ["naamdeelnemer", "deelnemernaam", "naam", "volledigenaam", "voorenachternaam", "name",
                                           "fullname", "participantname", "achternaam", "voornaam"]

    /// The dimension this role informs, if any.
    public var dimension: Dimension? {
        switch self {
        case .gender: return .gender
        case .age, .birthYear, .ageBand: return .age
        case .origin: return .origin
        default: return nil
        }
    }
}

/// The columns found in an attendance header: by name (Dutch or English synonyms) unless the user
/// named them (`--column person=Klantnummer`, or a mapping file with `role=header` lines).
public struct AttendanceColumns: Sendable, Equatable {
    public let index: [AttendanceRole: Int]
    public let header: [String]

    public subscript(role: AttendanceRole) -> Int? { index[role] }

    /// Whether the person column holds names ("Naam deelnemer"): namesakes count as one person.
    public var personIsName: Bool {
        index[.person].map { AttendanceRole.nameHeaders.contains(HeaderMatcher.normalise(header[$0])) } ?? false
    }

    public init(header: [String], overrides: [AttendanceRole: String] = [:], file: String, location: SourceLocation? = nil) throws {
        var headerLocation = location ?? SourceLocation(file: file)
        headerLocation.line = 1
        let match = HeaderMatcher(header)
        var index: [AttendanceRole: Int] = [:]
        for (role, name) in overrides {
            guard let i = header.firstIndex(where: { $0 == name }) ?? match.column([HeaderMatcher.normalise(name)]) else {
                throw DataError(headerLocation,
                                DataMessages.noColumn(Excerpt.text(name), role: role.rawValue, header: Excerpt.list(header)))
            }
            index[role] = i
        }
        for role in AttendanceRole.allCases where index[role] == nil {
            if let i = match.column(role.synonyms), !index.values.contains(i) { index[role] = i }
        }
        guard index[.person] != nil else {
            throw DataError(headerLocation,
                            DataMessages.noPersonColumn(header: Excerpt.list(header)))
        }
        self.index = index
        self.header = header
    }

    /// The columns of several files together: every role any file has, named by the first file
    /// that has it; the initiative of a file given by name counts as a column ("initiatief").
    public init(merging files: [(columns: AttendanceColumns, named: Bool)]) {
        var header: [String] = [], index: [AttendanceRole: Int] = [:]
        for role in AttendanceRole.allCases {
            if let found = files.first(where: { $0.columns[role] != nil }) {
                index[role] = header.count
                header.append(found.columns.header[found.columns[role]!])
            } else if role == .initiative, files.contains(where: \.named) {
                index[role] = header.count
                header.append("initiatief")
            }
        }
        self.index = index
        self.header = header
    }

    /// Parses `role=header` overrides (flags or lines of a mapping file).
    public static func parseOverrides(_ lines: [String], source: String) throws -> [AttendanceRole: String] {
        var result: [AttendanceRole: String] = [:]
        for (offset, line) in lines.enumerated() {
            let text = line.trimmingSpaces()
            if text.isEmpty || text.hasPrefix("#") { continue }
            let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard parts.count == 2, let role = AttendanceRole(rawValue: parts[0].lowercased()), !parts[1].isEmpty else {
                let roles = AttendanceRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw DataError(SourceLocation(file: source, line: offset + 1),
                                DataMessages.badOverride(Excerpt.text(text), roles: roles))
            }
            result[role] = parts[1]
        }
        return result
    }
}
