import Foundation

/// A point in a map's plane: x to the right, y down (SVG's orientation).
public struct PlanePoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// One area's outline: its rings (outer boundaries and holes, drawn with the even-odd rule).
public struct BoundaryShape: Sendable {
    public let code: RegionCode
    public let name: String?
    public let rings: [[PlanePoint]]

    /// The shoelace area of the rings (holes subtract when they wind the other way).
    public var area: Double { rings.reduce(0) { $0 + abs(Self.signedArea($1)) } }

    static func signedArea(_ ring: [PlanePoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var a = 0.0
        for i in ring.indices {
            let p = ring[i], q = ring[(i + 1) % ring.count]
            a += p.x * q.y - q.x * p.y
        }
        return a / 2
    }

    /// Where to put a symbol: the area-weighted centroid of the largest ring.
    public var centre: PlanePoint {
        guard let ring = rings.max(by: { abs(Self.signedArea($0)) < abs(Self.signedArea($1)) }), ring.count >= 3 else {
            return rings.first?.first ?? PlanePoint(x: 0, y: 0)
        }
        let a = Self.signedArea(ring)
        guard abs(a) > 1e-12 else { return ring[0] }
        var cx = 0.0, cy = 0.0
        for i in ring.indices {
            let p = ring[i], q = ring[(i + 1) % ring.count]
            let f = p.x * q.y - q.x * p.y
            cx += (p.x + q.x) * f
            cy += (p.y + q.y) * f
        }
        return PlanePoint(x: cx / (6 * a), y: cy / (6 * a))
    }
}

/// Outlines of CBS areas (buurten, wijken, gemeenten) by code, in one plane per source.
///
/// Two forms are read: GeoJSON (Polygon and MultiPolygon; the code in a property such as
/// `statcode`, `buurtcode` or `code`; WGS84 longitude/latitude, projected equirectangularly with
/// x scaled by cos of the mean latitude — at a buurt's scale indistinguishable from RD New — or RD
/// New metres as they are), and the SVG-path JSON of the bundled 2024 boundaries
/// (`{"viewBox", "features": [{"code", "naam", "d"}]}`). Written by hand rather than with a GIS
/// library: the maps need outlines to draw, not topology, and a reader for these two forms is
/// 200 lines with no dependency to build on a 2-core CI.
public struct Boundaries: Sendable {
    public let shapes: [RegionCode: BoundaryShape]
    public let source: String

    public init(shapes: [RegionCode: BoundaryShape], source: String) {
        self.shapes = shapes
        self.source = source
    }

    public static func read(path: String, displayName: String? = nil) throws -> Boundaries {
        let name = displayName ?? (path as NSString).lastPathComponent
        let location = SourceLocation(file: name)
        // A national file of several hundred MB would run out of memory before an error: say so first.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 150_000_000 {
            throw DataError(location, Bilingual(en: "the boundary file is larger than 150 MB; cut it to the gemeente (e.g. in QGIS or with ogr2ogr -where \"gemeentecode = 'GM0363'\")",
                                                nl: "het grenzenbestand is groter dan 150 MB; knip het tot de gemeente (bijvoorbeeld in QGIS of met ogr2ogr -where \"gemeentecode = 'GM0363'\")"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(location, Bilingual(en: "cannot read the boundary file", nl: "kan het grenzenbestand niet lezen"))
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DataError(location, Bilingual(en: "the boundary file is not JSON; expected GeoJSON (e.g. a PDOK download of the CBS wijk- en buurtkaart)",
                                                nl: "het grenzenbestand is geen JSON; verwacht GeoJSON (bijvoorbeeld een PDOK-download van de CBS wijk- en buurtkaart)"))
        }
        let features = root["features"] as? [[String: Any]] ?? []
        if root["viewBox"] != nil { return Boundaries(shapes: try svgShapes(features, location), source: name) }
        guard root["type"] as? String == "FeatureCollection" else {
            throw DataError(location, Bilingual(en: "expected a GeoJSON FeatureCollection", nl: "verwacht een GeoJSON FeatureCollection"))
        }
        return Boundaries(shapes: try geoJSONShapes(features, location), source: name)
    }

    /// A CBS code as the file writes it ("BU03637703", "WK036376", or the buurt's eight digits).
    static func code(_ text: String) -> RegionCode? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return RegionCode(t.uppercased()) ?? RegionCode(buurtDigits: t)
    }

    static let codeProperties = ["statcode", "buurtcode", "wijkcode", "gemeentecode", "code", "cbs_code", "bu_code", "wk_code", "gm_code", "identificatie"]
    static let nameProperties = ["statnaam", "buurtnaam", "wijknaam", "gemeentenaam", "naam", "name", "bu_naam", "wk_naam", "gm_naam"]

    static func geoJSONShapes(_ features: [[String: Any]], _ location: SourceLocation) throws -> [RegionCode: BoundaryShape] {
        var raw: [(RegionCode, String?, [[[Double]]])] = []
        for feature in features {
            let properties = (feature["properties"] as? [String: Any] ?? [:]).reduce(into: [String: Any]()) { $0[$1.key.lowercased()] = $1.value }
            guard let codeText = codeProperties.lazy.compactMap({ properties[$0] as? String }).first,
                  let code = Self.code(codeText) else { continue }
            let name = nameProperties.lazy.compactMap { properties[$0] as? String }.first
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else { continue }
            let polygons: [[[[Double]]]]
            switch type {
            case "Polygon": polygons = [(geometry["coordinates"] as? [[[Double]]]) ?? []]
            case "MultiPolygon": polygons = (geometry["coordinates"] as? [[[[Double]]]]) ?? []
            default: continue
            }
            raw.append((code, name, polygons.flatMap { $0 }))
        }
        guard !raw.isEmpty else {
            throw DataError(location, Bilingual(en: "no polygon with a CBS code (a property such as statcode or buurtcode) in the GeoJSON",
                                                nl: "geen polygoon met een CBS-code (een eigenschap zoals statcode of buurtcode) in de GeoJSON"))
        }
        let coordinates = raw.flatMap { $0.2.flatMap { $0 } }
        let wgs84 = coordinates.allSatisfy { $0.count >= 2 && abs($0[0]) <= 180 && abs($0[1]) <= 90 }
        let meanLatitude = wgs84 ? coordinates.reduce(0) { $0 + $1[1] } / Double(max(coordinates.count, 1)) : 0
        let xScale = wgs84 ? Foundation.cos(meanLatitude * .pi / 180) : 1
        var shapes: [RegionCode: BoundaryShape] = [:]
        for (code, name, rings) in raw {
            // Rings of fewer than three points draw nothing: a shape without one is not drawn (and so listed).
            let planar = rings.map { ring in ring.filter { $0.count >= 2 }.map { PlanePoint(x: $0[0] * xScale, y: -$0[1]) } }.filter { $0.count >= 3 }
            guard !planar.isEmpty || shapes[code] != nil else { continue }
            let earlier = shapes[code]?.rings ?? []
            shapes[code] = BoundaryShape(code: code, name: name ?? shapes[code]?.name, rings: earlier + planar)
        }
        return shapes
    }

    static func svgShapes(_ features: [[String: Any]], _ location: SourceLocation) throws -> [RegionCode: BoundaryShape] {
        var shapes: [RegionCode: BoundaryShape] = [:]
        for feature in features {
            guard let codeText = feature["code"] as? String, let code = Self.code(codeText), let d = feature["d"] as? String else { continue }
            let rings = try SVGPath.rings(d, location)
            if !rings.isEmpty { shapes[code] = BoundaryShape(code: code, name: feature["naam"] as? String, rings: rings) }
        }
        return shapes
    }
}

/// The rings of an SVG path with straight segments (M, L, H, V, Z and their relative forms).
enum SVGPath {
    static func rings(_ d: String, _ location: SourceLocation) throws -> [[PlanePoint]] {
        var rings: [[PlanePoint]] = [], ring: [PlanePoint] = []
        var current = PlanePoint(x: 0, y: 0), start = current
        var command: Character = "M"
        var numbers: [Double] = []
        var scanner = d.unicodeScalars.makeIterator()
        var token = ""
        func flushNumber() {
            if !token.isEmpty, let v = Double(token) { numbers.append(v) }
            token = ""
        }
        func apply() throws {
            let relative = command.isLowercase
            switch command.uppercased() {
            case "M", "L":
                guard numbers.count % 2 == 0 else { throw DataError(location, "an SVG path has an odd number of coordinates") }
                for i in stride(from: 0, to: numbers.count, by: 2) {
                    let p = relative ? PlanePoint(x: current.x + numbers[i], y: current.y + numbers[i + 1]) : PlanePoint(x: numbers[i], y: numbers[i + 1])
                    if command.uppercased() == "M" && i == 0 {
                        if ring.count >= 3 { rings.append(ring) }
                        ring = [p]
                        start = p
                    } else {
                        ring.append(p)
                    }
                    current = p
                }
            case "H": for v in numbers { current = PlanePoint(x: relative ? current.x + v : v, y: current.y); ring.append(current) }
            case "V": for v in numbers { current = PlanePoint(x: current.x, y: relative ? current.y + v : v); ring.append(current) }
            case "Z":
                if ring.count >= 3 { rings.append(ring) }
                ring = []
                current = start
            default:
                throw DataError(location, "an SVG path uses '\(command)'; only straight segments (M, L, H, V, Z) are read")
            }
            numbers = []
        }
        while let c = scanner.next() {
            if CharacterSet.letters.contains(c) && c != "e" && c != "E" {
                flushNumber()
                try apply()
                command = Character(c)
            } else if c == "," || CharacterSet.whitespaces.contains(c) {
                flushNumber()
            } else if c == "-" && !token.isEmpty && !token.hasSuffix("e") && !token.hasSuffix("E") {
                flushNumber()
                token = "-"
            } else {
                token.unicodeScalars.append(c)
            }
        }
        flushNumber()
        try apply()
        if ring.count >= 3 { rings.append(ring) }
        return rings
    }
}
