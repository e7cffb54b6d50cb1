import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikReport

/// `bereik trend` on four hand-made persons, counted here by hand.
@Suite struct TrendTests {
    static func request() throws -> AnalysisRequest {
        let pop = Repo.temporary("trend-pop.csv"), att = Repo.temporary("trend-att.csv")
        try "code;inwoners;mannen;vrouwen\nGM0998;1000;500;500\nBU09980001;1000;500;500\n".write(toFile: pop, atomically: true, encoding: .utf8)
        // A: Jan, Feb (twice). B: Feb. C: Jan, Mar. D: no date.
        try """
        id;datum;buurt
        A;2024-01-10;BU09980001
        A;2024-02-03;BU09980001
        A;2024-02-20;BU09980001
        B;2024-02-11;BU09980001
        C;2024-01-30;BU09980001
        C;2024-03-01;BU09980001
        D;;BU09980001
        """.write(toFile: att, atomically: true, encoding: .utf8)
        var r = AnalysisRequest(attendance: att, referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
        r.population = pop
        r.area = ["GM0998"]
        return r
    }

    @Test func monthsNewReturningRetained() throws {
        let r = try TrendPipeline.run(try Self.request(), period: .month)
        #expect(r.periods.map(\.label) == ["2024-01", "2024-02", "2024-03"])
        #expect(r.periods.map(\.participants) == [2, 2, 1])
        #expect(r.periods.map(\.new) == [2, 1, 0] && r.periods.map(\.returning) == [0, 1, 1])
        #expect(r.periods.map(\.retained) == [0, 1, 0])
        #expect(r.periods[0].retention == nil && r.periods[1].retention?.estimate == 0.5 && r.periods[2].retention?.estimate == 0)
        #expect(r.periods.map(\.cumulative) == [2, 3, 3] && r.residents == 1000)
        #expect(r.periods[1].reach.estimate == 0.002)
        #expect(r.periodsAttended == [1, 2] && r.undated == 1)
        let quarters = try TrendPipeline.run(try Self.request(), period: .quarter)
        #expect(quarters.periods.map(\.label) == ["2024-Q1"] && quarters.periods[0].participants == 3 && quarters.trend == nil)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(TrendRenderer.json(Publisher.publish(r, control: nil), version: "t").utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "bereik.trend/1" && (root["periods"] as? [Any])?.count == 3)
        // Under disclosure control every count here is small: none is shown.
        let safe = TrendRenderer.json(Publisher.publish(r, control: DisclosureControl()), version: "t")
        let periods = try #require((try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: Any])?["periods"] as? [[String: Any]])
        #expect(periods.allSatisfy { $0["participants"] is NSNull && $0["reach"] is NSNull && $0["cumulative"] is NSNull })
        #expect(!TrendRenderer.text(Publisher.publish(r, control: DisclosureControl()), language: .en).contains(" 2 "))
    }
}
