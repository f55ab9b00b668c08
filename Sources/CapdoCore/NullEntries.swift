/// Drops the `null` entries of a snapshot's lists before it is decoded, each recorded as an issue on the list's path.
///
/// The Windows collection script of capdo 1.x could put a real null into a list when a cmdlet failed
/// (`windows.local_admins: [null]`); rejecting the file would make the PC vanish from the report. The list is kept
/// without the null and the issue (collector = the list's fact path) makes every rule reading it an `error`.
/// `SnapshotReader.read` and its reference `CodecReference.snapshot` both run this one function.
public enum NullEntries {
    /// `tree` without null list entries, and one issue per list that held any; `file` names the snapshot.
    /// `hasNullItem`: whether any list holds a null, when the caller already knows (`FactJSONParser` notes it).
    public static func dropped(from tree: FactValue, file: String? = nil, hasNullItem: Bool? = nil) -> (
        tree: FactValue, issues: [CollectionIssue]
    ) {
        guard hasNullItem ?? hasNullEntry(tree) else { return (tree, []) }
        var issues: [CollectionIssue] = []
        let cleaned = drop(tree, path: [], file: file, into: &issues)
        return (cleaned, issues)
    }

    /// Whether any list holds a null (a read-only walk, so a clean snapshot is not rebuilt).
    static func hasNullEntry(_ value: FactValue) -> Bool {
        switch value {
        case .array(let items): return items.contains { $0.isNull || hasNullEntry($0) }
        case .object(let members): return members.values.contains(where: hasNullEntry)
        default: return false
        }
    }

    private static func drop(_ value: FactValue, path: [String], file: String?, into issues: inout [CollectionIssue])
        -> FactValue
    {
        switch value {
        case .array(let items):
            let nulls = items.indices.filter { items[$0].isNull }
            if !nulls.isEmpty {
                let dotted = path.joined(separator: ".")
                let places = nulls.prefix(5).map { "\(dotted)[\($0)]" }.joined(separator: ", ")
                let more = nulls.count > 5 ? " and \(nulls.count - 5) more" : ""
                // No `file` member: the issue is a step that could not look (it matches rules by path), the
                // snapshot's name goes into the message.
                issues.append(
                    CollectionIssue(
                        collector: dotted,
                        message: (file.map { "\($0): " } ?? "")
                            + "null entry \(places)\(more) dropped: the collection step failed, the list may be incomplete"
                    ))
            }
            return .array(
                items.filter { !$0.isNull }.map { item in drop(item, path: path, file: file, into: &issues) })
        case .object(let members):
            var kept: [String: FactValue] = [:]
            for key in members.keys.sorted() {
                kept[key] = drop(members[key]!, path: path + [key], file: file, into: &issues)
            }
            return .object(kept)
        default:
            return value
        }
    }
}
