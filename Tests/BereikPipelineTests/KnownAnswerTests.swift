import Testing
import BereikData
import BereikStats
@testable import BereikPipeline

/// The generator's propensities are the known answer; compare must recover them.
@Suite struct KnownAnswerTests {
    func request(_ attendance: String) -> AnalysisRequest {
        Repo.exampleRequest(attendance)
    }

    /// Without buurt effects, women take part exactly twice as often as men in every buurt, so the
    /// ratio of their reach rates is 2 in expectation; with 20,000 participants it must lie within 6%.
    @Test func recoversTwiceTheReachForWomen() throws {
        let path = Repo.temporary("known.csv")
        var settings = AttendanceSimulator.Settings(persons: 20_000, seed: 7, year: 2019, propensities: .example)
        settings.propensities.buurtEffectSD = 0
        let population = try PopulationReader.read(path: Repo.amsterdam2019)
        try AttendanceSimulator.write(to: path, population: population, area: Repo.exampleArea.compactMap { RegionCode($0) }, settings: settings)
        let result = try ComparePipeline.run(request(path))
        let gender = try #require(result.dimensions.first { $0.counts.dimension == .gender })
        let man = gender.comparison.groups[0], vrouw = gender.comparison.groups[1]
        let ratio = vrouw.reach.estimate! / man.reach.estimate!
        #expect(abs(ratio - 2) < 0.12, "reach ratio women/men \(ratio)")
        #expect(man.flag == .under && vrouw.flag == .over)
        let age = try #require(result.dimensions.first { $0.counts.dimension == .age })
        let reach = age.comparison.groups.map { $0.reach.estimate! }
        // Age multipliers 0.2, 0.6, 1, 1.2, 1.8 relative to 25-44.
        for (i, m) in [0.2, 0.6, 1.0, 1.2, 1.8].enumerated() {
            #expect(abs(reach[i] / reach[2] - m) < 0.15 * m + 0.05, "age band \(i): \(reach[i] / reach[2])")
        }
        #expect(result.reconciliation.balances && result.reconciliation.persons == 20_000)
    }

    /// The bundled example: its answer is the design in README "Example data".
    @Test func bundledExampleShowsTheDesign() throws {
        let result = try ComparePipeline.run(request(Repo.example))
        func flag(_ d: Dimension, _ key: String) -> RepresentationFlag? {
            result.dimensions.first { $0.counts.dimension == d }?.comparison.groups.first { $0.key == key }?.flag
        }
        #expect(flag(.gender, "man") == .under && flag(.gender, "vrouw") == .over)
        #expect(flag(.origin, "niet_westers") == .under && flag(.origin, "nederlands") == .over)
        #expect(flag(.age, "0-14") == .under && flag(.age, "65+") == .over)
        #expect(result.dimensions.map(\.counts.dimension) == [.gender, .age, .origin, .ses])
        let r = result.reconciliation
        #expect(r.balances && r.rowsExcluded > 0 && r.persons == 1500)
    }

    @Test func bundledPopulationIsUsedWhenNoneIsGiven() throws {
        let path = Repo.temporary("nl2024.csv")
        try "id;buurt;geslacht\na;BU0363AA01;v\nb;BU0363AA02;m\n".write(toFile: path, atomically: true, encoding: .utf8)
        var r = AnalysisRequest(attendance: path, referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
        r.area = ["GM0363"]
        let result = try ComparePipeline.run(r)
        #expect(result.notes.contains(.bundledPopulation))
        #expect(result.dimensions.first?.counts.residents == [460_766, 470_532])  // Amsterdam 2024, CBS
    }
}
