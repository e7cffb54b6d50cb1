/// The output formats of the analysis commands.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

/// A published result that renders in every format: one switch for every command.
public protocol Renderable {
    func render(_ format: OutputFormat, language: Language, version: String) -> String
}

/// The one format switch: text and Markdown share a renderer, CSV and JSON have their own.
func render<T>(_ value: T, _ format: OutputFormat, language: Language, version: String,
               text: (T, Language, Bool) -> String, csv: (T, Language) -> String, json: (T, String) -> String) -> String {
    switch format {
    case .table: return text(value, language, false)
    case .markdown: return text(value, language, true)
    case .csv: return csv(value, language)
    case .json: return json(value, version)
    }
}

extension PublishedCompare: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { CompareText.render($0, language: $1, markdown: $2) },
                            csv: { CompareCSV.render($0, language: $1) }, json: { CompareJSON.render($0, version: $1) })
    }
}

extension PublishedUnits: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { HeterogeneityRenderer.text($0, language: $1, markdown: $2) },
                            csv: { HeterogeneityRenderer.csv($0, language: $1) }, json: { HeterogeneityRenderer.json($0, version: $1) })
    }
}

extension PublishedActivities: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { HeterogeneityRenderer.text($0, language: $1, markdown: $2) },
                            csv: { HeterogeneityRenderer.csv($0, language: $1) }, json: { HeterogeneityRenderer.json($0, version: $1) })
    }
}

extension PublishedGradient: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { GradientRenderer.text($0, language: $1, markdown: $2) },
                            csv: { GradientRenderer.csv($0, language: $1) }, json: { GradientRenderer.json($0, version: $1) })
    }
}

extension PublishedTrend: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        BereikReport.render(self, format, language: language, version: version, text: { TrendRenderer.text($0, language: $1, markdown: $2) },
                            csv: { TrendRenderer.csv($0, language: $1) }, json: { TrendRenderer.json($0, version: $1) })
    }
}
