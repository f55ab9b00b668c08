/// The configuration section decoded by hand: it holds most of a snapshot's values (every entry of every
/// configuration file), and going through `Decodable` for each entry was half of the time of decoding a snapshot.
/// Same result, same strictness and the same canonical-form notes as the generic path.
extension TreeDecoder {
    private static let sectionKeys: Set<String> = ["files", "present", "entries", "blocks"]
    private static let entryKeys: Set<String> = ["value", "file", "line", "default"]
    private static let blockKeys: Set<String> = ["criteria", "file", "line", "entries"]

    func configSection() throws -> ConfigSection {
        let members = try object(known: Self.sectionKeys)
        var section = ConfigSection()
        section.files = try required("files", in: members) { try $0.strings() }
        section.present = try required("present", in: members) { try $0.bool() }
        section.entries = try required("entries", in: members) { try $0.configEntries() }
        section.blocks = try required("blocks", in: members) { decoder in
            try decoder.array { try $0.configBlock() }
        }
        return section
    }

    private func configBlock() throws -> ConfigBlock {
        let members = try object(known: Self.blockKeys)
        var block = ConfigBlock(criteria: try required("criteria", in: members) { try $0.string() })
        block.file = try optional("file", in: members) { try $0.string() }
        block.line = try optional("line", in: members) { try $0.integer(Int.self) }
        block.entries = try required("entries", in: members) { try $0.configEntries() }
        return block
    }

    private func configEntries() throws -> [String: ConfigEntry] {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        var entries: [String: ConfigEntry] = [:]
        entries.reserveCapacity(members.count)
        for (key, member) in members {
            entries[key] = try child(member, TreeKey(key)).configEntry()
        }
        return entries
    }

    private func configEntry() throws -> ConfigEntry {
        let members = try object(known: Self.entryKeys)
        var entry = ConfigEntry(value: try required("value", in: members) { try $0.string() })
        entry.file = try optional("file", in: members) { try $0.string() }
        entry.line = try optional("line", in: members) { try $0.integer(Int.self) }
        entry.isDefault = try optional("default", in: members) { try $0.bool() }
        return entry
    }

    private func strings() throws -> [String] {
        try array { try $0.string() }
    }

    private func array<T>(_ element: (TreeDecoder) throws -> T) throws -> [T] {
        guard case .array(let items) = value else { throw mismatch([Any].self) }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            result.append(try element(child(item, TreeKey(index: index))))
        }
        return result
    }

    /// The members of an object, noting any the type does not know (the tree is then not canonical).
    private func object(known: Set<String>) throws -> [String: FactValue] {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        if state.isCanonical, members.keys.contains(where: { !known.contains($0) }) { state.isCanonical = false }
        return members
    }

    private func required<T>(
        _ key: String, in members: [String: FactValue], _ read: (TreeDecoder) throws -> T
    ) throws -> T {
        guard let member = members[key] else {
            throw DecodingError.keyNotFound(
                TreeKey(key), .init(codingPath: codingPath, debugDescription: "No value for key '\(key)'."))
        }
        return try read(child(member, TreeKey(key)))
    }

    private func optional<T>(
        _ key: String, in members: [String: FactValue], _ read: (TreeDecoder) throws -> T
    ) throws -> T? {
        guard let member = members[key] else { return nil }
        if case .null = member {
            state.isCanonical = false
            return nil
        }
        return try read(child(member, TreeKey(key)))
    }
}

/// A coding key for hand-decoded members and items (error paths only).
struct TreeKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}
