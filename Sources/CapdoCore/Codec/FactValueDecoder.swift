import Foundation

/// Decodes any `Decodable` from a `FactValue` tree, with `JSONDecoder`'s rules and capdo's date format (the inverse
/// of `FactValueEncoder`). `capdo evaluate` parses a snapshot once into a tree and decodes the typed snapshot from it.
///
/// It also notes whether the tree is exactly what `FactValueEncoder` would make of the decoded value again
/// (`isCanonical`): no member the types do not know, no explicit `null` where a member may be absent, every date in
/// capdo's own format. When it is, the parsed tree can serve as the facts without encoding the snapshot again.
///
/// Reference path: `JSONDecoder` with `SnapshotCodec.decoder()`'s settings (`CodecReference.snapshot`).
public struct FactValueDecoder {
    public init() {}

    /// The decoded value, and whether `tree` is canonical for it.
    public func decode<T: Decodable>(_ type: T.Type, from tree: FactValue) throws -> (value: T, isCanonical: Bool) {
        try decode(type, from: tree, spans: nil, memo: nil)
    }

    /// `decode`, taking each top-level member decoded earlier from the same bytes (`spans`) from `memo`.
    func decode<T: Decodable>(_ type: T.Type, from tree: FactValue, spans: FactSpans?, memo: SectionMemo?) throws -> (
        value: T, isCanonical: Bool
    ) {
        let state = DecodingState()
        if let spans, let memo { state.sections = (spans, memo) }
        let value = try TreeDecoder(value: tree, path: nil, state: state).decodeValue(type)
        return (value, state.isCanonical)
    }
}

/// What one decoding run learns about the tree; one per run, used from one thread.
final class DecodingState {
    var isCanonical = true
    /// Where the top-level members lie in the bytes, and the members decoded earlier (`SectionMemo`).
    var sections: (spans: FactSpans, memo: SectionMemo)?
}

/// One step of a coding path, linked to its parent: built only for nested containers, read only for errors.
final class PathLink {
    let parent: PathLink?
    let key: any CodingKey

    init(_ parent: PathLink?, _ key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func keys(_ link: PathLink?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = link
        while let step = current {
            keys.append(step.key)
            current = step.parent
        }
        return keys.reversed()
    }
}

struct TreeDecoder: Decoder {
    let value: FactValue
    let path: PathLink?
    let state: DecodingState
    var codingPath: [any CodingKey] { PathLink.keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Date.self {
            return try decodeDate() as! T
        }
        if type == FactValue.self {
            return value as! T
        }
        if type == ConfigSection.self {
            return try configSection() as! T
        }
        if type == InstalledPackage.self {
            return try installedPackage() as! T
        }
        if type == [String: ServiceUnit].self {
            return try serviceUnits() as! T
        }
        return try T(from: self)
    }

    private func decodeDate() throws -> Date {
        guard case .string(let text) = value else {
            throw DecodingError.typeMismatch(
                String.self,
                .init(
                    codingPath: codingPath, debugDescription: "Expected a date string, found \(Self.kind(of: value))."))
        }
        guard let date = CapdoDate.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "not an ISO 8601 date: '\(text)'"))
        }
        if state.isCanonical, CapdoDate.iso8601(date) != text { state.isCanonical = false }
        return date
    }

    /// How a value's JSON kind is named in errors ("a string", "an object").
    static func kind(of value: FactValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func mismatch(_ type: Any.Type, _ value: FactValue, at codingPath: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(
            type,
            .init(
                codingPath: codingPath,
                debugDescription: "Expected to decode \(type) but found \(kind(of: value)) instead."))
    }

    func mismatch(_ type: Any.Type) -> DecodingError { Self.mismatch(type, value, at: codingPath) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let members = try object { Key(stringValue: $0) != nil }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, members: members))
    }

    /// The members of this object, noting any member `isKnown` refuses (the tree is then not canonical).
    func object(isKnown: (String) -> Bool) throws -> [String: FactValue] {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        if state.isCanonical, members.keys.contains(where: { !isKnown($0) }) { state.isCanonical = false }
        return members
    }

    /// The member `key` of `members`, which must be there.
    func member(_ key: any CodingKey, in members: [String: FactValue]) throws -> FactValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value for key '\(key.stringValue)'."))
        }
        return value
    }

    /// The member `name` of `members`, nil when absent or `null` as with `JSONDecoder`; an explicit `null` is not
    /// what encoding would write back, so it is noted.
    func presentMember(_ name: String, in members: [String: FactValue]) -> FactValue? {
        guard let value = members[name] else { return nil }
        if case .null = value {
            state.isCanonical = false
            return nil
        }
        return value
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self) }
        return UnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    /// This member's value; a member of the top level is taken from the section memo when its bytes were decoded
    /// before (and kept there when not).
    func decodeSection<T: Decodable>(_ type: T.Type, named name: String) throws -> T {
        guard let parent = path, parent.parent == nil, let (spans, memo) = state.sections,
            let key = spans.withBytes(of: [name], SpanKey.init)
        else { return try decodeValue(type) }
        if let known = memo.decoded(name, key), let value = known.value as? T {
            if !known.isCanonical { state.isCanonical = false }
            return value
        }
        let own = DecodingState()
        let value = try TreeDecoder(value: self.value, path: path, state: own).decodeValue(type)
        if !own.isCanonical { state.isCanonical = false }
        memo.keep(.init(value: value, isCanonical: own.isCanonical), name, key)
        return value
    }

    func child(_ value: FactValue, _ key: any CodingKey) -> TreeDecoder {
        TreeDecoder(value: value, path: PathLink(path, key), state: state)
    }

    /// A scalar member or item, converted without building a decoder for it (the path only on error).
    func scalar(_ value: FactValue, _ key: any CodingKey) -> Scalar {
        Scalar(value: value, parent: path, key: key)
    }

    func bool() throws -> Bool { try Scalar(value: value, parent: path, key: nil).bool() }
    func string() throws -> String { try Scalar(value: value, parent: path, key: nil).string() }
    func double() throws -> Double { try Scalar(value: value, parent: path, key: nil).double() }
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try Scalar(value: value, parent: path, key: nil).integer(type)
    }
}

/// The scalar conversions shared by all three containers, with `JSONDecoder`'s strictness.
struct Scalar {
    let value: FactValue
    let parent: PathLink?
    let key: (any CodingKey)?

    var codingPath: [any CodingKey] { PathLink.keys(parent) + (key.map { [$0] } ?? []) }

    func mismatch(_ type: Any.Type) -> DecodingError { TreeDecoder.mismatch(type, value, at: codingPath) }

    /// `type` converted here when it is one of the common scalars (the generic paths of arrays and dictionaries
    /// land here for every item); nil for any other type.
    func decode<T>(_ type: T.Type) throws -> T? {
        if type == String.self { return try string() as? T }
        if type == Int.self { return try integer(Int.self) as? T }
        if type == Bool.self { return try bool() as? T }
        if type == Double.self { return try double() as? T }
        return nil
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self) }
        return flag
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self) }
        return text
    }

    func double() throws -> Double {
        guard case .number(let number) = value else { throw mismatch(Double.self) }
        return number
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let number = try double()
        guard number.rounded(.towardZero) == number, let result = T(exactly: number) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "Number \(number) does not fit in \(type)."))
        }
        return result
    }
}

/// An array position as a coding key (error paths only).
struct IndexKey: CodingKey {
    var stringValue: String { "Index \(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TreeDecoder
    let members: [String: FactValue]
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> FactValue { try decoder.member(key, in: members) }

    private func child(_ key: Key) throws -> TreeDecoder { decoder.child(try member(key), key) }
    private func scalar(_ key: Key) throws -> Scalar { decoder.scalar(try member(key), key) }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard case .null = try member(key) else { return false }
        decoder.state.isCanonical = false
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(key).double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try scalar(key).double()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(key).integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(key).integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(key).integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(key).integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(key).integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(key).integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(key).integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(key).integer(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = try member(key)
        if let scalar = try decoder.scalar(value, key).decode(type) { return scalar }
        return try decoder.child(value, key).decodeSection(type, named: key.stringValue)
    }

    private func present(_ key: Key) -> FactValue? { decoder.presentMember(key.stringValue, in: members) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { try decoder.scalar($0, key).bool() }
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try decoder.scalar($0, key).string() }
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { try decoder.scalar($0, key).double() }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try decoder.scalar($0, key).integer(type) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        if let scalar = try decoder.scalar(value, key).decode(type) { return scalar }
        return try decoder.child(value, key).decodeSection(type, named: key.stringValue)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TreeDecoder
    let items: [FactValue]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func item(_ type: Any.Type) throws -> FactValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end.")
            )
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    private mutating func next(_ type: Any.Type) throws -> TreeDecoder {
        let index = currentIndex
        return decoder.child(try item(type), IndexKey(index))
    }

    private mutating func scalar(_ type: Any.Type) throws -> Scalar {
        let index = currentIndex
        return decoder.scalar(try item(type), IndexKey(index))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = items[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type).bool() }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(type).string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type).double() }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try scalar(type).double()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type).integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type).integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type).integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type).integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type).integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type).integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type).integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type).integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type).integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type).integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let index = currentIndex
        let value = try item(type)
        if let scalar = try decoder.scalar(value, IndexKey(index)).decode(type) { return scalar }
        return try decoder.child(value, IndexKey(index)).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next([String: Any].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
