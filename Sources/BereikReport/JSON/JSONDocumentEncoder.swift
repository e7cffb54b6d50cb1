/// Encodes the schema types (`CompareDocument`, `UnitsDocument`, …) into a `JSONValue`, keeping
/// keys in declaration order so output stays stable and diffable.
///
/// Written here rather than using Foundation's `JSONEncoder` because that encoder either sorts
/// keys or emits them in hash order, and drops `nil` optionals; our schemas promise documented key
/// order and `null` for a value that does not exist. Three rules:
/// - property names are written in snake_case (`rowsUsed` → `rows_used`), except the keys of a
///   `JSONObject`, which are data (categories, reasons) and are written verbatim;
/// - a `nil` optional is written as `null`, never omitted;
/// - an `Omittable` property without a value is left out (`suppressed` only under disclosure control).
public enum JSONDocumentEncoder {
    public static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }

    /// The document as pretty-printed text with a final newline.
    public static func render(_ value: some Encodable) -> String {
        do { return try encode(value).rendered() + "\n" } catch {
            // Only reachable through a custom `encode(to:)` that throws; the schema types never do.
            preconditionFailure("JSON document could not be encoded: \(error)")
        }
    }

    static func snakeCase(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}

/// An object whose keys are data, written in the given order and verbatim.
public struct JSONObject<Value: Encodable>: Encodable {
    public var pairs: [(String, Value)]
    public init(_ pairs: [(String, Value)]) { self.pairs = pairs }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: VerbatimKey.self)
        for (key, value) in pairs { try c.encode(value, forKey: VerbatimKey(stringValue: key)) }
    }
}

/// A key that is present only when it has a value.
public struct Omittable<Wrapped: Encodable>: Encodable, OmittableValue {
    public let value: Wrapped?
    public init(_ value: Wrapped?) { self.value = value }
    var isOmitted: Bool { value == nil }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encodeNil() }
    }
}

protocol OmittableValue { var isOmitted: Bool { get } }

struct VerbatimKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// A value under construction: a scalar, or an object or array that containers append to. The
/// members are stored in place, so appending is amortised O(1) (an array of 14,000 buurten must
/// not be copied once per unit).
final class Node {
    enum Kind { case unset, scalar, object, array }
    var kind = Kind.unset
    var scalar = JSONValue.null
    var pairs: [(String, Node)] = []
    var items: [Node] = []

    var value: JSONValue {
        switch kind {
        case .unset: return .null
        case .scalar: return scalar
        case .object: return .object(pairs.map { ($0.0, $0.1.value) })
        case .array: return .array(items.map(\.value))
        }
    }

    func setScalar(_ v: JSONValue) {
        kind = .scalar
        scalar = v
    }

    /// The node for `key`, replacing an earlier one of the same key.
    func appendKey(_ key: String) -> Node {
        makeObject()
        let child = Node()
        if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = child } else { pairs.append((key, child)) }
        return child
    }

    func makeObject() { if kind != .object { kind = .object; pairs = [] } }
    func makeArray() { if kind != .array { kind = .array; items = [] } }

    func appendItem() -> Node {
        makeArray()
        let child = Node()
        items.append(child)
        return child
    }

    var count: Int { kind == .array ? items.count : 0 }
}

struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }
}

/// Scalars shared by the three container kinds.
extension Node {
    func set(_ value: some Encodable, codingPath: [CodingKey]) throws {
        switch value {
        case let v as Bool: setScalar(.bool(v))
        case let v as Int: setScalar(.integer(v))
        case let v as Double: setScalar(v.isFinite ? .number(v) : .null)
        case let v as String: setScalar(.string(v))
        default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [CodingKey]

    func name(_ key: Key) -> String { key is VerbatimKey ? key.stringValue : JSONDocumentEncoder.snakeCase(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { node.appendKey(name(key)).setScalar(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let o = value as? OmittableValue, o.isOmitted { return }
        try node.appendKey(name(key)).set(value, codingPath: codingPath + [key])
    }

    // A missing optional is `null`, not an absent key (the synthesised `encode(to:)` calls these;
    // the protocol has an overload per primitive, so each must say it).
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOrNull(value, key) }

    private mutating func encodeOrNull<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendKey(name(key))
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = node.appendKey(name(key))
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { NodeEncoder(node: node.appendKey(name(key)), codingPath: codingPath + [key]) }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendItem().setScalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.appendItem().set(value, codingPath: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendItem()
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = node.appendItem()
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(node: node.appendItem(), codingPath: codingPath) }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [CodingKey]
    mutating func encodeNil() throws { node.setScalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.set(value, codingPath: codingPath) }
}
