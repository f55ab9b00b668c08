import Foundation

/// Encodes any `Encodable` straight into a `FactValue` tree (no JSON text in between), with capdo's
/// date format. The rules engine turns every snapshot into a tree this way.
///
/// Reference path: `CodecReference.tree` (JSON text from `SnapshotCodec`'s encoder, decoded again);
/// `SnapshotReaderDifferentialTests` holds the two to the same tree.
struct FactValueEncoder {
    func encode<T: Encodable>(_ value: T) throws -> FactValue {
        let encoder = TreeEncoder(codingPath: [])
        try encoder.encodeValue(value)
        return encoder.storage.value
    }
}

/// A mutable node under construction; object and array nodes are filled by their containers.
private final class Node {
    enum Kind {
        case empty
        case scalar(FactValue)
        case array([Node])
        case object([String: Node])
    }

    var kind: Kind = .empty

    var value: FactValue {
        switch kind {
        case .empty: return .null
        case .scalar(let value): return value
        case .array(let items): return .array(items.map(\.value))
        case .object(let members): return .object(members.mapValues(\.value))
        }
    }
}

private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let storage: Node

    init(codingPath: [any CodingKey], storage: Node = Node()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func encodeValue<T: Encodable>(_ value: T) throws {
        if let date = value as? Date {
            storage.kind = .scalar(.string(CapdoDate.iso8601(date)))
        } else if let fact = value as? FactValue {
            storage.kind = .scalar(fact)
        } else {
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.kind {} else { storage.kind = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.kind {} else { storage.kind = .array([]) }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    func child(_ key: any CodingKey) -> TreeEncoder {
        TreeEncoder(codingPath: codingPath + [key])
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ key: Key, _ node: Node) {
        guard case .object(var members) = encoder.storage.kind else { return }
        // Emptied first, so `members` is the only reference and is changed in place: otherwise every member
        // copied the whole dictionary (quadratic in the members of one object).
        encoder.storage.kind = .empty
        members[key.stringValue] = node
        encoder.storage.kind = .object(members)
    }

    private func scalar(_ key: Key, _ value: FactValue) {
        let node = Node()
        node.kind = .scalar(value)
        set(key, node)
    }

    mutating func encodeNil(forKey key: Key) throws { scalar(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { scalar(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { scalar(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { scalar(key, .number(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { scalar(key, .number(Double(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { scalar(key, .number(Double(value))) }

    /// `encodeIfPresent` skips nil as JSONEncoder does, so absent optionals stay absent in the tree.
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = encoder.child(key)
        try child.encodeValue(value)
        set(key, child.storage)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = encoder.child(key)
        set(key, child.storage)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = encoder.child(key)
        set(key, child.storage)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = encoder.child(key)
        set(key, child.storage)
        return child
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, ScalarEncoding {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        if case .array(let items) = encoder.storage.kind { return items.count }
        return 0
    }

    private func append(_ node: Node) {
        guard case .array(var items) = encoder.storage.kind else { return }
        // Emptied first, so `items` is the only reference and grows in place: otherwise every element copied the
        // whole array (quadratic in the elements of one array).
        encoder.storage.kind = .empty
        items.append(node)
        encoder.storage.kind = .array(items)
    }

    func scalar(_ value: FactValue) {
        let node = Node()
        node.kind = .scalar(value)
        append(node)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = encoder.child(IndexKey(count))
        try child.encodeValue(value)
        append(child.storage)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let child = encoder.child(IndexKey(count))
        append(child.storage)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = encoder.child(IndexKey(count))
        append(child.storage)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoder.child(IndexKey(count))
        append(child.storage)
        return child
    }
}

private struct SingleContainer: SingleValueEncodingContainer, ScalarEncoding {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func scalar(_ value: FactValue) { encoder.storage.kind = .scalar(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.encodeValue(value)
    }
}

/// The scalar `encode` methods the unkeyed and single-value containers share: each stores one `FactValue`.
private protocol ScalarEncoding {
    func scalar(_ value: FactValue)
}

extension ScalarEncoding {
    mutating func encodeNil() throws { scalar(.null) }
    mutating func encode(_ value: Bool) throws { scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { scalar(.number(value)) }
    mutating func encode(_ value: Float) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: Int8) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: Int16) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: Int32) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: Int64) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: UInt) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: UInt8) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: UInt16) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: UInt32) throws { scalar(.number(Double(value))) }
    mutating func encode(_ value: UInt64) throws { scalar(.number(Double(value))) }
}
