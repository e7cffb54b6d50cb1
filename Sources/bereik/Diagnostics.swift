import BereikData
import BereikPipeline
import BereikReport
import BereikStats
import Foundation

/// How errors reach a person: one line on stderr, in the output language (`--lang`, else the
/// project's `language`, else the locale), with exit 1 for data problems and 2 for usage errors.
enum Diagnostics {
    /// The language of error messages. Set from the command line before parsing (so a usage error
    /// is worded too) and again when a project file names its language.
    nonisolated(unsafe) static var language: Language = .fromEnvironment()

    /// `--lang nl`, `--lang=en` anywhere on the command line.
    static func language(in arguments: [String]) -> Language? {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) }
            if a.hasPrefix("--lang=") { return Language(rawValue: String(a.dropFirst(7))) }
        }
        return nil
    }

    /// The project's language counts unless `--lang` was given.
    static func adopt(project: ProjectFile?, flag: Language?) {
        if flag == nil, let l = project?.language.flatMap(Language.init(rawValue:)) { language = l }
    }

    /// The sentence for a data problem, or nil when the error is not one.
    static func message(_ error: Error) -> String? {
        switch error {
        case let e as InputProblem: return language.message(e)
        case let e as AreaNameProblem: return language.message(e)
        case let e as ModelProblem: return language.message(e)
        case let e as ActivityProblem: return language.message(e)
        case let e as PeriodProblem: return language.message(e)
        case let e as RoleProblem: return language.message(e)
        case let e as MapProblem: return language.message(e)
        case let e as DataError: return e.text(dutch: language == .nl)
        case let e as StatsError: return "\(e)"
        case let e as CocoaError:
            let path = e.userInfo[NSFilePathErrorKey] as? String ?? "?"
            let reason = (e.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) } ?? e.localizedDescription
            return language == .nl ? "\(path): kan het bestand niet lezen (\(reason))" : "\(path): cannot read the file (\(reason))"
        default: return nil
        }
    }
}
