import Foundation

/// The plain paths the fast paths in `Codec/` shortcut: Foundation's `JSONDecoder` and `JSONEncoder`, a comparison
/// sort and string replacement. Nothing in capdo runs these; the differential tests in `CapdoCoreTests` run each
/// fast path and its reference here over the same inputs and require the same result.
public enum CodecReference {
    /// What `FactJSONParser.parse` shortcuts: Foundation's decoder into the same tree type.
    public static func parse(_ data: Data) throws -> FactValue {
        try JSONDecoder().decode(FactValue.self, from: data)
    }

    /// What `FactValueEncoder` shortcuts: JSON text from `SnapshotCodec`'s encoder, decoded again as a tree.
    public static func tree<T: Encodable>(of value: T) throws -> FactValue {
        try parse(SnapshotCodec.encoder(pretty: false).encode(value))
    }

    /// What `SnapshotReader.read` shortcuts: Foundation's decoder for the snapshot, then its facts tree.
    /// Null list entries are dropped first by the same `NullEntries` (its tree re-encoded for `JSONDecoder`).
    public static func snapshot(_ data: Data, file: String? = nil) throws -> (snapshot: HostSnapshot, facts: FactValue)
    {
        let (kept, nullIssues) = NullEntries.dropped(from: try parse(data), file: file)
        let cleaned = nullIssues.isEmpty ? data : try SnapshotCodec.encoder(pretty: false).encode(kept)
        var snapshot = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: cleaned)
        snapshot.issues += nullIssues
        WindowsLifecycle.fill(&snapshot)
        return (snapshot, try tree(of: snapshot))
    }

    /// What `ReportOrderSort.order` shortcuts: a stable comparison sort of every finding by its `ReportOrderKey`.
    static func reportOrder(_ lists: [[Finding]]) -> [(list: Int, index: Int)] {
        let positions = lists.enumerated().flatMap { list, findings in findings.indices.map { (list, $0) } }
        let keys = positions.map { ReportOrderKey(lists[$0.0][$0.1]) }
        return positions.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map {
            (positions[$0].0, positions[$0].1)
        }
    }

    /// What `EncodedJSON.inert` shortcuts: each of the five characters looked up and replaced, one scalar at a time.
    public static func inert(_ json: String) -> String {
        json.unicodeScalars.map { inertEscapes[$0] ?? String($0) }.joined()
    }

    private static let inertEscapes: [Unicode.Scalar: String] = [
        "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u{2028}": "\\u2028", "\u{2029}": "\\u2029",
    ]

    /// What `EncodedJSON.appendIndented` shortcuts: every non-empty line prefixed with `indent` spaces.
    public static func indented(_ json: String, indent: Int) -> String {
        json.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            $0.isEmpty ? "" : String(repeating: " ", count: indent) + String(decoding: $0, as: UTF8.self)
        }.joined(separator: "\n")
    }
}
