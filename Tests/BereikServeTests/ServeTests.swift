import BereikData
import BereikPipeline
import BereikPublish
import BereikReport
@testable import BereikServe
import Foundation
import Testing

/// The page over HTTP, against a server in this process (its own port, temporary directory and log).
@Suite(.serialized) struct ServeTests {
    static let example = try! Data(contentsOf: URL(fileURLWithPath: Repo.example))

    @Test func thePageIsDutchWithSecureHeadersAndAToken() async throws {
        try await TestServer.with { s in
            let page = await s.get("/")
            #expect(page.status == 200)
            let csp = page.header("Content-Security-Policy") ?? ""
            #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("http"))
            #expect(page.header("X-Content-Type-Options") == "nosniff" && page.header("Referrer-Policy") == "no-referrer")
            #expect(page.header("Cache-Control") == "no-store" && page.header("X-Frame-Options") == "DENY")
            #expect(page.text.contains("<html lang=\"nl\">") && page.text.contains("Deelnemersbestand (CSV of Excel .xlsx)"))
            #expect(page.text.contains("name=\"csrf\" value=\"") && !page.text.contains("src=\"http") && !page.text.contains("href=\"http"))
            let english = await s.get("/?lang=en")
            #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("Attendance file (CSV or Excel .xlsx)"))
            let script = await s.get("/static/bereik.js")
            #expect(script.status == 200 && script.header("Content-Type")?.hasPrefix("text/javascript") == true && script.text.contains("XMLHttpRequest"))
            #expect(await s.get("/nergens").status == 404)
        }
    }

    @Test func theExampleGivesTheSameAnswerAsTheCLIAndLeavesNothingBehind() async throws {
        try await TestServer.with { s in
            let answer = await s.post(fields: ["gebied": "Amsterdam"], file: ("deelnemers_nieuw_west_2019.csv", Self.example))
            let url = answer.json["url"] as? String ?? ""
            #expect(answer.status == 200 && url.hasPrefix("/uitslag/"), "\(answer.text.prefix(300))")
            #expect(s.leftovers.isEmpty, "left in the temporary directory: \(s.leftovers)")
            let page = await s.get(url)
            #expect(page.status == 200 && page.header("Cache-Control") == "no-store")
            #expect(page.text.contains("Minder bereikt dan hun aandeel in de bevolking: mannen") && page.text.contains("Wie missen we, en waar?"))
            #expect(page.text.contains("id=\"download-uitslag-csv\"") && page.text.contains("<dd>deelnemer</dd>"))

            // The same request through the pipeline and publishing step as `bereik report`: the same CSV.
            var request = AnalysisRequest(attendance: Repo.example, referenceDate: .today)
            request.population = Repo.amsterdam2019
            request.ses = Repo.ses2019
            request.area = ["Amsterdam"]
            let published = Publisher.publish(try ReportPipeline.run(request, repetitions: 2_000), control: DisclosureControl(threshold: 5))
            let id = url.dropFirst("/uitslag/".count).prefix(32)
            let csv = await s.get("/uitslag/\(id)/uitslag.csv?lang=nl")
            #expect(csv.status == 200 && csv.header("Content-Disposition") == "attachment; filename=\"bereik-rapport.csv\"")
            #expect(csv.text == published.compare.render(.csv, language: .nl, version: "test"))
            #expect(csv.text.contains("gender;man;475;"))
            let json = await s.get("/uitslag/\(id)/uitslag.json")
            #expect(json.status == 200 && json.text.contains("\"persons\""))
            let report = await s.get("/uitslag/\(id)/rapport.html?lang=en")
            #expect(report.status == 200 && report.text.contains("<html lang=\"en\">") && report.text.contains("Content-Security-Policy"))
            // Nothing of the file in the log: no name, no id, no content; only method, path, status, sizes, time.
            let log = s.log.all.joined(separator: "\n")
            #expect(!log.contains("deelnemers") && !log.contains("D000001") && !log.contains("Wandelgroep") && !log.contains(String(id)))
            #expect(log.contains("POST /analyse 200"))
            #expect(await s.get("/uitslag/\(String(repeating: "0", count: 32))").text.contains("Deze uitslag bestaat niet meer"))
        }
    }

    @Test func withoutScriptTheFormPostsAndRedirectsToTheAnswer() async throws {
        try await TestServer.with { s in
            let answer = await s.post(fields: ["gebied": "WK036376, WK036377, WK036378, WK036386, WK036388", "van": "2019-01-01", "tot": "2019-12-31"],
                                      file: ("deelnemers.csv", Self.example), json: false)
            #expect(answer.status == 303)
            let location = answer.header("Location") ?? ""
            #expect(location.hasPrefix("/uitslag/"))
            #expect(await s.get(location).text.contains("Het initiatief bereikte"))
            #expect(s.leftovers.isEmpty)
        }
    }

    @Test func badUploadsGetOneDutchSentenceAndTheServerKeepsServing() async throws {
        try await TestServer.with { s in
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data((0..<2048).map { UInt8($0 % 256) })
            let cases: [(fields: [String: String], file: (String, Data)?, says: String)] = [
                (["gebied": "Amsterdam"], ("foto.png", png), "Het bestand 'foto.png' is geen CSV- of Excelbestand"),
                (["gebied": "Amsterdam"], ("leeg.csv", Data()), "Het bestand 'leeg.csv' is leeg"),
                (["gebied": "Amsterdam"], nil, "Kies eerst een deelnemersbestand"),
                (["gebied": ""], ("deelnemers.csv", Self.example), "Kies een gebied"),
                (["gebied": "Amsterdam", "van": "31-02-2019x"], ("deelnemers.csv", Self.example), "'31-02-2019x' is geen datum"),
                (["gebied": "Amsterdam", "van": "2019-12-01", "tot": "2019-01-01"], ("deelnemers.csv", Self.example), "ligt na de einddatum"),
                (["gebied": "Atlantis"], ("deelnemers.csv", Self.example), "Atlantis"),
                (["gebied": "Amsterdam"], ("oud.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))), ".xls"),
            ]
            for c in cases {
                let json = await s.post(fields: c.fields, file: c.file)
                let message = json.json["message"] as? String ?? ""
                #expect(json.status == 200 && message.contains(c.says), "\(c.says): \(json.text.prefix(400))")
                #expect(!message.contains("Error") && !message.contains("Swift") && !message.contains("/tmp/"), "\(message)")
                // Without the script: the form again, with the sentence, and a 4xx status.
                let html = await s.post(fields: c.fields, file: c.file, json: false)
                #expect((400..<500).contains(html.status) && html.text.contains(htmlEscape(c.says)) && html.text.contains("<form id=\"formulier\""),
                        "\(c.says): \(html.status)")
            }
            #expect(s.leftovers.isEmpty, "left in the temporary directory: \(s.leftovers)")
            #expect(await s.get("/gezond").text == "ok\n")
        }
    }

    @Test func unrecognisedColumnsCanBeChosenOnThePage() async throws {
        try await TestServer.with { s in
            var text = String(decoding: Self.example, as: UTF8.self)
            text = text.replacingOccurrences(of: "deelnemer;datum", with: "Wie;datum")
            let renamed = Data(text.utf8)
            let first = await s.post(fields: ["gebied": "Amsterdam"], file: ("andere.csv", renamed))
            #expect((first.json["message"] as? String ?? "").contains("geen kolom met deelnemers gevonden"))
            let columns = first.json["columns"] as? String ?? ""
            #expect(columns.contains("<select id=\"kolom-person\" name=\"kolom_person\">") && columns.contains("<option value=\"Wie\">Wie</option>"))
            #expect(columns.contains("<option value=\"geslacht\" selected>"), "recognised columns are preselected")
            let second = await s.post(fields: ["gebied": "Amsterdam", "kolom_person": "Wie"], file: ("andere.csv", renamed))
            #expect((second.json["url"] as? String)?.hasPrefix("/uitslag/") == true, "\(second.text.prefix(300))")
            let wrong = await s.post(fields: ["gebied": "Amsterdam", "kolom_person": "Bestaat niet"], file: ("andere.csv", renamed))
            #expect((wrong.json["message"] as? String ?? "").contains("Bestaat niet"))
            #expect(s.leftovers.isEmpty)
        }
    }

    @Test func tooLargeIsRefusedWithTheLimitInTheSentence() async throws {
        try await TestServer.with({ $0.maxUploadBytes = 1024 * 1024 }) { s in
            let big = Data(repeating: UInt8(ascii: "a"), count: 3 * 1024 * 1024)
            let json = await s.post(fields: ["gebied": "Amsterdam"], file: ("groot.csv", big))
            #expect((json.json["message"] as? String ?? "").contains("groter dan 1 MB"), "\(json.status) \(json.text.prefix(200))")
            let html = await s.post(fields: ["gebied": "Amsterdam"], file: ("groot.csv", big), json: false)
            #expect(html.status == 413 && html.text.contains("groter dan 1 MB"))
            // Just over the limit inside the form (the Content-Length allows for the fields): the streamed count stops it.
            let over = Data(repeating: UInt8(ascii: "a"), count: 1024 * 1024 + 10)
            let streamed = await s.post(fields: ["gebied": "Amsterdam"], file: ("net-te-groot.csv", over), json: false)
            #expect(streamed.status == 413 && streamed.text.contains("groter dan 1 MB"))
            let health = await s.get("/gezond")
            #expect(s.leftovers.isEmpty && health.status == 200)
        }
    }

    @Test func forgedPostsAreRefused() async throws {
        try await TestServer.with { s in
            let file = ("deelnemers.csv", Self.example)
            let noToken = await s.post(fields: ["gebied": "Amsterdam", "csrf": ""], file: file, json: false)
            #expect(noToken.status == 403 && noToken.text.contains("Het formulier is verlopen"))
            let forged = await s.post(fields: ["gebied": "Amsterdam"], file: file, json: false, token: "1.\(String(repeating: "ab", count: 32))")
            #expect(forged.status == 403)
            let elsewhere = await s.post(fields: ["gebied": "Amsterdam"], file: file, json: false, origin: "http://evil.example")
            #expect(elsewhere.status == 403 && elsewhere.text.contains("Het formulier is verlopen"))
            let rebound = await s.get("/", headers: ["Host": "evil.example"])
            #expect(rebound.status == 421)
            #expect(s.leftovers.isEmpty && !s.log.all.isEmpty)
        }
    }

    @Test func aFullServerSaysBusyAndASlowAnalysisTimesOut() async throws {
        try await TestServer.with({ $0.maxAnalyses = 1; $0.maxWaiting = 0; $0.repetitions = 100_000 }) { s in
            let token = await s.token()
            async let first = s.post(fields: ["gebied": "Amsterdam"], file: ("a.csv", Self.example), token: token)
            try await Task.sleep(nanoseconds: 700_000_000)
            let second = await s.post(fields: ["gebied": "Amsterdam"], file: ("b.csv", Self.example), token: token)
            let answers = [await first, second]
            // One ran, the other was told to come back (which one depends on the machine's load).
            let busy = answers.filter { $0.json["status"] as? Int == 503 && ($0.json["message"] as? String ?? "").contains("Bereik is nu bezig") }
            #expect(busy.count == 1 && answers.filter { $0.json["url"] != nil }.count == 1, "\(answers.map(\.text))")

        }
        try await TestServer.with({ $0.timeout = 1; $0.repetitions = 100_000 }) { slow in
            let late = await slow.post(fields: ["gebied": "Amsterdam"], file: ("a.csv", Self.example), json: false)
            #expect(late.status == 504 && late.text.contains("duurde langer dan 1 seconden"))
            // The work finishes in the background; then its directory is gone too.
            for _ in 0..<300 where !slow.leftovers.isEmpty { try await Task.sleep(nanoseconds: 100_000_000) }
            #expect(slow.leftovers.isEmpty)
            #expect(await slow.get("/gezond").status == 200)
        }
    }
}

/// The parts without a server.
struct ServePartsTests {
    @Test(arguments: [1, 2, 3, 7, 64, 1000, 100_000])
    func multipartGivesFieldsAndFileWhateverTheChunks(_ chunk: Int) throws {
        let dir = Repo.temporaryDirectory("multipart")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = Data("a;b\r\n--x\r\n\r\n--boundar;\r\n".utf8) + Data((0..<5000).map { UInt8($0 % 251) })
        var body = Data("preamble\r\n--boundary\r\nContent-Disposition: form-data; name=\"gebied\"\r\n\r\nSloten \"Oost\"\r\n".utf8)
        body += Data("--boundary\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"C:\\\\map\\\\lijst.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += content + Data("\r\n--boundary--\r\nepilogue".utf8)
        var parser = MultipartParser(boundary: "boundary", maxFileBytes: 10_000) { dir.appendingPathComponent($0) }
        var i = 0
        while i < body.count { try parser.feed(body[i..<min(i + chunk, body.count)]); i += chunk }
        try parser.finish()
        #expect(parser.fields["gebied"] == "Sloten \"Oost\"")
        #expect(parser.file?.filename == "lijst.csv" && parser.file?.size == content.count)
        #expect(try Data(contentsOf: parser.file!.url) == content)
    }

    @Test func multipartRefusesWhatIsNotAForm() throws {
        let dir = Repo.temporaryDirectory("multipart")
        defer { try? FileManager.default.removeItem(at: dir) }
        var unfinished = MultipartParser(boundary: "b", maxFileBytes: 100) { dir.appendingPathComponent($0) }
        try unfinished.feed(Data("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue".utf8))
        #expect(throws: MultipartParser.Problem.malformed) { try unfinished.finish() }
        var large = MultipartParser(boundary: "b", maxFileBytes: 10) { dir.appendingPathComponent($0) }
        #expect(throws: MultipartParser.Problem.tooLarge) {
            try large.feed(Data("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.csv\"\r\n\r\n".utf8) + Data(repeating: 65, count: 100))
        }
        #expect(MultipartParser.boundary(contentType: "multipart/form-data; boundary=\"abc def\"") == "abc def")
        #expect(MultipartParser.boundary(contentType: "application/json") == nil)
    }

    @Test func csrfTokensAreSignedAndExpire() {
        let tokens = CSRFTokens(lifetime: 3600), other = CSRFTokens()
        let now = Date()
        let token = tokens.token(now: now)
        #expect(tokens.isValid(token, now: now) && tokens.isValid(token, now: now.addingTimeInterval(3000)))
        #expect(!tokens.isValid(token, now: now.addingTimeInterval(4000)))
        #expect(!other.isValid(token, now: now), "another process's secret")
        #expect(!tokens.isValid(nil) && !tokens.isValid("") && !tokens.isValid(token.replacingOccurrences(of: ".", with: ".0")))
        let stamp = token.split(separator: ".")[0]
        #expect(!tokens.isValid("\(Int(stamp)! + 1).\(token.split(separator: ".")[1])"), "the time is signed")
        // HMAC-SHA-256 known answer (RFC 4231, test case 2).
        #expect(hex(CSRFTokens.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hostAndOriginChecks() {
        let loopback = RequestGuard(loopbackOnly: true), open = RequestGuard(loopbackOnly: false)
        #expect(loopback.hostAllowed("127.0.0.1:8080") && loopback.hostAllowed("localhost:8080") && loopback.hostAllowed("[::1]:8080"))
        #expect(!loopback.hostAllowed("evil.example") && !loopback.hostAllowed("localhost.evil.example:8080") && !loopback.hostAllowed(nil))
        #expect(open.hostAllowed("bereik.ggd.intern") && !loopback.hostAllowed("bereik.ggd.intern"))
        #expect(RequestGuard(loopbackOnly: true, allowedHosts: ["Bereik.GGD.intern"]).hostAllowed("bereik.ggd.intern"))
        #expect(loopback.sameOrigin(origin: "http://127.0.0.1:8080", referer: nil, host: "127.0.0.1:8080"))
        #expect(loopback.sameOrigin(origin: "https://bereik.ggd.intern", referer: nil, host: "bereik.ggd.intern"))
        #expect(!loopback.sameOrigin(origin: "http://evil.example", referer: nil, host: "127.0.0.1:8080"))
        #expect(!loopback.sameOrigin(origin: "null", referer: nil, host: "127.0.0.1:8080"))
        #expect(!loopback.sameOrigin(origin: nil, referer: "http://evil.example/page", host: "127.0.0.1:8080"))
    }

    @Test func areaFieldAndFileNames() {
        #expect(Analysis.areaCodes("Slotervaart-Noord (WK0363FL)") == ["WK0363FL"])
        #expect(Analysis.areaCodes(" GM0363 , Centrum (Utrecht) ") == ["GM0363", "Centrum (Utrecht)"])
        #expect(Analysis.areaCodes(" , ") == [])
        let unsafe = Handler.safeFileName("../../etc/passwd")
        #expect(!unsafe.contains("/") && !unsafe.hasPrefix(".") && unsafe.hasSuffix("etc_passwd"))
        #expect(Handler.safeFileName("..") == "deelnemers" && Handler.safeFileName("lijst 2024.xlsx") == "lijst_2024.xlsx")
        #expect(Handler.loggedPath("/uitslag/0123456789abcdef0123456789abcdef/uitslag.csv") == "/uitslag/…/uitslag.csv")
        #expect(Handler.loggedPath("/deelnemers.csv") == "(other)")
    }

    @Test func theLimiterLetsNRunAndMWait() async {
        let limiter = AnalysisLimiter(maxRunning: 1, maxWaiting: 1)
        let a = await limiter.admit(), b = await limiter.admit(), c = await limiter.admit()
        #expect(a && b && !c)
        #expect(await limiter.acquire(timeout: 1))
        let gaveUp = await limiter.acquire(timeout: 0.2)
        #expect(!gaveUp, "the second waits, then gives up")
        #expect(await limiter.admit(), "its place came free")
        async let waiting = limiter.acquire(timeout: 5)
        try? await Task.sleep(nanoseconds: 100_000_000)
        await limiter.release()
        #expect(await waiting)
        await limiter.release()
        #expect(await limiter.running == 0)
    }

    @Test func anotherHostIsWarnedAboutInTheLog() {
        var configuration = ServeConfiguration(version: "test")
        #expect(BereikServer.startupLines(configuration, port: 8080) == [
            "bereik serve luistert op http://127.0.0.1:8080/",
            "grenzen: bestanden tot 200 MB, 2 analyses tegelijk, 600 seconden per analyse; het log bevat geen bestandsnamen, inhoud of personen"])
        configuration.host = "0.0.0.0"
        configuration.language = .en
        let lines = BereikServer.startupLines(configuration, port: 8080)
        #expect(lines.count == 3 && lines[1].hasPrefix("NOTE: bereik serve can be reached from other computers (0.0.0.0)") && lines[1].contains("no users or passwords"))
    }

    @Test func everyWordExistsInBothLanguages() {
        for w in [ServeWords.dutch, ServeWords.english] {
            #expect(Set(w.roleNames.keys) == Set(AttendanceRole.allCases.map(\.rawValue)))
            #expect(!w.busy.isEmpty && !w.tooLarge("200").isEmpty)
        }
        #expect(ServeWords.dutch.busy != ServeWords.english.busy)
    }
}
