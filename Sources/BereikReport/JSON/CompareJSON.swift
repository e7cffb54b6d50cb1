import BereikPublish

/// `bereik compare --format json`: schema `bereik.compare/2`, documented in docs/json-schema.md;
/// the document's types are in `JSON/`.
public enum CompareJSON {
    public static let schema = "bereik.compare/2"

    public static func render(_ result: PublishedCompare, version: String) -> String {
        CompareDocument.render(result, version: version)
    }
}
