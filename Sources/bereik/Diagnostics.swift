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
    static func language(in arguments: [String]) -> Language? { Language.flag(in: arguments) }

    /// The project's language counts unless `--lang` was given.
    static func adopt(project: ProjectFile?, flag: Language?) {
        if flag == nil, let l = project?.language.flatMap(Language.init(rawValue:)) { language = l }
    }

    /// The sentence for a data problem, or nil when the error is not one.
    static func message(_ error: Error) -> String? {
        language.sentence(for: error)
    }
}
