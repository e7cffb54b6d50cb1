import Foundation
import Testing
@testable import BereikData
@testable import BereikPipeline

/// Project data as teams keep it: areas by name, postcodes without a postcode table, names as the
/// person column, spacer and total rows, ages that move on between visits.
@Suite struct FrontDoorTests {
    static let bundled = ComparePipeline.bundledPopulationPath!

    @Test func namesResolveCaseAndAccentInsensitivelyWithQualifiers() throws {
        let search = AreaSearch(try PopulationReader.read(path: Self.bundled))
        #expect(search.resolve("bloemhof").code?.raw == "BU05991081")
        #expect(search.resolve("ROTTERDAM").code?.raw == "GM0599")
        #expect(search.resolve("Feijenoord (Rotterdam)").code?.raw == "WK059910")  // the wijk, over the buurt of that name
        #expect(search.resolve("Feijenoord (buurt)").code?.raw == "BU05991087")
        #expect(search.resolve("Centrum").code == nil && search.resolve("Centrum").candidates.count > 20)
        #expect(search.resolve("'s-Gravenhage").code?.raw == "GM0518")
        #expect(AreaSearch.fold("Sint-Jacobus  É") == "sint jacobus e")
        #expect(search.similar("Blomhof").first?.code.raw == "BU05991081")
    }

    @Test(arguments: [("nl", "past bij", "Kies met de code"), ("en", "matches", "Choose by code")])
    func anAmbiguousNameListsItsCandidates(_ lang: String, _ text: String, _ fix: String) throws {
        let path = try Repo.write("id;postcode\na;3073AB\n", "ambiguous.csv")
        let r = try runBereik(["compare", "--attendance", path, "--area", "Centrum", "--lang", lang])
        #expect(r.code == 2 && r.err.contains(text) && r.err.contains(fix) && r.err.contains("Utrecht"), "\(r.err)")
        let typo = try runBereik(["compare", "--attendance", path, "--area", "Blomhof", "--lang", lang])
        #expect(typo.code == 2 && typo.err.contains("BU05991081"), "\(typo.err)")
    }

    @Test func theAreasCommandFindsRegions() throws {
        let r = try runBereik(["areas", "bloemhof", "--format", "json"])
        #expect(r.code == 0, "\(r.err)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let codes = (doc["areas"] as! [[String: Any]]).map { $0["code"] as! String }
        #expect(codes.contains("BU05991081"))
        let none = try runBereik(["areas", "qqqqzzz", "--lang", "en"])
        #expect(none.code == 1 && none.out.contains("No area found"))
    }

    /// Postcodes only, no --postcodes file: persons per gender in a gemeente equal a count made
    /// here straight from the CBS PC4 file and the rows.
    @Test func postcodesAloneGiveTheHandCountForAGemeente() throws {
        let postcodes = ["3073 AB", "3073ab", "3072", "3011XX", "3012 CD", "1011AB", "3024 KL", "9711 AA", "3071", "3082 BB", "3035"]
        var text = "Naam deelnemer;Geslacht;Postcode;Datum\n"
        for (i, pc) in postcodes.enumerated() { text += "persoon \(i);\(i % 3 == 0 ? "V" : "M");\(pc);0\(1 + i % 9)-03-2024\n" }
        text += ";;;\nTotaal;;;\n"
        let path = try Repo.write(text, "postcodes.csv")
        // Hand count: PC4s whose addresses all lie in Rotterdam per the CBS 2024 file.
        let table = try String(contentsOf: Repo.root.appendingPathComponent("Sources/BereikPipeline/Resources/pc4_gemeente2024_adressen_cbs_pc6hnr20240801.csv"), encoding: .utf8)
        var rotterdam = Set<String>()
        for line in table.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            if cells[1] == "GM0599" { rotterdam.insert(cells[0]) }
        }
        var expected = ["man": 0, "vrouw": 0]
        for (i, pc) in postcodes.enumerated() where rotterdam.contains(String(pc.prefix(4))) { expected[i % 3 == 0 ? "vrouw" : "man"]! += 1 }
        #expect(expected["man"]! + expected["vrouw"]! == 9)
        let r = try runBereik(["compare", "--attendance", path, "--area", "Rotterdam", "--format", "json", "--by", "gender"])
        #expect(r.code == 0, "\(r.err)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let groups = ((doc["dimensions"] as! [[String: Any]])[0]["groups"] as! [[String: Any]])
        let got = Dictionary(uniqueKeysWithValues: groups.map { ($0["group"] as! String, $0["participants"] as! Int) })
        #expect(got == expected)
        let input = doc["input"] as! [String: Any]
        let excluded = input["excluded"] as! [String: Int]
        #expect(excluded["total_row"] == 1 && excluded["empty_row"] == 1 && excluded["buurt_outside_area"] == 2, "\(excluded)")
        #expect((doc["notes"] as! [String]).contains("names_as_persons"))
    }

    @Test(arguments: ["nl", "en"])
    func aWijkOrBuurtAreaWithCoarsePostcodesNamesTheCBSFile(_ lang: String) throws {
        let path = try Repo.write("id;postcode\na;3073AB\nb;3072 CD\n", "coarse.csv")
        // 3072/3073 lie wholly in wijk Feijenoord, so the wijk works; its buurt Feijenoord does not.
        let wijk = try runBereik(["compare", "--attendance", path, "--area", "WK059910", "--lang", lang])
        #expect(wijk.code == 0, "\(wijk.err)")
        let buurt = try runBereik(["compare", "--attendance", path, "--area", "BU05991087", "--lang", lang])
        #expect(buurt.code == 1 && buurt.err.contains("pc6hnr20240801_gwb") && buurt.err.contains("--postcodes"), "\(buurt.err)")
    }

    @Test func postcodeForms() {
        #expect(PostcodeAreas.pc4("3073 AB") == 3073 && PostcodeAreas.pc4("3073ab") == 3073 && PostcodeAreas.pc4("3073") == 3073)
        #expect(PostcodeAreas.pc4("307") == nil && PostcodeAreas.pc4("30734") == nil && PostcodeAreas.pc4("3073 A") == nil && PostcodeAreas.pc4("0999") == nil)
    }

    @Test func anAgeOneYearOnIsNoConflictButTwoBirthDatesAre() throws {
        let ages = try Repo.write("id;leeftijd;datum;postcode\na;24;01-02-2024;3073AB\na;25;01-02-2025;3073AB\nb;30;01-02-2024;3073AB\nb;50;02-02-2024;3073AB\n", "ages.csv")
        let births = try Repo.write("id;geboortedatum;postcode\na;01-02-1990;3073AB\na;01-02-1990;3073AB\nb;01-02-1990;3073AB\nb;03-04-1991;3073AB\n", "births.csv")
        for path in [ages, births] {
            let r = try runBereik(["compare", "--attendance", path, "--area", "Rotterdam", "--format", "json"])
            let doc = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
            #expect(((doc["input"] as! [String: Any])["conflicts"] as! [String: Int]) == ["age": 1], "\(path): \(r.err)")
        }
    }
}

/// CBS's postcode–huisnummer table as delivered (zipped, `PC6;Huisnummer;Buurt2024;…`) places
/// postcodes in buurten, so a buurt-level area works where the PC4 alone is too coarse.
@Suite struct ZippedPostcodeTests {
    @Test func aZippedCBSPostcodeTablePlacesPersonsInTheirBuurt() throws {
        let path = try Repo.write("id;postcode;geslacht\na;3073AB;m\nb;3073 ab;v\nc;3072CD;v\nd;3072CD;m\ne;3071XY;m\n", "pc6.csv")
        let table = Repo.path("Tests/BereikPipelineTests/Fixtures/pc6hnr_sample_gwb.zip")
        let r = try runBereik(english: ["compare", "--attendance", path, "--postcodes", table, "--area", "BU05991081", "--format", "json", "--by", "gender"])
        // a, b in Bloemhof; c, d in buurt Feijenoord (3072CD: most addresses); e (3071, no PC6 row) by PC4 in the wijk: too coarse.
        #expect(r.code == 1 && r.err.contains("1 rows only the gemeente or wijk is known"), "\(r.err)")
        let exact = try Repo.write("id;postcode;geslacht\na;3073AB;m\nb;3073 ab;v\nc;3072CD;v\nd;3072CD;m\n", "pc6-exact.csv")
        let ok = try runBereik(english: ["compare", "--attendance", exact, "--postcodes", table, "--area", "BU05991081", "--format", "json", "--by", "gender"])
        #expect(ok.code == 0, "\(ok.err)")
        let doc = try JSONSerialization.jsonObject(with: Data(ok.out.utf8)) as! [String: Any]
        #expect(((doc["input"] as! [String: Any])["persons"] as! Int) == 2)
        #expect((((doc["input"] as! [String: Any])["excluded"] as! [String: Int])["buurt_outside_area"]) == 2)
    }
}

/// A PC4 spanning wijken: inside an area that holds all its wijken, outside one that holds none,
/// too coarse only when the area cuts it (CBS 2024: 3087 lies in Charlois and Waalhaven-Eemhaven,
/// 3083 in Charlois and Feijenoord, 3072 wholly in Feijenoord, 3071 for 99.99% in Feijenoord).
@Suite struct SpanningPostcodeTests {
    @Test func aPostcodeIsInsideOutsideOrUndecidedByItsWijken() throws {
        let path = try Repo.write("id;postcode;geslacht\na;3087AB;m\nb;3072CD;v\nc;3071EF;m\n", "span.csv")
        let feijenoord = try runBereik(english: ["compare", "--attendance", path, "--area", "WK059910", "--format", "json", "--by", "gender"])
        #expect(feijenoord.code == 0, "\(feijenoord.err)")
        let doc = try JSONSerialization.jsonObject(with: Data(feijenoord.out.utf8)) as! [String: Any]
        let input = doc["input"] as! [String: Any]
        #expect(input["persons"] as? Int == 2 && (input["excluded"] as! [String: Int])["buurt_outside_area"] == 1, "\(input)")
        let union = try runBereik(english: ["compare", "--attendance", path, "--area", "WK059915,WK059921,WK059910", "--by", "gender"])
        #expect(union.code == 0, "\(union.err)")
        let cut = try Repo.write("id;postcode;geslacht\na;3083AB;m\n", "cut.csv")
        let undecided = try runBereik(english: ["compare", "--attendance", cut, "--area", "WK059910", "--by", "gender"])
        #expect(undecided.code == 1 && undecided.err.contains("pc6hnr20240801_gwb"), "\(undecided.err)")
    }
}

/// The person column: Dutch headers are recognised, a missing one is exit 1 naming the header in
/// the output language, and names as persons are said in that language.
@Suite struct PersonColumnTests {
    @Test(arguments: [("nl", "geen kolom met deelnemers gevonden", "bevat namen"), ("en", "no person column found", "holds names")])
    func personColumnMessagesInBothLanguages(_ lang: String, _ missing: String, _ names: String) throws {
        let none = try Repo.write("Wie;Geslacht;Postcode\nJan;M;3073AB\n", "no-person.csv")
        let r = try runBereik(["compare", "--attendance", none, "--lang", lang])
        #expect(r.code == 1 && r.err.contains(missing) && r.err.contains("'Wie'") && r.err.contains("--column person="), "\(r.err)")
        for header in ["Naam deelnemer", "Deelnemersnummer", "Klantnummer", "Registratienummer", "BSN-vrij nummer"] {
            let path = try Repo.write("\(header);Geslacht;Postcode\nJan;M;3073AB\nPiet;V;3072CD\n", "person.csv")
            let ok = try runBereik(["compare", "--attendance", path, "--area", "Rotterdam", "--lang", lang])
            #expect(ok.code == 0, "\(header): \(ok.err)")
            #expect(ok.out.contains(names) == (header == "Naam deelnemer"), "\(header)")
        }
    }
}
