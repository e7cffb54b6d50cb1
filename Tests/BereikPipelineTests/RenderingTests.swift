import Foundation
import Testing
import BereikData
@testable import BereikPipeline
@testable import BereikReport

@Suite struct RenderingTests {
    static let result: CompareResult = {
        try! ComparePipeline.run(Repo.exampleRequest())
    }()
    static let open = Publisher.publish(result, control: nil)

    @Test func jsonHasTheDocumentedSchema() throws {
        let text = CompareJSON.render(Self.open, version: "test")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "bereik.compare/2")
        let input = try #require(root["input"] as? [String: Any])
        for key in ["rows", "rows_used", "excluded", "persons", "persons_outside_area"] { #expect(input[key] != nil, "input.\(key)") }
        #expect(root["confidence"] as? Double == 0.95)
        let dims = try #require(root["dimensions"] as? [[String: Any]])
        #expect(dims.count == 4)
        for d in dims {
            for key in ["dimension", "test", "dissimilarity", "r_indicator", "groups"] { #expect(d[key] != nil, "\(key)") }
            let test = try #require(d["test"] as? [String: Any])
            for key in ["chi2", "g2", "df", "p_value", "method"] { #expect(test[key] != nil, "test.\(key)") }
            for g in try #require(d["groups"] as? [[String: Any]]) {
                for key in ["group", "participants", "residents", "participant_share", "resident_share", "reach", "ratio",
                            "p_value", "p_adjusted", "flag", "extra_needed", "shortfall_at_current_size"] {
                    #expect(g.keys.contains(key), "group.\(key)")
                }
                let reach = try #require(g["reach"] as? [String: Any])
                #expect(reach["estimate"] != nil && reach["lower"] != nil && reach["upper"] != nil)
            }
        }
    }

    @Test func csvNeutralisesFormulasAndKeepsNumbers() {
        #expect(CSVWriter.cell("=HYPERLINK(\"x\")", separator: ";") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVWriter.cell("+31 6", separator: ";") == "'+31 6")
        #expect(CSVWriter.cell("@SUM(A1)", separator: ",") == "'@SUM(A1)")
        #expect(CSVWriter.cell("-0,25", separator: ";") == "-0,25")
        #expect(CSVWriter.cell("a;b", separator: ";") == "\"a;b\"")
    }

    @Test func csvHasOneRowPerGroupInTheLanguagesConvention() {
        let nl = CompareCSV.render(Self.open, language: .nl).split(separator: "\r\n")
        #expect(nl.count == 1 + 2 + 5 + 3 + 5)
        #expect(nl[0].hasPrefix("dimension;group;participants"))
        #expect(nl[1].hasPrefix("gender;man;") && nl[1].contains(",") && !nl[1].contains("."))
        let en = CompareCSV.render(Self.open, language: .en).split(separator: "\r\n")
        #expect(en[1].hasPrefix("gender,man,"))
    }

    @Test func tableFitsOneHundredColumnsAndSaysWhoIsMissing() {
        for language in Language.allCases {
            let text = CompareText.render(Self.open, language: language)
            let tableLines = text.split(separator: "\n").filter { $0.contains("(") && $0.contains("–") }
            #expect(!tableLines.isEmpty)
            for line in tableLines { #expect(line.count <= 100, "\(line.count): \(line)") }
        }
        #expect(CompareText.render(Self.open, language: .nl).contains("Minder bereikt dan hun aandeel in de bevolking: mannen ("))
        #expect(CompareText.render(Self.open, language: .en).contains("Reached less than their share of the population: men ("))
    }

    @Test func markdownEscapesUserText() {
        #expect(Escape.markdown("a|b<script>") == "a\\|b\\<script\\>")
        #expect(CompareText.render(Self.open, language: .nl, markdown: true).contains("| mannen |"))
    }

    @Test func numbersFollowTheLanguage() {
        #expect(Language.nl.number(0.5, digits: 2) == "0,50" && Language.en.number(0.5, digits: 2) == "0.50")
        #expect(Language.nl.integer(1_234_567) == "1.234.567" && Language.en.integer(1234) == "1,234")
        #expect(Language.fromEnvironment(["LANG": "en_GB.UTF-8"]) == .en && Language.fromEnvironment([:]) == .nl)
    }
}
