import Foundation

/// Turns a snapshot file's bytes into the typed snapshot and the facts tree the rules judge, parsing the JSON once.
///
/// The tree is the parsed JSON itself when that is exactly what encoding the decoded snapshot would give (every
/// snapshot `capdo collect` writes); otherwise (unknown members, explicit nulls, dates in another format) the facts
/// are encoded from the snapshot, as `RuleEngine.evaluate(_:snapshot:)` does, so both paths judge the same facts.
///
/// Reference path: `CodecReference.snapshot` (`JSONDecoder`, then the facts encoded through JSON);
/// `SnapshotReaderDifferentialTests` holds the two to the same snapshot and facts.
public enum SnapshotReader {
    /// Why bytes are not a snapshot this capdo can judge.
    public enum Failure: Error {
        case notJSON(FactJSONError)
        case noSchemaVersion
        /// The version as written (it may be too large for an integer).
        case newerSchema(String)
        case invalid(any Error)
    }

    /// Reads `data`; `file` names the snapshot in the issues of null list entries (`NullEntries`).
    public static func read(_ data: Data, file: String? = nil) throws(Failure) -> (
        snapshot: HostSnapshot, facts: FactValue
    ) {
        let read = try readKeepingSpans(data, file: file)
        return (read.snapshot, read.facts)
    }

    /// `read`, and where the facts' sections lie in `data` for those the tree holds as parsed (`FactSpans`); nil when
    /// the facts had to be encoded from the snapshot. With a `memo`, a section decoded earlier from the same bytes is
    /// not decoded again.
    public static func readKeepingSpans(_ data: Data, file: String? = nil, memo: SectionMemo? = nil) throws(Failure)
        -> (
            snapshot: HostSnapshot, facts: FactValue, spans: FactSpans?
        )
    {
        let parsed: (value: FactValue, nullItem: Bool, spans: [[String]: Range<Int>])
        do { parsed = try FactJSONParser.parse(data, keepingSpans: true) } catch { throw .notJSON(error) }
        let (tree, nullIssues) = NullEntries.dropped(from: parsed.value, file: file, hasNullItem: parsed.nullItem)
        guard let version = tree["schema_version"]?.numberValue, version.rounded() == version else {
            throw .noSchemaVersion
        }
        guard version <= Double(HostSnapshot.currentSchemaVersion) else {
            throw .newerSchema(FactValue.format(version))
        }
        var snapshot: HostSnapshot
        let isCanonical: Bool
        do {
            // Null list entries dropped, the tree is no longer what the bytes say.
            let spans = parsed.nullItem ? nil : FactSpans(data: data, ranges: parsed.spans)
            (snapshot, isCanonical) = try FactValueDecoder().decode(
                HostSnapshot.self, from: tree, spans: spans, memo: memo)
        } catch {
            throw .invalid(error)
        }
        snapshot.issues += nullIssues
        let derived = WindowsLifecycle.fill(&snapshot)
        guard isCanonical, nullIssues.isEmpty, case .object(var members) = tree else {
            return (snapshot, (try? FactValue.from(snapshot)) ?? .object([:]), nil)
        }
        // Their types fill in defaults for absent members when decoded, so these small sections are encoded again
        // (and their bytes no longer say what the tree holds).
        var encoded: Set<String> = []
        if let antivirus = snapshot.antivirus {
            members["antivirus"] = try? FactValue.from(antivirus)
            encoded.insert("antivirus")
        }
        if let windows = snapshot.windows {
            members["windows"] = try? FactValue.from(windows)
            encoded.insert("windows")
        }
        if derived, let support = snapshot.osSupport {
            members["os_support"] = try? FactValue.from(support)
            encoded.insert("os_support")
        }
        let ranges = parsed.spans.filter { !encoded.contains($0.key[0]) }
        return (snapshot, .object(members), FactSpans(data: data, ranges: ranges))
    }
}
