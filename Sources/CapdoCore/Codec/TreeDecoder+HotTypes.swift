/// The two most numerous kinds of objects in a snapshot decoded by hand: configuration entries (every setting of
/// every configuration file) and installed packages, where the generic `Decodable` path cost the most (figures in
/// docs/benchmarks.md). Same result, same strictness, same canonical-form notes as the generic path; the reference
/// is `JSONDecoder` (`CodecReference.snapshot`), and `SnapshotReaderDifferentialTests` holds both to one result.
extension TreeDecoder {
    private static let sectionKeys: Set<String> = ["files", "present", "entries", "blocks"]
    private static let entryKeys: Set<String> = ["value", "file", "line", "default"]
    private static let blockKeys: Set<String> = ["criteria", "file", "line", "entries"]

    func configSection() throws -> ConfigSection {
        let members = try object(isKnown: Self.sectionKeys.contains)
        var section = ConfigSection()
        section.files = try required("files", in: members) { try $0.strings() }
        section.present = try required("present", in: members).bool()
        section.entries = try required("entries", in: members) { try $0.configEntries() }
        section.blocks = try required("blocks", in: members) { decoder in
            try decoder.array { try $0.configBlock() }
        }
        return section
    }

    /// A package, its members taken in one pass over the object (a snapshot has a thousand packages: looking each
    /// member up by name hashed every name again); checked in the order of the lookups it replaces, so the same
    /// first error is thrown.
    func installedPackage() throws -> InstalledPackage {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        typealias Keys = InstalledPackage.CodingKeys
        var name, version, packageState, architecture, source, file, line: FactValue?
        var unknown = false
        for (key, member) in members {
            switch key {
            case "name": name = member
            case "version": version = member
            case "state": packageState = member
            case "architecture": architecture = member
            case "source_package": source = member
            case "file": file = member
            case "line": line = member
            default: unknown = true
            }
        }
        if unknown { state.isCanonical = false }
        func required(_ value: FactValue?, _ key: Keys) throws -> Scalar {
            guard let value else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: codingPath, debugDescription: "No value for key '\(key.stringValue)'."))
            }
            return Scalar(value: value, parent: path, key: key)
        }
        func optional(_ value: FactValue?, _ key: Keys) -> Scalar? {
            guard let value else { return nil }
            if case .null = value {
                state.isCanonical = false
                return nil
            }
            return Scalar(value: value, parent: path, key: key)
        }
        var package = InstalledPackage(
            name: try required(name, .name).string(), version: try required(version, .version).string(),
            state: try required(packageState, .state).string())
        package.architecture = try optional(architecture, .architecture)?.string()
        package.sourcePackage = try optional(source, .sourcePackage)?.string()
        package.file = try optional(file, .file)?.string()
        package.line = try optional(line, .line)?.integer(Int.self)
        return package
    }

    private func configBlock() throws -> ConfigBlock {
        let members = try object(isKnown: Self.blockKeys.contains)
        var block = ConfigBlock(criteria: try required("criteria", in: members).string())
        (block.file, block.line) = try location(in: members)
        block.entries = try required("entries", in: members) { try $0.configEntries() }
        return block
    }

    private func configEntries() throws -> [String: ConfigEntry] {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        var entries: [String: ConfigEntry] = [:]
        entries.reserveCapacity(members.count)
        for (key, member) in members {
            entries[key] = try child(member, MemberKey(stringValue: key)).configEntry()
        }
        return entries
    }

    private func configEntry() throws -> ConfigEntry {
        let members = try object(isKnown: Self.entryKeys.contains)
        var entry = ConfigEntry(value: try required("value", in: members).string())
        (entry.file, entry.line) = try location(in: members)
        entry.isDefault = try optional("default", in: members)?.bool()
        return entry
    }

    /// The optional `file` and `line` members that say where a package, a block or an entry was read.
    private func location(in members: [String: FactValue]) throws -> (file: String?, line: Int?) {
        (try optional("file", in: members)?.string(), try optional("line", in: members)?.integer(Int.self))
    }

    private func strings() throws -> [String] {
        try array { try $0.string() }
    }

    private func array<T>(_ element: (TreeDecoder) throws -> T) throws -> [T] {
        guard case .array(let items) = value else { throw mismatch([Any].self) }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            result.append(try element(child(item, IndexKey(index))))
        }
        return result
    }

    private func required<T>(
        _ key: String, in members: [String: FactValue], _ read: (TreeDecoder) throws -> T
    ) throws -> T {
        let key = MemberKey(stringValue: key)
        return try read(child(try member(key, in: members), key))
    }

    /// A scalar member, read without building a decoder for it.
    private func required(_ key: String, in members: [String: FactValue]) throws -> Scalar {
        let key = MemberKey(stringValue: key)
        return Scalar(value: try member(key, in: members), parent: path, key: key)
    }

    private func optional(_ key: String, in members: [String: FactValue]) -> Scalar? {
        presentMember(key, in: members).map { Scalar(value: $0, parent: path, key: MemberKey(stringValue: key)) }
    }
}

/// A member name as a coding key, small enough to need no allocation as `any CodingKey` (error paths only).
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
