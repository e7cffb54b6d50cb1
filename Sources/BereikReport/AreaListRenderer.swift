import BereikData

/// `bereik areas`: regions found by name, as a table, CSV or JSON (`bereik.areas/1`).
public enum AreaListRenderer {
    /// `similar`: the regions are suggestions for a name that matched nothing (a typo).
    public static func render(_ found: [AreaSearch.Candidate], query: String, format: OutputFormat, language: Language, similar: Bool = false) -> String {
        let nl = language == .nl
        let header = nl ? ["Soort", "Naam", "Gemeente", "Code", "Inwoners"] : ["Kind", "Name", "Gemeente", "Code", "Residents"]
        let kind = { (c: AreaSearch.Candidate) in language.messages.kinds[c.code.level] ?? c.code.level.rawValue }
        switch format {
        case .json:
            return JSONDocumentEncoder.render(AreaListDocument(found, query: query))
        case .csv:
            var csv = CSVWriter(language: language, header: ["kind", "name", "gemeente", "code", "residents"])
            for c in found { csv.row([c.code.level.rawValue, c.name, c.gemeente, c.code.raw, c.residents.map(String.init) ?? ""]) }
            return csv.text
        case .table, .markdown:
            let rows = found.map { c in [kind(c), c.name, c.gemeente, c.code.raw, c.residents.map(language.integer) ?? "–"] }
            if found.isEmpty {
                return (nl ? "Geen gebied gevonden voor '\(Escape.terminal(query))'." : "No area found for '\(Escape.terminal(query))'.") + "\n"
            }
            let intro = similar ? (nl ? "Geen gebied heet '\(Escape.terminal(query))'. Bedoelt u:\n" : "No area is called '\(Escape.terminal(query))'. Did you mean:\n") : ""
            return intro + TextTable.render(header, rows, markdown: format == .markdown)
        }
    }
}
