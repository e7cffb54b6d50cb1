import Foundation
import Testing
@testable import BereikPipeline
@testable import BereikReport
import BereikData

/// Issue 13 (part): the report's charts parsed as SVG — tick labels are nice numbers (1, 2 or 5 ×
/// 10^k steps from 0), nothing is drawn outside the view box, and the axes fit the data.
@Suite struct ChartTests {
    static let report: PublishedReport = {
        Publisher.publish(try! ReportPipeline.run(Repo.exampleRequest(), repetitions: 1000), control: nil)
    }()

    static func numbers(_ svg: String, attribute: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: attribute + #"="([^"]*)""#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).flatMap { m -> [Double] in
            let value = String(svg[Range(m.range(at: 1), in: svg)!])
            return value.split(whereSeparator: { " ,MLZ".contains($0) }).compactMap { Double($0) }
        }
    }

    static func isNice(_ step: Double) -> Bool {
        let magnitude = pow(10, floor(log10(step)))
        return [1.0, 2, 5, 10].contains { abs(step / magnitude - $0) < 1e-9 }
    }

    @Test func niceTicks() {
        #expect(SVGCharts.niceTicks(upTo: 65) == [0, 20, 40, 60, 80])
        #expect(SVGCharts.niceTicks(upTo: 17_975) == [0, 5000, 10000, 15000, 20000])
        #expect(SVGCharts.niceTicks(upTo: 0.9) == [0, 0.5, 1])  // 0.9/4 = 0.225 → step 0.5
        for m in stride(from: 0.37, to: 1e6, by: 977.3) {
            let t = SVGCharts.niceTicks(upTo: m)
            #expect(t.first == 0 && t.last! >= m && Self.isNice(t[1] - t[0]) && (3...7).contains(t.count), "\(m): \(t)")
        }
    }

    @Test func theFunnelFitsItsDataAndItsBox() throws {
        let b = Self.report.buurten
        let svg = SVGCharts.funnelChart(b.units.filter { $0.residents > 0 }, target: try #require(b.target), method: .exact,
                                        title: "t", words: Language.nl.report, language: .nl)
        for x in Self.numbers(svg, attribute: "x") + Self.numbers(svg, attribute: "x1") + Self.numbers(svg, attribute: "x2") {
            #expect((0...640).contains(x), "x \(x) outside the view box")
        }
        for y in Self.numbers(svg, attribute: "y") + Self.numbers(svg, attribute: "y1") + Self.numbers(svg, attribute: "y2") {
            #expect((0...400).contains(y), "y \(y) outside the view box")
        }
        for p in Self.numbers(svg, attribute: "points") { #expect((0...640).contains(p)) }
        // The y-axis labels: equal nice steps from 0, the top one not far above the data.
        let labels = try NSRegularExpression(pattern: #"text-anchor="end">([0-9.,]+)</text>"#)
        let values = labels.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map {
            Double(String(svg[Range($0.range(at: 1), in: svg)!]).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))!
        }
        #expect(values.first == 0 && values.count >= 3)
        #expect(Self.isNice(values[1] - values[0]) && zip(values, values.dropFirst()).allSatisfy { abs(($1 - $0) - (values[1] - values[0])) < 1e-9 })
        let highest = b.units.compactMap(\.reach.estimate).max()! * 1000
        #expect(values.last! < 2.5 * highest, "axis to \(values.last!) for data up to \(highest)")
        // Legend and the flagged units by name.
        #expect(svg.contains("binnen de grenzen") && svg.contains("Geuzenveld") == b.units.contains { $0.name == "Geuzenveld" && $0.flag != .none })
    }
}
