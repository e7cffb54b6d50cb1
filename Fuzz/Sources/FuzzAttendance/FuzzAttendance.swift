import BereikData
import FuzzSupport

/// Attendance files: column detection, dates, postcodes, harmonisation, persons. Beyond not
/// crashing, every row must be accounted for (read = used + Σ excluded).
@_cdecl("FuzzAttendance_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        let path = FuzzFile.write(data, size)
        var options = AttendanceOptions(harmoniser: CategoryHarmoniser(originScheme: size % 2 == 0 ? .herkomst : .migratieachtergrond),
                                        referenceDate: CivilDate(year: 2024, month: 6, day: 30)!)
        options.from = CivilDate(year: 2019, month: 1, day: 1)
        options.collectMonths = true
        options.buurten = BuurtResolver(known: nil, postcodes: PostcodeMap(source: "fuzz", buurtByPostcode: ["1063AB": RegionCode("BU03630000")!]))
        do {
            let result = try AttendanceReader.read(path: path, options: options)
            precondition(result.reconciliation.balances, "rows not accounted for: \(result.reconciliation)")
            precondition(result.reconciliation.persons == result.participants.count, "persons differ from the participant table")
        } catch {}
        return 0
    }
}
