import ArgumentParser
import BereikData
import Foundation

/// `bereik serve`: runs the program `bereik-serve` that lies beside `bereik`, with the arguments
/// after `serve` (its options and help are its own: `bereik serve --help`). The web server is a
/// program of its own because its library links FoundationNetworking, libcurl and about thirty
/// more shared libraries: loaded by every command, they cost 9 ms at each start (issue 15).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web page for project teams: drop the attendance file, pick the area, read who is missing (http://127.0.0.1:8080/). Options: bereik serve --help.")

    @Argument(parsing: .captureForPassthrough, help: "Options of the web page (see bereik serve --help).")
    var arguments: [String] = []

    func run() throws { try ServeProgram.run(arguments) }
}

enum ServeProgram {
    static let missing = Bilingual(
        en: "bereik serve runs the program bereik-serve, which is not beside bereik; build both with `swift build -c release` and keep them in one folder",
        nl: "bereik serve start het programma bereik-serve, dat niet naast bereik staat; bouw beide met `swift build -c release` en zet ze in één map")

    /// Replaces this process by `bereik-serve` with `arguments`; returns only by throwing.
    static func run(_ arguments: [String]) throws {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let program = me.deletingLastPathComponent().appendingPathComponent("bereik-serve").path
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw DataError(SourceLocation(file: program), missing)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) }
        argv.append(nil)
        execv(program, &argv)
        throw DataError(SourceLocation(file: program), DataMessages.cannotOpen(errno: errno))
    }
}
