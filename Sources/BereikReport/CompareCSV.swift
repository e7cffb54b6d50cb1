import BereikPipeline
import BereikStats

/// `bereik compare --format csv`: one row per dimension × group with every number. Dutch (`--lang
/// nl`) writes `;` and decimal commas so Excel NL opens it as is; English writes `,` and points.
/// Cells Excel would execute (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'`.
public enum CompareCSV {
    public static let columns = ["dimension", "group", "participants", "residents", "participant_share", "resident_share",
                                 "reach", "reach_lower", "reach_upper", "ratio", "ratio_lower", "ratio_upper",
                                 "p_value", "p_adjusted", "flag", "missing", "test_chi2", "test_df", "test_p_value",
                                 "test_method", "dissimilarity", "r_indicator", "confidence"]

    public static func render(_ result: CompareResult, language: Language, publication: Publication = .open) -> String {
        let separator = language.csvSeparator
        let number = language.csvNumber
        var lines = [columns.joined(separator: separator)]
        for d in result.dimensions {
            let plan = publication.plan(d)
            let f = plan.cells.isEmpty ? d.comparison.fit : nil
            for (i, g) in d.comparison.groups.enumerated() {
                if plan.cells.contains(i) {
                    let cells = [d.counts.dimension.rawValue, g.key, publication.control!.label, String(g.residents), "",
                                 number(g.residentShare)] + [String](repeating: "", count: 8) + [g.flag.rawValue]
                        + [String](repeating: "", count: 7) + [number(result.request.settings.confidence.value)]
                    lines.append(cells.map { cell($0, separator: separator) }.joined(separator: separator))
                    continue
                }
                let cells: [String] = [
                    d.counts.dimension.rawValue, g.key, String(g.participants), String(g.residents),
                    number(g.participantShare), number(g.residentShare),
                    number(g.reach.estimate), number(g.reach.interval?.lower), number(g.reach.interval?.upper),
                    number(g.ratio?.estimate), number(g.ratio?.interval.lower), number(g.ratio?.interval.upper),
                    number(g.pValue), number(g.pAdjusted), g.flag.rawValue, g.missing.map(String.init) ?? "",
                    number(f?.chiSquared), f.map { String($0.degreesOfFreedom) } ?? "", number(f?.reportedPValue),
                    f?.method ?? "", number(plan.cells.isEmpty ? d.comparison.dissimilarity : nil),
                    number(plan.cells.isEmpty ? d.comparison.rIndicator?.r : nil),
                    number(result.request.settings.confidence.value),
                ]
                lines.append(cells.map { cell($0, separator: separator) }.joined(separator: separator))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV cell: quoted when needed, and neutralised when Excel would read it as a formula.
    /// Numbers (including negative ones) are left as numbers.
    public static func cell(_ text: String, separator: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
           Double(value.replacingOccurrences(of: ",", with: ".")) == nil {
            value = "'" + value
        }
        if value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r") {
            value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
