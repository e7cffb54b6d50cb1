import Foundation
import Testing

/// Project values are defaults and flags override them — one case per setting. Each case names
/// the project line, the flag, and how the JSON output shows the project's value and the flag's.
@Suite struct ProjectSettingTests {
    struct Setting: Sendable, CustomTestStringConvertible {
        let key: String, section: String, projectValue: String, flag: [String], fromProject: String, fromFlag: String
        var testDescription: String { "\(section).\(key)" }
    }

    static let settings: [Setting] = [
        .init(key: "confidence", section: "analysis", projectValue: "0.9", flag: ["--confidence", "0.8"],
              fromProject: "\"confidence\": 0.9,", fromFlag: "\"confidence\": 0.8,"),
        .init(key: "adjustment", section: "analysis", projectValue: "\"bh\"", flag: ["--adjustment", "none"],
              fromProject: "\"adjustment\": \"bh\"", fromFlag: "\"adjustment\": \"none\""),
        .init(key: "interval", section: "analysis", projectValue: "\"clopper-pearson\"", flag: ["--interval", "wilson"],
              fromProject: "\"reach_interval\": \"clopper-pearson\"", fromFlag: "\"reach_interval\": \"wilson\""),
        .init(key: "funnel", section: "analysis", projectValue: "\"normal\"", flag: ["--funnel", "exact"],
              fromProject: "\"funnel\": \"normal\"", fromFlag: "\"funnel\": \"exact\""),
        .init(key: "ses_groups", section: "analysis", projectValue: "4", flag: ["--ses-groups", "3"],
              fromProject: "\"ses_groups\": 4", fromFlag: "\"ses_groups\": 3"),
        .init(key: "seed", section: "analysis", projectValue: "7", flag: ["--seed", "3"],
              fromProject: "\"seed\": 7", fromFlag: "\"seed\": 3"),
        .init(key: "draws", section: "analysis", projectValue: "500", flag: ["--draws", "600"],
              fromProject: "\"draws\": 500", fromFlag: "\"draws\": 600"),
        .init(key: "from", section: "area", projectValue: "\"2019-03-01\"", flag: ["--from", "2019-04-01"],
              fromProject: "\"from\": \"2019-03-01\"", fromFlag: "\"from\": \"2019-04-01\""),
        .init(key: "to", section: "area", projectValue: "\"2019-10-01\"", flag: ["--to", "2019-11-01"],
              fromProject: "\"to\": \"2019-10-01\"", fromFlag: "\"to\": \"2019-11-01\""),
        .init(key: "codes", section: "area", projectValue: "[\"WK036377\"]", flag: ["--area", "WK036378"],
              fromProject: "\"WK036377\"", fromFlag: "\"WK036378\""),
        .init(key: "dimensions", section: "analysis", projectValue: "[\"gender\"]", flag: ["--by", "age"],
              fromProject: "\"dimension\": \"gender\"", fromFlag: "\"dimension\": \"age\""),
    ]

    @Test(arguments: ProjectSettingTests.settings)
    func aFlagOverridesTheProjectValue(_ s: Setting) throws {
        let path = Repo.temporary("setting.toml")
        let other = s.section == "area" && s.key != "codes" ? "codes = [\"WK036376\"]\n" : ""
        var text = "[inputs]\nattendance = \"\(Repo.example)\"\npopulation = \"\(Repo.amsterdam2019)\"\nses = \"\(Repo.ses2019)\"\n"
        if s.section == "area" {
            text += "[area]\n\(other)\(s.key) = \(s.projectValue)\n"
        } else {
            text += "[area]\ncodes = [\"WK036376\"]\n[analysis]\n\(s.key) = \(s.projectValue)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try runBereik(["compare", "--project", path, "--format", "json"])
        #expect(plain.code == 0 && plain.out.contains(s.fromProject), "project value not used: \(plain.err)")
        let flagged = try runBereik(["compare", "--project", path, "--format", "json"] + s.flag)
        #expect(flagged.code == 0 && flagged.out.contains(s.fromFlag) && !flagged.out.contains(s.fromProject), "flag did not override: \(flagged.err)")
    }
}
