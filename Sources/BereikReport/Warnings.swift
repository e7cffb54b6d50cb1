import BereikPipeline

/// The warnings of a run (`RunNote.isWarning`) as the first lines of a text or Markdown output.
enum Warnings {
    static func block(_ notes: [RunNote], _ language: Language, markdown: Bool) -> String {
        let lines = language.warnings(notes)
        guard !lines.isEmpty else { return "" }
        return lines.map { markdown ? "> **" + Escape.markdown($0) + "**\n" : Escape.terminal($0) + "\n" }
            .joined(separator: markdown ? ">\n" : "") + "\n"
    }
}
