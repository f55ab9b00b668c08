import CapdoCore
import Foundation

/// Reads and checks a snapshot file written by `capdo collect` (or the Windows collection script).
enum SnapshotFile {
    static let maximumSize = 256 * 1024 * 1024

    static func read(_ path: String) throws -> HostSnapshot {
        try read(path, digest: false).snapshot
    }

    /// Reads a snapshot and, when asked, the SHA-256 of its bytes (the facts digest history keeps).
    static func read(_ path: String, digest: Bool) throws -> (snapshot: HostSnapshot, digest: String?) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError.scanner("\(path): cannot read the snapshot (missing or permission denied)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumSize + 1)) ?? Data()
        guard data.count <= maximumSize else { throw CLIError.scanner("\(path): larger than 256 MiB, not a snapshot") }
        // One full decode in the common case; the header alone is decoded only to explain a failure.
        let failure: any Error
        do {
            let snapshot = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data)
            guard snapshot.schemaVersion <= HostSnapshot.currentSchemaVersion else {
                throw newer(path, snapshot.schemaVersion)
            }
            return (snapshot, digest ? SHA256.hex(of: data) : nil)
        } catch let error as CLIError {
            throw error
        } catch {
            failure = error
        }
        let version: Int
        do {
            struct Header: Decodable {
                let schema_version: Int
            }
            version = try JSONDecoder().decode(Header.self, from: data).schema_version
        } catch {
            throw CLIError.scanner("\(path): not a capdo snapshot (no schema_version): \(describe(error))")
        }
        guard version <= HostSnapshot.currentSchemaVersion else { throw newer(path, version) }
        throw CLIError.scanner("\(path): invalid snapshot: \(describe(failure))")
    }

    private static func newer(_ path: String, _ version: Int) -> CLIError {
        CLIError.scanner(
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
