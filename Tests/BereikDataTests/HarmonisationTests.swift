import Testing
@testable import BereikData
import BereikTestSupport

@Suite struct HarmonisationTests {
    let herkomst = CategoryHarmoniser(originScheme: .herkomst)
    let oud = CategoryHarmoniser(originScheme: .migratieachtergrond)

    @Test(arguments: ["man", "M", " m ", "Male", "jongen", "Dhr."]) func men(raw: String) {
        #expect(herkomst.gender(raw) == .category(0))
    }

    @Test(arguments: ["vrouw", "V", "female", "F", "meisje", "Mevr."]) func women(raw: String) {
        #expect(herkomst.gender(raw) == .category(1))
    }

    @Test func nonBinaryAndBlankAreUnknownNotGuessed() {
        for raw in ["x", "X", "anders", "non-binair", "", "onbekend"] { #expect(herkomst.gender(raw) == .unknown, "\(raw)") }
        #expect(herkomst.gender("q") == .unrecognised)
    }

    @Test func ageBandLabels() {
        #expect(herkomst.ageBandLabel("0-14") == .category(0))
        #expect(herkomst.ageBandLabel("15 t/m 24") == .category(1))
        #expect(herkomst.ageBandLabel("25 tot 45 jaar") == .category(2))
        #expect(herkomst.ageBandLabel("45-64") == .category(3))
        #expect(herkomst.ageBandLabel("65+") == .category(4))
        #expect(herkomst.ageBandLabel("65 jaar of ouder") == .category(4))
        #expect(herkomst.ageBandLabel("20-30") == .unrecognised)
        #expect(CategoryKeys.ageBand(14) == 0 && CategoryKeys.ageBand(15) == 1 && CategoryKeys.ageBand(64) == 3 && CategoryKeys.ageBand(65) == 4)
    }

    @Test func originLabelsOfBothSchemes() {
        #expect(herkomst.origin("Nederland") == .category(0))
        #expect(herkomst.origin("Europa (excl. NL)") == .category(1))
        #expect(herkomst.origin("buiten Europa") == .category(2))
        #expect(oud.origin("Nederlandse achtergrond") == .category(0))
        #expect(oud.origin("westers") == .category(1))
        #expect(oud.origin("Niet-westers") == .category(2))
    }

    /// CBS: Turkey is buiten Europa in the 2022 herkomst scheme and niet-westers in the old one;
    /// Indonesia and Japan are buiten Europa but westers.
    @Test func countriesFollowCBSDefinitions() {
        #expect(herkomst.origin("Turkije") == .category(2) && oud.origin("Turkije") == .category(2))
        #expect(herkomst.origin("Polen") == .category(1) && oud.origin("PL") == .category(1))
        #expect(herkomst.origin("Indonesië") == .category(2) && oud.origin("Indonesie") == .category(1))
        #expect(herkomst.origin("MA") == .category(2) && herkomst.origin("Suriname") == .category(2))
        #expect(herkomst.origin("België") == .category(1) && herkomst.origin("NLD") == .category(0))
        #expect(herkomst.origin("Atlantis") == .unrecognised)
    }

    @Test func countryListCanBeReplaced() throws {
        let list = try CountryList(text: "names,europe,western\nAtlantis|ATL,ja,ja\nNederland|NL,ja,ja\n", source: "mine.csv")
        let h = CategoryHarmoniser(originScheme: .herkomst, countries: list)
        #expect(h.origin("Atlantis") == .category(1) && h.origin("Turkije") == .unrecognised)
        let error = dataError { _ = try CountryList(text: "names,europe,western\nX,misschien,ja\n", source: "mine.csv") }
        #expect(error?.location.line == 2)
        // Windows line ends and a blank line: the line number is the physical line.
        let crlf = try CountryList(text: "names,europe,western\r\nAtlantis | ATL ; ja ; ja\r\n\r\nNederland|NL,ja,ja\r\n", source: "mine.csv")
        #expect(crlf.count == 2 && crlf.lookup("atl")?.name == "Atlantis")
        let late = dataError { _ = try CountryList(text: "names,europe,western\r\n\r\nX,misschien,ja\r\n", source: "mine.csv") }
        #expect(late?.location.line == 3)
    }

    @Test func dates() {
        #expect(CivilDate(parsing: "2024-03-05")?.description == "2024-03-05")
        #expect(CivilDate(parsing: "5-3-2024")?.description == "2024-03-05")
        #expect(CivilDate(parsing: "05/03/2024")?.description == "2024-03-05")
        #expect(CivilDate(parsing: "5.3.24")?.description == "2024-03-05")
        #expect(CivilDate(parsing: "20240305")?.description == "2024-03-05")
        #expect(CivilDate(parsing: "2024-03-05 14:30")?.description == "2024-03-05")
        #expect(CivilDate(parsing: "2024-03-05T14:30:00")?.description == "2024-03-05")
        #expect(CivilDate(parsing: "31-02-2024") == nil && CivilDate(parsing: "gisteren") == nil)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)?.dayNumber == 11_017)  // date -d 2000-03-01 +%s / 86400
    }

    @Test func regionCodes() {
        #expect(RegionCode("bu03630000 ")?.raw == "BU03630000")
        #expect(RegionCode("BU0363AA01")?.level == .buurt)
        #expect(RegionCode("GM0363")!.contains(RegionCode("BU03630000")!))
        #expect(RegionCode("WK036300")!.contains(RegionCode("BU03630000")!))
        #expect(!RegionCode("WK036301")!.contains(RegionCode("BU03630000")!))
        #expect(RegionCode("BU0363000") == nil && RegionCode("Amsterdam") == nil)
        #expect(RegionCode(buurtDigits: "03630000")?.raw == "BU03630000")
        #expect(PostcodeMap.normalise("1012 ab") == "1012AB" && PostcodeMap.normalise("0123AB") == nil)
    }
}

/// The ASCII shortcut of `CategoryHarmoniser.normalise` gives what the Unicode path gives, for
/// every ASCII character and for random ASCII strings (issue 15: it skips Foundation's
/// decomposition, which cost milliseconds on every run).
@Suite struct NormaliseShortcutTests {
    @Test func asciiShortcutEqualsTheUnicodePath() {
        var rng = SplitMix64(state: 15)
        for c in 0..<128 {
            let s = String(UnicodeScalar(UInt8(c)))
            #expect(CategoryHarmoniser.normalise(s) == CategoryHarmoniser.normaliseScalars(s), "\(c)")
        }
        for _ in 0..<2_000 {
            let s = String((0..<Int.random(in: 0...12, using: &rng)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0..<128, using: &rng))) })
            #expect(CategoryHarmoniser.normalise(s) == CategoryHarmoniser.normaliseScalars(s), "\(s.debugDescription)")
        }
        #expect(CategoryHarmoniser.normalise("Curaçao") == "curacao")
        #expect(CategoryHarmoniser.normalise("Buiten-Europa") == "buiteneuropa")
    }
}

/// `RegionCode` parses on the stack (issue 15: 36,000 codes a run); it accepts exactly what the
/// README's rule says — NL + 2 digits, GM + 4, WK + 4 digits + 2 digits or capitals, BU + 4 digits
/// + 4 digits or capitals, any case, spaces and tabs ignored — checked against a regular
/// expression on random and mutated codes.
@Suite struct RegionCodeParsingTests {
    @Test func acceptsExactlyTheRule() throws {
        let rule = try Regex("^(NL[0-9]{2}|GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4})$")
        var rng = SplitMix64(state: 99)
        let alphabet = Array("NLGMWKBUnlgmwkbu0123456789AZaz \té-")
        var accepted = 0
        for round in 0..<20_000 {
            var text: String
            if round % 2 == 0 {
                text = String((0..<Int.random(in: 0...13, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            } else {
                // A valid code with one character changed, inserted or removed.
                var chars = Array(["NL00", "GM0363", "WK036376", "WK0363AF", "BU03637705", "BU0363AF01", "bu0363af01"].randomElement(using: &rng)!)
                let at = Int.random(in: 0..<chars.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: chars[at] = alphabet.randomElement(using: &rng)!
                case 1: chars.insert(alphabet.randomElement(using: &rng)!, at: at)
                case 2: chars.remove(at: at)
                default: break
                }
                text = String(chars)
            }
            let normal = String(text.filter { $0 != " " && $0 != "\t" }).uppercased()
            let expected = (try? rule.wholeMatch(in: normal)) != nil && normal.allSatisfy(\.isASCII)
            let code = RegionCode(text)
            #expect((code != nil) == expected, "\(text.debugDescription)")
            if let code { #expect(code.raw == normal); accepted += 1 }
        }
        #expect(accepted > 3_000)
    }
}

/// `RegionCode` compares, hashes and nests by a packed integer (issue 15); these check it against
/// the definitions in text: equal codes have equal text, a region contains another when its
/// characters after the prefix start the other's, the gemeente is `GM` + the first four.
@Suite struct RegionCodeKeyTests {
    static func randomCode(_ rng: inout SplitMix64) -> RegionCode {
        let digits = Array("0123456789"), tail = Array("0123456789AZ")
        func some(_ n: Int, _ from: [Character]) -> String { String((0..<n).map { _ in rng.pick(from) }) }
        // Few distinct gemeenten and wijken, so that nesting happens often.
        let gm = rng.pick(["0363", "0599", "0344", String(some(4, digits))])
        let wk = gm + rng.pick(["00", "01", "AF", some(2, tail)])
        let bu = wk + rng.pick(["00", "07", some(2, tail)])
        return RegionCode(rng.pick(["NL00", "GM" + gm, "WK" + wk, "BU" + bu, "BU" + bu]))!
    }

    @Test func keyAgreesWithTheText() {
        var rng = SplitMix64(state: 7)
        var nested = 0
        for _ in 0..<20_000 {
            let a = Self.randomCode(&rng), b = Self.randomCode(&rng)
            #expect((a == b) == (a.raw == b.raw))
            if a == b { #expect(a.hashValue == b.hashValue) }
            let textContains = a.level == .country
                || (b.level >= a.level && b.raw.dropFirst(2).hasPrefix(a.raw.dropFirst(2)))
            #expect(a.contains(b) == textContains, "\(a) ⊇ \(b)")
            if textContains && a != b { nested += 1 }
            if a.level != .country {
                #expect(a.gemeente?.raw == "GM" + a.raw.dropFirst(2).prefix(4))
                #expect(a.lineage.map(\.raw) == [a.level == .gemeente ? nil : "GM" + a.raw.dropFirst(2).prefix(4),
                                                 a.level == .buurt ? "WK" + a.raw.dropFirst(2).prefix(6) : nil,
                                                 a.raw].compactMap { $0 })
            }
            #expect(RegionCode(level: a.level, key: a.key) == a)
            #expect(RegionCode(level: a.level, key: a.key).raw == a.raw)
            #expect(RegionCode.isValidKey(a.key, level: a.level))
        }
        #expect(nested > 1_000)
    }
}

/// The age band of an age against the band labels read as numbers ("0-14" … "65+"), every age
/// from −5 to 139: the written-out comparisons must say what the labels say.
@Suite struct AgeBandTests {
    @Test func bandsFollowTheLabels() {
        let lower = CategoryKeys.age.map { Int($0.prefix { $0.isNumber })! }
        #expect(lower == CategoryKeys.ageLowerBounds)
        for age in -5..<140 {
            let expected = (0..<130).contains(age) ? lower.lastIndex { $0 <= age } : nil
            #expect(CategoryKeys.ageBand(age) == expected, "age \(age)")
        }
    }
}
