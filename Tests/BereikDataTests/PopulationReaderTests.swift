import Testing
@testable import BereikData

/// Every CBS file of `Datasets/cbs/` (copied from ../shared/datasets/cbs, Bron: CBS), checked
/// against totals read independently with pandas (`pd.read_csv(..., na_values=['.'])`) and the
/// totals SOURCES.md states.
@Suite struct PopulationReaderTests {
    @Test func kwb2024NationalNormalised() throws {
        let t = try PopulationReader.read(path: Repo.dataset("kwb2024_85984NED_nl_sex_age_herkomst.csv"))
        #expect(t.layout == "normalised" && t.originScheme == .herkomst && t.regions.count == 18_310)
        let nl = try #require(t.region(RegionCode("NL00")!))
        #expect(nl.inwoners == 17_942_942)
        #expect(nl.counts[.gender] == [8_920_768, 9_022_174])
        #expect(nl.counts[.age] == [2_714_040, 2_202_159, 4_586_399, 4_763_116, 3_677_228])
        #expect(nl.counts[.origin] == [12_941_748, 1_677_093, 3_324_101])
        let amsterdam = try #require(t.region(RegionCode("GM0363")!))
        #expect(amsterdam.counts[.origin] == [375_842, 158_889, 396_567] && amsterdam.inwoners == 931_298)
        #expect(t.regions.filter { $0.code.level == .buurt }.count == 14_574)
        #expect(t.buurten(in: [RegionCode("GM0363")!]).count == 517)
        #expect(t.regions.filter { $0.code.level == .buurt }.compactMap(\.inwoners).reduce(0, +) == 17_942_915)
    }

    @Test func kwb2019AmsterdamNormalisedOData() throws {
        let t = try PopulationReader.read(path: Repo.dataset("kwb2019_84583NED_amsterdam.csv"))
        #expect(t.layout == "odata" && t.originScheme == .migratieachtergrond && t.regions.count == 579)
        let g = try #require(t.region(RegionCode("GM0363")!))
        #expect(g.inwoners == 862_965)
        #expect(g.counts[.origin] == [392_850, 161_884, 308_231])  // Dutch = total − westers − niet-westers
        #expect(g.counts[.gender] == [427_787, 435_178])
        #expect(t.buurten(in: [RegionCode("GM0363")!]).compactMap(\.inwoners).reduce(0, +) == 861_750)
        #expect(t.clampedOriginCells == 3)  // rounding made total − westers − niet-westers negative in 3 buurten
    }

    @Test func kwb2019DenHaagByteForByteOData() throws {
        let t = try PopulationReader.read(path: Repo.dataset("kwb2019_84583NED_denhaag_odata_original.csv"))
        #expect(t.layout == "odata" && t.regions.count == 159)
        #expect(t.region(RegionCode("GM0518")!)?.inwoners == 537_833)
        #expect(t.regions.filter { $0.code.level == .buurt }.count == 114)
    }

    @Test func kwb2019UtrechtSubset() throws {
        let t = try PopulationReader.read(path: Repo.dataset("kwb2019_84583NED_utrecht_subset.csv"))
        #expect(t.regions.count == 122 && t.region(RegionCode("GM0344")!)?.inwoners == 352_866)
        #expect(t.region(RegionCode("BU03440111")!)?.counts[.age] == [190, 305, 455, 225, 340])
    }

    @Test func statLineLabelExports() throws {
        let t2017 = try PopulationReader.read(path: Repo.dataset("kwb2017_83765NED_amsterdam_statline_labels.csv"))
        #expect(t2017.layout == "statline-labels" && t2017.regions.count == 580)
        #expect(t2017.region(RegionCode("NL00")!)?.inwoners == 17_081_507)
        #expect(t2017.region(RegionCode("GM0363")!)?.inwoners == 844_947)
        #expect(t2017.region(RegionCode("GM0363")!)?.name == "Amsterdam")
        let t2019 = try PopulationReader.read(path: Repo.dataset("kwb2019_84583NED_amsterdam_statline_labels_decimal_comma.csv"))
        #expect(t2019.region(RegionCode("GM0363")!)?.inwoners == 862_965)
        #expect(t2019.region(RegionCode("NL00")!)?.inwoners == 17_282_163)
    }

    @Test func sesWoa2019Amsterdam() throws {
        let s = try SESTable.read(path: Repo.dataset("seswoa2019_85163NED_amsterdam.csv"))
        #expect(s.scores.count == 489 && s.suppressed.count == 90 && s.period == "2019")
        #expect(s.scores[RegionCode("GM0363")!] == -0.100)
        #expect(s.scores[RegionCode("BU03630001")!] == -0.110)
    }

    @Test func missingIsNeverZeroAndNihilIsZero() throws {
        let path = try fixture("kwb-missing.csv", "code;inwoners;mannen;vrouwen\nBU00010001;20;.;10\nBU00010002;5;-;5\n")
        let t = try PopulationReader.read(path: path)
        #expect(t.region(RegionCode("BU00010001")!)?.counts[.gender] == nil)
        #expect(t.region(RegionCode("BU00010002")!)?.counts[.gender] == [0, 5])
    }

    @Test func longFormat() throws {
        let text = "area,dimension,category,count\nWK036300,gender,man,100\nWK036300,gender,vrouw,120\nWK036300,origin,nederland,150\nWK036300,origin,europa,40\nWK036300,origin,buiten_europa,30\n"
        let t = try PopulationReader.read(path: fixture("long.csv", text))
        #expect(t.layout == "long" && t.originScheme == .herkomst)
        #expect(t.region(RegionCode("WK036300")!)?.counts[.origin] == [150, 40, 30])
        #expect(t.region(RegionCode("WK036300")!)?.counts[.age] == nil)
    }

    @Test func countErrorsNameFileLineAndColumn() throws {
        let bad = try fixture("kwb-bad.csv", "code;inwoners;mannen;vrouwen\nBU00010001;20;abc;10\n")
        let e1 = dataError { _ = try PopulationReader.read(path: bad) }
        #expect(e1?.location.line == 2 && e1?.location.column == 3 && e1?.message.contains("'abc' is not a count") == true)
        let negative = try fixture("kwb-neg.csv", "code;inwoners;mannen;vrouwen\nBU00010001;20;-5;10\n")
        #expect(dataError { _ = try PopulationReader.read(path: negative) }?.message.contains("negative count") == true)
        let code = try fixture("kwb-code.csv", "code;inwoners\nAmsterdam;20\n")
        #expect(dataError { _ = try PopulationReader.read(path: code) }?.message.contains("not a CBS region code") == true)
        let nothing = try fixture("kwb-none.csv", "naam;waarde\nx;1\n")
        #expect(dataError { _ = try PopulationReader.read(path: nothing) }?.message.contains("no region code column") == true)
        let longBad = try fixture("long-bad.csv", "area,dimension,category,count\nGM0363,gender,mannen,3\n")
        #expect(dataError { _ = try PopulationReader.read(path: longBad) }?.message.contains("unknown gender category") == true)
    }
}
