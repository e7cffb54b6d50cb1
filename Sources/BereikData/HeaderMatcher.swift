/// Finds columns by name in the many spellings CBS and users produce: "Codering_3" (OData),
/// "Regioaanduiding.Codering..code." (StatLine labels), "code" (normalised). Names are compared
/// lower-case with everything but letters and digits removed, with and without an OData
/// "_<number>" suffix.
struct HeaderMatcher {
    let header: [String]
    private let full: [String]
    private let stripped: [String]

    init(_ header: [String]) {
        self.header = header
        full = header.map { HeaderMatcher.normalise($0) }
        stripped = header.map { name in
            var text = Substring(name)
            if let underscore = text.lastIndex(of: "_"), text[text.index(after: underscore)...].allSatisfy(\.isNumber),
               text.index(after: underscore) < text.endIndex {
                text = text[..<underscore]
            }
            return HeaderMatcher.normalise(String(text))
        }
    }

    static func normalise(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    /// The first column whose name is one of `names` (already normalised), in the order of `names`.
    func column(_ names: [String]) -> Int? {
        for name in names {
            if let i = full.firstIndex(of: name) ?? stripped.firstIndex(of: name) { return i }
        }
        return nil
    }

    /// The first column whose normalised name contains every fragment of one of the `patterns`.
    func column(containing patterns: [[String]]) -> Int? {
        for pattern in patterns {
            if let i = full.firstIndex(where: { name in pattern.allSatisfy { name.contains($0) } }) { return i }
        }
        return nil
    }

    /// True when the header is the OData download's (names ending in "_<number>").
    var looksLikeOData: Bool { zip(full, stripped).filter { $0 != $1 }.count >= max(2, header.count / 2) }
}
