/// The output formats of the analysis commands.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

/// A published result that renders in every format: one switch for every command.
public protocol Renderable {
    func render(_ format: OutputFormat, language: Language, version: String) -> String
}

extension PublishedCompare: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        switch format {
        case .table: return CompareText.render(self, language: language)
        case .markdown: return CompareText.render(self, language: language, markdown: true)
        case .csv: return CompareCSV.render(self, language: language)
        case .json: return CompareJSON.render(self, version: version)
        }
    }
}

extension PublishedUnits: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        switch format {
        case .table: return HeterogeneityRenderer.text(self, language: language)
        case .markdown: return HeterogeneityRenderer.text(self, language: language, markdown: true)
        case .csv: return HeterogeneityRenderer.csv(self, language: language)
        case .json: return HeterogeneityRenderer.json(self, version: version)
        }
    }
}

extension PublishedActivities: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        switch format {
        case .table: return HeterogeneityRenderer.text(self, language: language)
        case .markdown: return HeterogeneityRenderer.text(self, language: language, markdown: true)
        case .csv: return HeterogeneityRenderer.csv(self, language: language)
        case .json: return HeterogeneityRenderer.json(self, version: version)
        }
    }
}

extension PublishedGradient: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        switch format {
        case .table: return GradientRenderer.text(self, language: language)
        case .markdown: return GradientRenderer.text(self, language: language, markdown: true)
        case .csv: return GradientRenderer.csv(self, language: language)
        case .json: return GradientRenderer.json(self, version: version)
        }
    }
}

extension PublishedTrend: Renderable {
    public func render(_ format: OutputFormat, language: Language, version: String) -> String {
        switch format {
        case .table: return TrendRenderer.text(self, language: language)
        case .markdown: return TrendRenderer.text(self, language: language, markdown: true)
        case .csv: return TrendRenderer.csv(self, language: language)
        case .json: return TrendRenderer.json(self, version: version)
        }
    }
}
