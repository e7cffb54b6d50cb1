import BereikData
import BereikPipeline
import BereikStats
import Foundation

extension Language {
    /// The one sentence for a data problem in this language, or nil when the error is not one
    /// (then the caller decides: a usage error, or something unexpected). The CLI prints it on
    /// stderr (`Diagnostics`); `bereik serve` shows it on the page.
    public func sentence(for error: Error) -> String? {
        switch error {
        case let e as InputProblem: return message(e)
        case let e as AreaNameProblem: return message(e)
        case let e as ModelProblem: return message(e)
        case let e as ActivityProblem: return message(e)
        case let e as PeriodProblem: return message(e)
        case let e as RoleProblem: return message(e)
        case let e as MapProblem: return message(e)
        case let e as DataError: return e.text(dutch: self == .nl)
        case let e as StatsError: return "\(e)"
        case let e as CocoaError:
            let path = e.userInfo[NSFilePathErrorKey] as? String ?? "?"
            let reason = (e.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) } ?? e.localizedDescription
            return self == .nl ? "\(path): kan het bestand niet lezen (\(reason))" : "\(path): cannot read the file (\(reason))"
        default: return nil
        }
    }
}
