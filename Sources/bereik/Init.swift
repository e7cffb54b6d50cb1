import ArgumentParser
import BereikData
import BereikPipeline
import Foundation

/// `bereik init`: writes a commented project file to fill in.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented bereik.toml project template.")

    @Argument(help: "Where to write it.") var path: String = "bereik.toml"
    @Flag(name: .long, help: "Overwrite an existing file.") var force = false

    func run() throws {
        if FileManager.default.fileExists(atPath: path) && !force {
            throw DataError(SourceLocation(file: path), "the file exists already; use --force to overwrite it")
        }
        try OutputFile.write(ProjectFile.template, to: path)
        FileHandle.standardError.write(Data("wrote \(path): fill in the inputs and area, then run `bereik report \(path)`\n".utf8))
    }
}
