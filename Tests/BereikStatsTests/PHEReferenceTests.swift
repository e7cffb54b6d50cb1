import Testing
@testable import BereikStats

/// Wilson, exact Poisson and Byars limits against the PHEindicatormethods test suite
/// (Fixtures/phe, copied from ../shared/reference/phe; see its README), to 1e-6 relative.
@Suite struct PHEReferenceTests {
    static func level(_ text: String) throws -> ConfidenceLevel {
        try ConfidenceLevel(Double(text.replacingOccurrences(of: "%", with: ""))! / 100)
    }

    @Test func byarsAndWilson() throws {
        var checked = 0
        for row in try Fixture.csvRows("phe/testdata_B_W.csv") {
            let x = Double(row["x"]!)!
            let confidence = try Self.level(row["confidence"]!)
            let lower = Double(row["lowercl"]!), upper = Double(row["uppercl"]!)
            let ci: Interval
            if row["method"] == "Byars" {
                ci = try Interval.byars(count: Int(x), confidence: confidence)
            } else {
                ci = try Interval.wilson(x, Double(row["n"]!)!, confidence: confidence)
            }
            // PHE leaves a negative Byars lower limit empty; Bereik reports 0 there.
            #expect(lower == nil ? ci.lower == 0 : close(ci.lower, lower), "\(row)")
            #expect(close(ci.upper, upper), "\(row)")
            checked += 1
        }
        #expect(checked == 13)
    }

    @Test func proportionsAtTwoLevels() throws {
        var checked = 0
        for row in try Fixture.csvRows("phe/testdata_Prop.csv") {
            guard let x = Double(row["Numerator"]!), let n = Double(row["Denominator"]!),
                  let expected = Double(row["value"]!) else { continue }
            for (level, lowKey, highKey) in [(0.95, "lower95_0cl", "upper95_0cl"), (0.998, "lower99_8cl", "upper99_8cl")] {
                let ci = try Interval.wilson(x, n, confidence: ConfidenceLevel(level)).scaled(by: Double(row["multiplier"]!)!)
                #expect(close(ci.estimate, expected))
                #expect(close(ci.lower, Double(row[lowKey]!)), "\(row)")
                #expect(close(ci.upper, Double(row[highKey]!)), "\(row)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    @Test func proportionsOneLevelPerRow() throws {
        var checked = 0
        for row in try Fixture.csvRows("phe/testdata_Prop_g.csv") {
            guard let x = Double(row["Numerator"]!), let n = Double(row["Denominator"]!),
                  let lower = Double(row["lowercl"]!) else { continue }
            let ci = try Interval.wilson(x, n, confidence: Self.level(row["confidence"]!))
            #expect(close(ci.lower, lower), "\(row)")
            #expect(close(ci.upper, Double(row["uppercl"]!)), "\(row)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    /// PHE crude rates: exact Poisson limits below 10 events, Byars from 10; rate = x/n·multiplier.
    @Test func ratesExactAndByars() throws {
        var checked = 0
        for (file, levels) in [("phe/testdata_Rate.csv", [(0.95, "lower95_0cl", "upper95_0cl"), (0.998, "lower99_8cl", "upper99_8cl")]),
                               ("phe/testdata_Rate_g.csv", [(-1, "lowercl", "uppercl")])] {
            for row in try Fixture.csvRows(file) {
                guard let x = Double(row["Numerator"]!), let n = Double(row["Denominator"]!),
                      let multiplier = Double(row["multiplier"]!), let first = row[levels[0].1], Double(first) != nil
                else { continue }
                for (level, lowKey, highKey) in levels {
                    let confidence = level < 0 ? try Self.level(row["confidence"]!) : try ConfidenceLevel(level)
                    let ci = try Interval.poissonCount(Int(x), confidence: confidence).scaled(by: multiplier / n)
                    #expect(ci.method == (row["method"] == "Exact" ? .exactPoisson : .byars))
                    #expect(close(ci.lower, Double(row[lowKey]!)), "\(row)")
                    #expect(close(ci.upper, Double(row[highKey]!)), "\(row)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 40)
    }
}
