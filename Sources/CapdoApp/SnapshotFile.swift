import CapdoCore
import Foundation

/// Reads and checks a snapshot file written by `capdo collect` (or the Windows collection script).
public enum SnapshotFile {
    static let maximumSize = 256 * 1024 * 1024

    public static func read(_ path: String) throws(CapdoError) -> HostSnapshot {
        try read(path, digest: false).snapshot
    }

    /// A snapshot read: the typed snapshot, the facts tree the rules judge, where its sections lie in the bytes
    /// (`FactSpans`), and when asked the SHA-256 of the bytes (the facts digest history keeps).
    struct Read {
        var snapshot: HostSnapshot
        var facts: FactValue
        var spans: FactSpans?
        var digest: String?
    }

    /// Reads a snapshot file. The JSON is parsed once (`SnapshotReader`).
    static func read(_ path: String, digest: Bool, memo: SectionMemo? = nil) throws(CapdoError) -> Read {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CapdoError(.snapshot, "\(path): cannot read the snapshot (missing or permission denied)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumSize + 1)) ?? Data()
        guard data.count <= maximumSize else {
            throw CapdoError(.snapshot, "\(path): larger than 256 MiB, not a snapshot")
        }
        return try read(data, name: path, digest: digest, memo: memo)
    }

    /// The bytes `capdo collect` writes for `snapshot` (pretty JSON and a final newline).
    ///
    /// `scan`, `lan` and `tls` judge these same bytes read back (`read(_:name:digest:)`), so every route judges
    /// exactly what a snapshot file would hold and `evaluate` would read, and records the same facts digest.
    public static func bytes(_ snapshot: HostSnapshot) throws(CapdoError) -> Data {
        do {
            return try SnapshotCodec.encoder().encode(snapshot) + Data("\n".utf8)
        } catch {
            throw CapdoError(
                .internalError,
                "cannot encode the snapshot of \(snapshot.hostName): \(error.localizedDescription)")
        }
    }

    /// Writes `snapshot` to `path` (atomically), or to standard output for `-`.
    public static func write(_ snapshot: HostSnapshot, to path: String) throws(CapdoError) {
        let data = try bytes(snapshot)
        if path == "-" {
            FileHandle.standardOutput.write(data)
        } else {
            try ReportWriter.atomicWrite(String(decoding: data, as: UTF8.self), to: path)
        }
    }

    /// Reads a snapshot's bytes; `name` (the file, or what the snapshot came from) prefixes every message. `memo`:
    /// sections decoded from the same bytes before (`SectionMemo`).
    static func read(_ data: Data, name path: String, digest: Bool, memo: SectionMemo? = nil) throws(CapdoError)
        -> Read
    {
        do {
            let read = try SnapshotReader.readKeepingSpans(data, file: path, memo: memo)
            let hex = digest ? SHA256.hex(of: data) : nil
            return Read(snapshot: read.snapshot, facts: read.facts, spans: read.spans, digest: hex)
        } catch {
            switch error {
            case .notJSON(let failure): throw CapdoError(.snapshot, "\(path): not a capdo snapshot: \(failure)")
            case .noSchemaVersion: throw CapdoError(.snapshot, "\(path): not a capdo snapshot (no schema_version)")
            case .newerSchema(let version): throw newer(path, version)
            case .invalid(let failure): throw CapdoError(.snapshot, "\(path): invalid snapshot: \(describe(failure))")
            }
        }
    }

    private static func newer(_ path: String, _ version: String) -> CapdoError {
        CapdoError(
            .snapshot,
            "\(path): snapshot schema_version \(version) is newer than this capdo understands "
                + "(\(HostSnapshot.currentSchemaVersion)); upgrade capdo")
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            return "\(context.debugDescription)\(context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))")"
        default:
            return error.localizedDescription
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
