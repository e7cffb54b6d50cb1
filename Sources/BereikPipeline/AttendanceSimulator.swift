import BereikData
import BereikStats
import Foundation

/// Generates attendance files with a known answer, for the example data, tests and benchmarks.
///
/// Residents are drawn from the population table: a buurt with probability ∝ inwoners, then gender,
/// age band and origin independently from that buurt's marginal counts (CBS publishes no joint
/// table). A drawn resident takes part with probability ∝ the product of the category multipliers
/// and a buurt effect exp(N(0, σ²)) (rejection sampling), so participants' composition is the
/// residents' reweighted by the multipliers: a group with multiplier 2 is reached twice as often.
/// Each participant makes 1 + Poisson(λ) visits on uniformly drawn days of `year` to 1–2 activities
/// chosen with group-dependent weights. With a `RoleDesign`, each participant also gets a highest
/// role (a `rol` column), drawn from a second generator so the other columns stay as they were.
/// Everything is seeded (GSL mt19937).
public struct AttendanceSimulator {
    /// Who moves up the participation ladder: a participant is in the core team with probability
    /// `coreTeam` × the product of `coreTeamMultiplier` over their categories, else a volunteer with
    /// probability `volunteer` × the product of `volunteerMultiplier`.
    public struct RoleDesign: Sendable {
        public var coreTeam: Double
        public var coreTeamMultiplier: [String: Double]
        public var volunteer: Double
        public var volunteerMultiplier: [String: Double]

        /// The example's design (README "Example data"): the core team is drawn more from
        /// Dutch-background women (women 2×, Dutch background 3×, base 1.2%); volunteers 4%, women and
        /// Dutch background 1.5× each; nobody younger than 16 (a birth year read as 1 July puts a
        /// 15-year-old in 0-14 before July) either.
        public static let example = RoleDesign(
            coreTeam: 0.012, coreTeamMultiplier: ["vrouw": 2, "nederlands": 3, "nederland": 3],
            volunteer: 0.04, volunteerMultiplier: ["vrouw": 1.5, "nederlands": 1.5, "nederland": 1.5])
    }

    public struct Propensities: Sendable {
        public var multiplier: [String: Double]
        public var buurtEffectSD: Double
        public var roles: RoleDesign?
        public init(multiplier: [String: Double], buurtEffectSD: Double, roles: RoleDesign? = nil) {
            self.multiplier = multiplier
            self.buurtEffectSD = buurtEffectSD
            self.roles = roles
        }

        /// The example initiative's design (README "Example data"): women 2× men; Dutch background
        /// 1.5×, western 1×, non-western 0.6×; 0-14 0.2×, 15-24 0.6×, 25-44 1×, 45-64 1.2×, 65+ 1.8×;
        /// buurt effects with σ = 0.4 on the log scale; roles as `RoleDesign.example`.
        public static let example = Propensities(multiplier: [
            "man": 1, "vrouw": 2,
            "nederlands": 1.5, "westers": 1, "niet_westers": 0.6, "nederland": 1.5, "europa": 1, "buiten_europa": 0.6,
            "0-14": 0.2, "15-24": 0.6, "25-44": 1, "45-64": 1.2, "65+": 1.8,
        ], buurtEffectSD: 0.4, roles: .example)

        /// Everyone equally likely (benchmarks).
        public static let uniform = Propensities(multiplier: [:], buurtEffectSD: 0)
    }

    public struct Settings: Sendable {
        public var persons: Int
        public var seed: UInt
        public var year: Int
        public var meanExtraVisits: Double = 3
        /// Share of rows written with a data problem (no person id, unknown buurt code), to show the reconciliation.
        public var flawedRowShare: Double = 0
        public var propensities: Propensities
        public init(persons: Int, seed: UInt, year: Int, propensities: Propensities) {
            self.persons = persons
            self.seed = seed
            self.year = year
            self.propensities = propensities
        }
    }

    static let activities = ["Samen koken", "Wandelgroep", "Taalcafé", "Beweegles 65+", "Inloopspreekuur"]
    static let countries: [String: [String]] = [
        "nederlands": ["Nederland"], "nederland": ["Nederland"],
        "westers": ["Polen", "Duitsland", "België", "Verenigd Koninkrijk", "Indonesië"],
        "europa": ["Polen", "Duitsland", "België", "Bulgarije", "Oekraïne"],
        "niet_westers": ["Marokko", "Turkije", "Suriname", "Ghana", "Syrië"],
        "buiten_europa": ["Marokko", "Turkije", "Suriname", "Ghana", "Syrië"],
    ]

    /// Writes the file; returns the number of rows written.
    @discardableResult
    public static func write(to path: String, population: PopulationTable, area: [RegionCode], settings: Settings) throws -> Int {
        let random = try RandomSource(seed: settings.seed)
        let buurten = population.buurten(in: area).filter {
            ($0.inwoners ?? 0) > 0 && $0.counts[.gender] != nil && $0.counts[.age] != nil && $0.counts[.origin] != nil
        }
        guard !buurten.isEmpty else {
            throw DataError(SourceLocation(file: population.source), "no buurten with complete counts in the area to simulate from")
        }
        let originKeys = population.originScheme.keys
        let m = settings.propensities.multiplier
        func mult(_ key: String) -> Double { m[key] ?? 1 }
        let maxGroup = (CategoryKeys.gender.map(mult).max() ?? 1) * (CategoryKeys.age.map(mult).max() ?? 1) * (originKeys.map(mult).max() ?? 1)
        let effects = buurten.map { _ in Foundation.exp(random.gaussian(sd: settings.propensities.buurtEffectSD)) }
        let maxEffect = effects.max() ?? 1
        func cumulative(_ values: [Int]) -> [Double] {
            var sum = 0.0
            return values.map { sum += Double($0); return sum }
        }
        let buurtCumulative = cumulative(buurten.map { $0.inwoners ?? 0 })
        let genderCum = buurten.map { cumulative($0.counts[.gender]!) }
        let ageCum = buurten.map { cumulative($0.counts[.age]!) }
        let originCum = buurten.map { cumulative($0.counts[.origin]!) }
        let ageRange = [(4, 14), (15, 24), (25, 44), (45, 64), (65, 92)]
        let yearStart = CivilDate(year: settings.year, month: 1, day: 1)!.dayNumber
        let yearDays = CivilDate(year: settings.year + 1, month: 1, day: 1)!.dayNumber - yearStart

        guard let out = FileHandleWriter(path: path) else {
            throw DataError(SourceLocation(file: path), "cannot create the file")
        }
        let design = settings.propensities.roles
        let roleRandom = try RandomSource(seed: settings.seed &+ 7919)
        out.write("deelnemer;datum;activiteit;buurtcode;geslacht;geboortejaar;herkomst" + (design == nil ? "" : ";rol") + "\n")
        var rows = 0
        var made = 0
        while made < settings.persons {
            let b = random.categorical(cumulative: buurtCumulative)
            let g = random.categorical(cumulative: genderCum[b])
            let a = random.categorical(cumulative: ageCum[b])
            let o = random.categorical(cumulative: originCum[b])
            let p = mult(CategoryKeys.gender[g]) * mult(CategoryKeys.age[a]) * mult(originKeys[o]) * effects[b] / (maxGroup * maxEffect)
            guard random.uniform() < p else { continue }
            made += 1
            let id = String(format: "D%06d", made)
            let age = ageRange[a].0 + random.integer(below: ageRange[a].1 - ageRange[a].0 + 1)
            let birthYear = settings.year - age
            let genderText = g == 0 ? (random.uniform() < 0.8 ? "M" : "man") : (random.uniform() < 0.8 ? "V" : "vrouw")
            let options = countries[originKeys[o]] ?? ["Nederland"]
            let country = options[random.integer(below: options.count)]
            // Activities: weights depend on the group (Taalcafé draws newcomers, Beweegles 65+ older people).
            var weights = [2.0, 1.5, 0.3, 0.2, 1.0]
            if o == 2 { weights[2] = 3 }
            if a == 4 { weights[3] = 4 }
            if g == 1 { weights[0] = 3 }
            let cum = cumulative(weights.map { Int($0 * 10) })
            let first = random.categorical(cumulative: cum)
            let second = random.uniform() < 0.3 ? random.categorical(cumulative: cum) : first
            let visits = 1 + random.poisson(mean: settings.meanExtraVisits)
            let keys = [CategoryKeys.gender[g], originKeys[o]]
            let roleText = design.map { roleTextOf(level: age >= 16 ? roleLevel($0, keys: keys, roleRandom) : 0, roleRandom) }
            for visit in 0..<visits {
                let day = CivilDate(dayNumber: yearStart + random.integer(below: yearDays)).components
                let activity = activities[random.uniform() < 0.5 ? first : second]
                var idText = id, buurtText = buurten[b].code.raw
                if settings.flawedRowShare > 0 {
                    let u = random.uniform()
                    if u < settings.flawedRowShare / 2 { idText = "" } else if u < settings.flawedRowShare { buurtText = "BU9999" + buurtText.suffix(4) }
                }
                let date = "\(day.day < 10 ? "0" : "")\(day.day)-\(day.month < 10 ? "0" : "")\(day.month)-\(day.year)"
                let role = roleText.map { ";" + ($0 == nil || (visit > 0 && roleRandom.uniform() < 0.5) ? bottomRoleText(roleRandom) : $0!) } ?? ""
                out.write("\(idText);\(date);\(activity);\(buurtText);\(genderText);\(birthYear);\(country)\(role)\n")
                rows += 1
            }
        }
        out.close()
        return rows
    }

    /// 2 core team, 1 volunteer, 0 participant.
    static func roleLevel(_ design: RoleDesign, keys: [String], _ random: RandomSource) -> Int {
        let core = keys.reduce(design.coreTeam) { $0 * (design.coreTeamMultiplier[$1] ?? 1) }
        let volunteer = keys.reduce(design.volunteer) { $0 * (design.volunteerMultiplier[$1] ?? 1) }
        let u = random.uniform()
        return u < core ? 2 : u < core + volunteer ? 1 : 0
    }

    /// The text a person's higher-role rows carry, as lists write it (a synonym now and then); nil at the bottom.
    static func roleTextOf(level: Int, _ random: RandomSource) -> String? {
        switch level {
        case 2: return random.uniform() < 0.7 ? "kernteam" : "co-creator"
        case 1: return random.uniform() < 0.7 ? "vrijwilliger" : "Vrijwilliger"
        default: return nil
        }
    }

    /// A participant's row: mostly "deelnemer", sometimes blank, a synonym, or a word on no ladder.
    static func bottomRoleText(_ random: RandomSource) -> String {
        let u = random.uniform()
        return u < 0.90 ? "deelnemer" : u < 0.96 ? "" : u < 0.99 ? "bezoeker" : "gast"
    }
}

/// Buffered writing of a large text file.
final class FileHandleWriter {
    private let handle: FileHandle
    private var buffer = Data()

    init?(path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        try? handle.close()
    }
}
