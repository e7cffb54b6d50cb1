import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport
import BereikStats

/// Issue 14 (part): `bereik model` on the example, whose design is known (origin propensities
/// Dutch 1.5, western 1, non-western 0.6; no SES effect of its own, only buurt effects), and its
/// refusals. The regression itself is checked against R in PoissonRegressionTests.
@Suite struct ModelTests {
    static let adjusted: ModelResult = try! ModelPipeline.run(Repo.exampleRequest(), question: ModelQuestion(by: .origin, adjustForSES: true))

    static func estimate(_ r: ModelResult, _ term: String, _ level: String) -> ModelEstimate? {
        r.estimates.first { $0.term == term && $0.level == level }
    }

    @Test func recoversTheDesignAndExplainsTheGradientByOrigin() throws {
        let r = Self.adjusted
        #expect(r.reference == "niet_westers" && r.sesReference == "Q5")  // most residents; the highest SES group
        let dutch = try #require(Self.estimate(r, "origin", "nederlands")), western = try #require(Self.estimate(r, "origin", "westers"))
        #expect(dutch.rateRatio.lower < 1.5 / 0.6 && 1.5 / 0.6 < dutch.rateRatio.upper, "\(dutch.rateRatio)")
        #expect(western.rateRatio.lower < 1 / 0.6 && 1 / 0.6 < western.rateRatio.upper, "\(western.rateRatio)")
        // The crude SES gradient (Q1 below Q5) is composition: it goes once origin is in the model.
        let q1 = try #require(Self.estimate(r, "ses", "Q1"))
        #expect(q1.crude.upper < 1 && q1.rateRatio.lower < 1 && q1.rateRatio.upper > 1, "crude \(q1.crude), adjusted \(q1.rateRatio)")
        let sentences = ModelRenderer.sentences(Publisher.publish(r, control: nil), language: .nl)
        #expect(sentences.contains { $0.hasPrefix("Na correctie voor herkomst is er geen duidelijke SES-gradiënt in bereik meer (trendtoets p") && $0.contains("Q1 (laagste SES) t.o.v. Q5 (hoogste SES)") }, "\(sentences)")
        // The sentence reads the trend tests: clear without origin (from buurt totals), not with it.
        #expect(sentences.contains("De SES-groepen verschillen wel onderling (F-toets p = 0,049), maar niet oplopend met de SES."), "\(sentences)")
        let trend = try #require(r.sesTrend)
        #expect(trend.crude.readingPValue < 0.05 && trend.adjusted.readingPValue > 0.05, "\(trend)")
        #expect(sentences.contains { $0.hasPrefix("Ook bij gelijke SES van de buurt doen vaker mee dan niet-westers: Nederlands") })
        // Every person is in the model or left out for a stated reason.
        #expect(r.persons + r.leftOut.values.reduce(0, +) == r.reconciliation.persons)
        #expect(r.levelParticipants["origin"]!.values.reduce(0, +) == r.persons && r.levelParticipants["ses"]!.values.reduce(0, +) == r.persons)
    }

    @Test func anotherReferenceGivesTheReciprocal() throws {
        let other = try ModelPipeline.run(Repo.exampleRequest(), question: ModelQuestion(by: .origin, adjustForSES: true, reference: "nederlands"))
        let a = try #require(Self.estimate(Self.adjusted, "origin", "nederlands")), b = try #require(Self.estimate(other, "origin", "niet_westers"))
        #expect(abs(a.rateRatio.estimate * b.rateRatio.estimate - 1) < 1e-9 && abs(a.crude.estimate * b.crude.estimate - 1) < 1e-9)
        #expect(abs(a.rateRatio.lower * b.rateRatio.upper - 1) < 1e-9)  // the same interval, inverted
        #expect(abs(other.deviance - Self.adjusted.deviance) < 1e-9)
    }

    @Test func theSameInputGivesTheSameDigits() throws {
        let again = try ModelPipeline.run(Repo.exampleRequest(), question: ModelQuestion(by: .origin, adjustForSES: true))
        #expect(zip(again.estimates, Self.adjusted.estimates).allSatisfy { $0.robustStandardError == $1.robustStandardError && $0.rateRatio == $1.rateRatio })
    }

    @Test func quasiIntervalsAreModelIntervalsWidenedByPhi() throws {
        let model = try ModelPipeline.run(Repo.exampleRequest(), question: ModelQuestion(by: .origin, adjustForSES: true, standardErrors: .model))
        let q = try #require(Self.estimate(Self.adjusted, "origin", "westers")), m = try #require(Self.estimate(model, "origin", "westers"))
        let phi = try #require(Self.adjusted.dispersion)
        let ratio = log(q.rateRatio.upper / q.rateRatio.lower) / log(m.rateRatio.upper / m.rateRatio.lower)
        // t(0.975, df) / z(0.975) · √φ, with df = 71: t = 1.993943 (R qt(0.975, 71)).
        #expect(Self.adjusted.dfResidual == 71 && abs(ratio - 1.993943 / 1.959964 * phi.squareRoot()) < 1e-5, "\(ratio)")
    }

    @Test func refusesWhatItCannotAnswer() throws {
        let project = ["--project", Repo.path("bereik.toml")]
        let ses = try runBereik(["model", "--by", "ses"] + project)
        #expect(ses.code == 2 && ses.err.contains("--by ses kan niet"))  // a wrong argument: a usage error
        let noSES = try runBereik(["model", "--by", "origin", "--adjust", "ses", "--attendance", Repo.example, "--population", Repo.amsterdam2019,
                                   "--area", "WK036376", "--lang", "en"])
        #expect(noSES.code == 1 && noSES.err.contains("--adjust ses needs SES-WOA scores"), "\(noSES.err)")
        let reference = try runBereik(["model", "--by", "origin", "--reference", "marsbewoners"] + project)
        #expect(reference.code == 2 && reference.err.contains("kies uit: nederlands, westers, niet_westers"), "\(reference.err)")
        // The labels people read work as well as the keys.
        for given in ["Nederlands", "niet-westers", "Dutch"] {
            #expect(try runBereik(["model", "--by", "origin", "--reference", given] + project).code == 0, "\(given)")
        }
        // Only non-western participants: the other groups' rate ratios would be 0.
        let lines = try String(contentsOfFile: Repo.example, encoding: .utf8).split(separator: "\n")
        let only = ([lines[0]] + lines.dropFirst().filter { line in
            let origin = line.split(separator: ";", omittingEmptySubsequences: false)[6]
            return origin != "Nederland" && origin != "Duitsland"
        }).joined(separator: "\n")
        let file = try Repo.write(only, "alleen.csv")
        let empty = try runBereik(["model", "--by", "origin", "--attendance", file, "--population", Repo.amsterdam2019, "--area", "WK036376"])
        #expect(empty.code == 1 && empty.err.contains("heeft geen deelnemers in de buurten van het model"), "\(empty.err)")
    }

    @Test func disclosureControlWithholdsTheRatiosWithASmallLevel() throws {
        let safe = Publisher.publish(Self.adjusted, control: DisclosureControl(threshold: 300))
        #expect(safe.withheld && safe.estimates.isEmpty && safe.tests.isEmpty)
        #expect(safe.levels.contains { $0.participants == .withheld })
        let open = Publisher.publish(Self.adjusted, control: DisclosureControl(threshold: 5))
        #expect(!open.withheld && open.estimates.count == 6)
    }
}
