/// The most numerous kinds of objects in a snapshot decoded by hand: configuration entries (every setting of every
/// configuration file), installed packages and systemd units, where the generic `Decodable` path cost the most
/// (figures in docs/benchmarks.md). Same result, same strictness, same canonical-form notes as the generic path;
/// the reference is `JSONDecoder` (`CodecReference.snapshot`), and `SnapshotReaderDifferentialTests` holds both to
/// one result.
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
        var package = InstalledPackage(
            name: try required(name, Keys.name).string(), version: try required(version, Keys.version).string(),
            state: try required(packageState, Keys.state).string())
        package.architecture = try optional(architecture, Keys.architecture)?.string()
        package.sourcePackage = try optional(source, Keys.sourcePackage)?.string()
        package.file = try optional(file, Keys.file)?.string()
        package.line = try optional(line, Keys.line)?.integer(Int.self)
        return package
    }

    /// systemd units by name (a few hundred per host), as `Dictionary`'s own decoding takes them: member by member,
    /// each decoded as `ServiceUnit`'s synthesized decoding does, its members taken in one pass.
    func serviceUnits() throws -> [String: ServiceUnit] {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        var units: [String: ServiceUnit] = [:]
        units.reserveCapacity(members.count)
        for (name, member) in members {
            units[name] = try child(member, DictionaryKey(stringValue: name)).serviceUnit()
        }
        return units
    }

    private func serviceUnit() throws -> ServiceUnit {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        typealias Keys = ServiceUnit.CodingKeys
        var enabled, masked, active, unitFile, enabledBy: FactValue?
        var unknown = false
        for (key, member) in members {
            switch key {
            case "enabled": enabled = member
            case "masked": masked = member
            case "active": active = member
            case "unit_file": unitFile = member
            case "enabled_by": enabledBy = member
            default: unknown = true
            }
        }
        if unknown { state.isCanonical = false }
        var unit = ServiceUnit(
            enabled: try required(enabled, Keys.enabled).bool(), masked: try required(masked, Keys.masked).bool())
        unit.active = try optional(active, Keys.active)?.string()
        unit.unitFile = try optional(unitFile, Keys.unitFile)?.string()
        unit.enabledBy = try child(try required(enabledBy, Keys.enabledBy).value, Keys.enabledBy).strings()
        return unit
    }

    /// A member taken in one pass (`installedPackage`, `serviceUnit`), which must be there.
    private func required(_ value: FactValue?, _ key: some CodingKey) throws -> Scalar {
        guard let value else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value for key '\(key.stringValue)'."))
        }
        return Scalar(value: value, parent: path, key: key)
    }

    /// A member taken in one pass, nil when absent or `null` (noted: not what encoding would write back).
    private func optional(_ value: FactValue?, _ key: some CodingKey) -> Scalar? {
        guard let value else { return nil }
        if case .null = value {
            state.isCanonical = false
            return nil
        }
        return Scalar(value: value, parent: path, key: key)
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

/// A dictionary's key as `Dictionary`'s own decoding names it in error paths: a key that reads as a number also
/// has that number as its `intValue` (error paths only).
struct DictionaryKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A member name as a coding key, small enough to need no allocation as `any CodingKey` (error paths only).
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
