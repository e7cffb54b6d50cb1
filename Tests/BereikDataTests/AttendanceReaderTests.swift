import Testing
@testable import BereikData

@Suite struct AttendanceReaderTests {
    static let population: PopulationTable = {
        let text = """
        code;inwoners;mannen;vrouwen;leeftijd_0_14;leeftijd_15_24;leeftijd_25_44;leeftijd_45_64;leeftijd_65_plus;herkomst_nederland;herkomst_europa_excl_nl;herkomst_buiten_europa
        GM0001;300;150;150;50;50;100;50;50;200;50;50
        BU00010001;100;50;50;20;20;30;20;10;60;20;20
        BU00010002;200;100;100;30;30;70;30;40;140;30;30
        BU00020001;50;25;25;10;10;10;10;10;40;5;5
        """
        return try! PopulationReader.read(path: fixture("pop.csv", text))
    }()

    func options(area: [String] = ["GM0001"], strict: Bool = false) -> AttendanceOptions {
        var o = defaultOptions
        o.buurten = BuurtResolver(known: Set(Self.population.regions.filter { $0.code.level == .buurt }.map(\.code)),
                                  area: area.compactMap { RegionCode($0) })
        o.strict = strict
        return o
    }

    @Test func everyRowIsAccountedForByReason() throws {
        let text = """
        Deelnemer;Datum;Activiteit;Buurtcode;Geslacht;Leeftijd;Herkomst
        p1;01-02-2024;Koken;BU00010001;V;34;Nederland
        p1;08-02-2024;Koken;BU00010001;V;34;Nederland
        ;08-02-2024;Koken;BU00010001;V;34;Nederland
        p2;morgen;Koken;BU00010001;M;70;Turkije
        p3;08-02-2024;Wandelen;BU00020001;M;70;Turkije
        p4;08-02-2024;Wandelen;BU99990001;M;70;Turkije
        p5;08-02-2024;Wandelen;;X;;
        p6;09-02-2024;Wandelen;BU00010002;m;12;Polen
        """
        // Without a period an unreadable date ("morgen") does not cost the visit: it is reported.
        let data = try AttendanceReader.read(path: fixture("att.csv", text), options: options())
        let r = data.reconciliation
        #expect(r.rows == 8 && r.rowsUsed == 4 && r.balances)
        #expect(r.excluded == [.noPersonID: 1, .outsideArea: 1, .unknownBuurt: 1, .noBuurt: 1])
        #expect(r.unrecognised[.date] == ["morgen": 1])
        #expect(r.persons == 3 && r.personsOutsideArea == 1)
        #expect(data.participants.visits.sorted() == [1, 1, 2])
        #expect(data.participants.gender.sorted() == [0, 0, 1])
        #expect(data.participants.ageBand.sorted() == [0, 2, 4])
        #expect(data.participants.origin.sorted() == [0, 1, 2])
        #expect(Set(data.participants.activityNames) == ["Koken", "Wandelen"])
        // With a period the date is needed: the row is excluded for it.
        var period = options()
        period.from = CivilDate(year: 2024, month: 1, day: 1)
        let withPeriod = try AttendanceReader.read(path: fixture("att2.csv", text), options: period).reconciliation
        #expect(withPeriod.rowsUsed == 3 && withPeriod.excluded[.unparseableDate] == 1 && withPeriod.balances)
    }

    @Test func conflictingRowsResolveToMostFrequentThenLatest() throws {
        let text = """
        id,datum,geslacht,buurt
        a,2024-01-01,v,BU00010001
        a,2024-01-02,m,BU00010001
        a,2024-01-03,v,BU00010002
        b,2024-01-05,m,BU00010001
        b,2024-01-01,v,BU00010002
        """
        let data = try AttendanceReader.read(path: fixture("conflict.csv", text), options: options())
        let p = data.participants
        // a: vrouw twice, man once → vrouw; buurt 0001 twice → 0001. b: one each → the latest date (man, 0001).
        #expect(p.gender == [1, 0])
        #expect(p.buurt.map { p.buurtCodes[Int($0)].raw } == ["BU00010001", "BU00010001"])
        #expect(data.reconciliation.conflicts == [.gender: 2, .buurt: 2])
        #expect(p.firstVisit[1] == Int32(CivilDate(year: 2024, month: 1, day: 1)!.dayNumber))
    }

    @Test func birthYearGivesAgeAtTheVisitAndUnknownsAreCounted() throws {
        let text = """
        persoon;datum;geboortejaar;geslacht;buurt
        a;2024-03-01;2009;v;BU00010001
        b;2024-08-01;2009;x;BU00010001
        c;2024-08-01;1959-07-31;v;BU00010001
        d;2024-08-01;oud;v;BU00010001
        """
        let data = try AttendanceReader.read(path: fixture("birth.csv", text), options: options())
        // a: 2024 − 2009 − 1 (before 1 July) = 14 → 0-14; b: 15 → 15-24; c: 65 on 2024-07-31 → 65+.
        #expect(data.participants.ageBand == [0, 1, 4, -1])
        #expect(data.reconciliation.unknown == [.gender: 1, .age: 1])
        #expect(data.reconciliation.unrecognised[.birthYear] == ["oud": 1])
    }

    @Test func periodFilterAndPostcodes() throws {
        var o = options()
        o.from = CivilDate(year: 2024, month: 1, day: 1)
        o.to = CivilDate(year: 2024, month: 3, day: 31)
        o.buurten = BuurtResolver(known: o.buurten!.known, area: o.buurten!.area,
                                  postcodes: PostcodeMap(source: "pc", buurtByPostcode: ["1011AB": RegionCode("BU00010002")!]))
        let text = "id;datum;postcode\na;15-01-2024;1011 ab\nb;15-06-2024;1011AB\nc;;1011AB\nd;15-01-2024;9999ZZ\n"
        let data = try AttendanceReader.read(path: fixture("period.csv", text), options: o)
        #expect(data.reconciliation.excluded == [.outsidePeriod: 1, .noDate: 1, .unknownPostcode: 1])
        #expect(data.participants.buurtCodes == [RegionCode("BU00010002")!])
    }

    @Test func strictModeTurnsExclusionsIntoErrors() throws {
        let path = try fixture("strict.csv", "id;buurt\na;BU00010001\n;BU00010001\n")
        let error = dataError { _ = try AttendanceReader.read(path: path, options: options(strict: true)) }
        #expect(error?.location.line == 3 && error?.message.contains("no_person_id") == true)
    }

    @Test func columnsByOverrideAndMissingPersonColumn() throws {
        let path = try fixture("override.csv", "Klantnummer;Sekse\nk1;v\n")
        var o = options()
        o.overrides = [.person: "Klantnummer"]
        let data = try AttendanceReader.read(path: path, options: o)
        #expect(data.reconciliation.persons == 1 && data.columns[.gender] == 1)
        let missing = try fixture("noperson.csv", "naam_activiteit;datum\nx;2024-01-01\n")
        let error = dataError { _ = try AttendanceReader.read(path: missing, options: options()) }
        #expect(error?.message.contains("no person column") == true)
        #expect(try AttendanceColumns.parseOverrides(["person = Klant", "# note", "gender=Sekse"], source: "map") == [.person: "Klant", .gender: "Sekse"])
        #expect(dataError { _ = try AttendanceColumns.parseOverrides(["persoon=Klant"], source: "map") }?.location.line == 1)
    }

    /// Counts for the statistics: per dimension, persons by category; residents from the area's own row.
    @Test func countTablesForTheArea() throws {
        let text = "id;buurt;geslacht\na;BU00010001;v\nb;BU00010002;v\nc;BU00010002;m\nd;BU00010002;x\n"
        let data = try AttendanceReader.read(path: fixture("count.csv", text), options: options())
        let area = try Area.resolve(["GM0001"], in: Self.population)
        #expect(area.buurten.count == 2)
        let table = try #require(CountTable.build(.gender, participants: data.participants, population: Self.population, area: area))
        #expect(table.participants == [1, 2] && table.residents == [150, 150] && table.participantsUnknown == 1)
        #expect(table.residentsSource == "area_rows")
        let wijk = try Area.resolve(["BU00010002"], in: Self.population)
        #expect(CountTable.build(.gender, participants: data.participants, population: Self.population, area: wijk)?.residents == [100, 100])
        #expect(dataError { _ = try Area.resolve(["GM9999"], in: Self.population) }?.message.contains("not in the population table") == true)
    }

    /// SES groups: buurten sorted by score, each assigned by the midpoint of its cumulative resident share.
    @Test func sesGroupsByResidentWeightedMidpoint() throws {
        func buurt(_ code: String, _ n: Int) -> RegionPopulation {
            RegionPopulation(code: RegionCode(code)!, name: "", inwoners: n, counts: [:])
        }
        let buurten = [buurt("BU00010001", 100), buurt("BU00010002", 300), buurt("BU00010003", 100), buurt("BU00010004", 500), buurt("BU00010005", 10)]
        let scores = SESTable(source: "s", scores: [RegionCode("BU00010001")!: -1.0, RegionCode("BU00010002")!: -0.5,
                                                    RegionCode("BU00010003")!: 0.2, RegionCode("BU00010004")!: 0.9],
                              suppressed: [RegionCode("BU00010005")!], period: nil)
        let g = SESGrouping(buurten: buurten, scores: scores, groups: 5)
        // Cumulative shares of 1000: midpoints 0.05, 0.25, 0.45, 0.75 → Q1, Q2, Q3, Q4; Q5 empty.
        #expect(g.groupOf[RegionCode("BU00010001")!] == 0 && g.groupOf[RegionCode("BU00010002")!] == 1)
        #expect(g.groupOf[RegionCode("BU00010003")!] == 2 && g.groupOf[RegionCode("BU00010004")!] == 3)
        #expect(g.residents == [100, 300, 100, 500, 0] && g.withoutScore == [RegionCode("BU00010005")!])
    }
}
