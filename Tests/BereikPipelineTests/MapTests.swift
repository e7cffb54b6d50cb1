import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BereikData
@testable import BereikPipeline
@testable import BereikPublish
@testable import BereikReport

/// Issue 17: maps. The example's 29 buurten drawn from the bundled Amsterdam 2019 boundaries, each
/// a path with its name and values; classes equal to `heterogeneity`'s funnel flags; nothing
/// outside the view box; a 2024 area from the bundled national boundaries; a boundary file of
/// another year refused with both years named.
@Suite struct MapTests {
    /// The elements of an SVG, as a reader of the file sees them.
    final class SVGReader: NSObject, XMLParserDelegate {
        var paths: [[String: String]] = [], circles: [[String: String]] = [], titles: [String] = [], viewBoxes: [String] = []
        private var inTitle = false, title = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch name {
            case "path": paths.append(attributes)
            case "circle": circles.append(attributes)
            case "title": inTitle = true; title = ""
            case "svg": if let v = attributes["viewBox"] { viewBoxes.append(v) }
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { title += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { inTitle = false; titles.append(title) }
        }
        static func read(_ text: String) throws -> SVGReader {
            let reader = SVGReader(), parser = XMLParser(data: Data(text.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "the SVG is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
            return reader
        }
    }

    /// Every number of a path's d attribute, as (x, y) pairs.
    static func points(_ d: String) -> [(Double, Double)] {
        let numbers = d.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    @Test func theExampleMapDrawsEveryBuurtWithItsClass() throws {
        let output = Repo.temporary("kaart.svg")
        let run = try runBereik(["map", "--project", Repo.path("bereik.toml"), "--output", output])
        #expect(run.code == 0, "\(run.err)")
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        let reader = try SVGReader.read(svg)
        let request = Repo.exampleRequest()
        let inputs = try PreparedInputs(request)
        #expect(inputs.area.buurten.count == 29)
        // Every buurt of the area is drawn (a path with its code and a title with its name) or listed.
        let drawn = reader.paths.filter { $0["data-code"] != nil }
        let codes = Set(drawn.compactMap { $0["data-code"] })
        for code in inputs.area.buurten {
            let name = inputs.population.region(code)?.name ?? ""
            #expect(codes.contains(code.raw) || run.err.contains(code.raw), "\(code.raw) neither drawn nor listed")
            #expect(reader.titles.contains { $0.contains("\(name) (\(code.raw))") }, "no title for \(name) (\(code.raw))")
        }
        #expect(codes.count == 29)
        // The classes are heterogeneity's funnel flags (disclosure control on, as in the report).
        let units = Publisher.publish(try HeterogeneityPipeline.run(request, by: .buurt), control: DisclosureControl(threshold: 5))
        for u in units.units {
            let cls = try #require(drawn.first { $0["data-code"] == u.unit }?["data-class"], "\(u.unit)")
            let expected = u.participants.isWithheld ? "withheld" : units.unitsLeftOut.contains(u.unit) || u.funnel == nil ? "left-out" : u.flag.rawValue
            #expect(cls == expected, "\(u.unit): \(cls) vs \(expected)")
        }
        #expect(drawn.contains { $0["data-class"] == "low" } && drawn.contains { $0["data-class"] == "high" })
        // Nothing outside its view box: every path point and circle of each map part.
        for part in svg.components(separatedBy: "<svg ").dropFirst(2) {
            let box = try #require(part.range(of: #"viewBox="0 0 (\d+) (\d+)""#, options: .regularExpression).map { String(part[$0]) })
            let size = box.split(separator: "\"")[1].split(separator: " ").compactMap { Double($0) }
            let inner = try SVGReader.read("<svg " + part.components(separatedBy: "</svg>")[0] + "</svg>")
            for p in inner.paths { for (x, y) in Self.points(p["d"] ?? "") { #expect(x >= 0 && x <= size[2] && y >= 0 && y <= size[3], "(\(x), \(y)) outside \(box)") } }
            for c in inner.circles {
                let x = Double(c["cx"]!)!, y = Double(c["cy"]!)!, r = Double(c["r"]!)!
                #expect(x - r >= 0 && x + r <= size[2] && y - r >= 0 && y + r <= size[3], "circle outside \(box)")
            }
        }
        // A map per under-reached group, its filled circles the buurten of "Wie missen we, en waar?".
        let report = try ReportPipeline.run(request, repetitions: 1000, title: "T")
        let men = try #require(report.whereMissing.first { $0.group == "man" })
        let filled = Set(reader.circles.filter { $0["data-top"] == "true" }.compactMap { $0["data-code"] })
        #expect(Set(men.places.map(\.code.raw)).isSubset(of: filled))
        #expect(svg.contains("Bron: CBS, Kadaster"))
        #expect(!svg.contains("href=\"http") && !svg.contains("url(http"), "no external resources")
    }

    /// A Rotterdam wijk with the bundled KWB 2024: the bundled national boundaries, no file argument.
    @Test func a2024AreaDrawsFromTheBundledBoundaries() throws {
        let bundled = try #require(ComparePipeline.bundledPopulationPath)
        let population = try PopulationReader.read(path: bundled)
        let area = try Area.resolve(["WK059910"], in: population)
        let file = Repo.temporary("feijenoord.csv")
        try AttendanceSimulator.write(to: file, population: population, area: area.codes,
                                      settings: .init(persons: 400, seed: 7, year: 2024, propensities: .example))
        var request = AnalysisRequest(attendance: file, referenceDate: CivilDate(year: 2024, month: 12, day: 31)!)
        request.area = ["WK059910"]
        let result = try MapPipeline.run(request, boundaries: nil)
        let map = try #require(result.map)
        #expect(map.boundaries.source == "CBS buurten 2024 (bundled)")
        #expect(map.drawn.count + map.notDrawn.count == area.buurten.count && map.drawn.count >= area.buurten.count - 1, "\(map.notDrawn)")
        let svg = MapSVG.document(MapView(buurten: Publisher.publish(result.buurten, control: DisclosureControl(threshold: 5)), whereMissing: result.whereMissing,
                                          map: map, title: ""), language: .nl)
        #expect(try SVGReader.read(svg).paths.filter { $0["data-code"] != nil }.count == map.drawn.count)
    }

    /// Boundaries of another division than the population table: an error naming both.
    @Test func boundariesOfAnotherYearAreRefused() throws {
        let amsterdam2024 = Repo.path("Sources/BereikPipeline/Resources/geo/buurt_2024_per_gemeente_svg/GM0363.json")
        let run = try runBereik(["map", "--project", Repo.path("bereik.toml"), "--boundaries", amsterdam2024])
        #expect(run.code == 1 && run.err.contains("GM0363.json") && run.err.contains("KWB 2019") && run.err.contains("29 buurten"), "\(run.err)")
        let en = try runBereik(["map", "--project", Repo.path("bereik.toml"), "--boundaries", amsterdam2024, "--lang", "en"])
        #expect(en.err.contains("do not fit the population table's buurten (KWB 2019)"), "\(en.err)")
        // Another year without a bundled division: the fix is named.
        #expect(Language.nl.message(MapProblem.noBundledBoundaries(year: 2017)).contains("geef --boundaries"))
    }

    /// GeoJSON in WGS84 and in RD New, and the SVG paths, read into one orientation (y down).
    @Test func boundaryFilesAreRead() throws {
        func geojson(_ coordinates: String) -> String {
            """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"BU_CODE": "BU03630000", "BU_NAAM": "Noord"},
             "geometry": {"type": "Polygon", "coordinates": [\(coordinates)]}},
             {"type": "Feature", "properties": {"statcode": "WK036300"}, "geometry": {"type": "MultiPolygon", "coordinates": [[\(coordinates)]]}}]}
            """
        }
        let wgs = try Boundaries.read(path: try Repo.write(geojson("[[4.9, 52.4], [4.91, 52.4], [4.91, 52.41], [4.9, 52.41], [4.9, 52.4]]"), "wgs.geojson"))
        let shape = try #require(wgs.shapes[RegionCode("BU03630000")!])
        #expect(shape.name == "Noord" && wgs.shapes[RegionCode("WK036300")!] != nil)
        // North is up: the northern edge (52.41) has the smaller y; x is scaled by cos(52.4°).
        let ys = shape.rings[0].map(\.y), xs = shape.rings[0].map(\.x)
        #expect(abs((ys.max()! - ys.min()!) - 0.01) < 1e-9 && abs((xs.max()! - xs.min()!) - 0.01 * cos(52.405 * .pi / 180)) < 1e-6)
        let rd = try Boundaries.read(path: try Repo.write(geojson("[[121000, 487000], [122000, 487000], [122000, 488000], [121000, 488000], [121000, 487000]]"), "rd.geojson"))
        #expect(abs(try #require(rd.shapes[RegionCode("BU03630000")!]).area - 1_000_000) < 1e-6)
        let rings = try SVGPath.rings("M0 0L10 0L10 10L0 10ZM2 2l2 0l0 2l-2 0Z", SourceLocation(file: "t"))
        #expect(rings.count == 2 && rings[1].map(\.x) == [2, 4, 4, 2])
        #expect(throws: DataError.self) { try SVGPath.rings("M0 0C1 1 2 2 3 3Z", SourceLocation(file: "t")) }
        #expect(throws: DataError.self) { try Boundaries.read(path: try Repo.write("not json", "bad.geojson")) }
    }

    /// The report's map looked at as a picture: Chromium draws the page, and the classes' colours
    /// and the hatching are in the screenshot.
    @Test(.enabled(if: ReportTests.browserAvailable, "headless Chromium is not installed (scripts/test.sh installs it)"))
    func theMapIsDrawnByABrowser() throws {
        let svgPath = Repo.temporary("kaart.svg"), png = Repo.temporary("kaart.png")
        #expect(try runBereik(["map", "--project", Repo.path("bereik.toml"), "--output", svgPath]).code == 0)
        _ = try ReportTests.run(["--hide-scrollbars", "--window-size=600,700", "--screenshot=\(png)", "file://\(svgPath)"])
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.count > 20_000, "a screenshot with a map is not blank")
        // The darkest class colour (#08519c) appears among the PNG's pixels: decode with Chromium's own canvas.
        let page = Repo.temporary("probe.html")
        try """
        <html><body><canvas id="c"></canvas><script>
        const img = new Image(); img.onload = () => { const c = document.getElementById('c'); c.width = img.width; c.height = img.height;
          const g = c.getContext('2d'); g.drawImage(img, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data; let dark = 0, hatch = 0;
          for (let i = 0; i < d.length; i += 4) { if (Math.abs(d[i] - 8) < 6 && Math.abs(d[i+1] - 81) < 6 && Math.abs(d[i+2] - 156) < 6) dark++; if (d[i] < 30 && d[i+1] < 30 && d[i+2] < 30) hatch++; }
          document.title = 'dark=' + dark + ' black=' + hatch; };
        img.src = 'kaart.png';</script></body></html>
        """.write(toFile: page, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: png, toPath: URL(fileURLWithPath: page).deletingLastPathComponent().appendingPathComponent("kaart.png").path)
        let dom = try ReportTests.browser(["--allow-file-access-from-files", "--virtual-time-budget=3000", "--dump-dom", "file://\(page)"])
        let title = dom.out.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first ?? ""
        let numbers = title.split(separator: " ").compactMap { $0.split(separator: "=").last.flatMap { Int($0) } }
        #expect(numbers.count == 2 && numbers[0] > 500 && numbers[1] > 500, "pixels of the darkest class and of black hatching/outline: \(title)")
    }
}
