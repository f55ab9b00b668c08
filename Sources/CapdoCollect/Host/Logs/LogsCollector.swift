import CapdoCore
import Foundation

/// Collects log-retention evidence: the oldest auth-log entry among current and rotated files, and the oldest
/// journal file. Reads at most a 64 KiB prefix of any log; compressed files count by their mtime.
public struct LogsCollector: Collector {
    public let id = "logs"
    public let summary = "Log retention: oldest auth log entry (var/log/auth.log*, secure*) and journal files"

    /// The most read from any one log file.
    public static let prefixBytes = 64 * 1024

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        var authFiles = reader.glob("var/log", "auth.log*").filter { reader.isRegularFile($0) }
        if authFiles.isEmpty { authFiles = reader.glob("var/log", "secure*").filter { reader.isRegularFile($0) } }
        authFiles.sort { Self.rotationIndex($0) < Self.rotationIndex($1) }
        var issues: [CollectionIssue] = []
        var auth = LogRetention(files: authFiles)
        for file in authFiles {
            let modified = reader.modified(file)
            var time: Date?
            var method = "mtime"
            if !Self.isCompressed(file) {
                do {
                    let prefix = try reader.readPrefix(file, bytes: Self.prefixBytes)
                    let firstLine = String(decoding: prefix, as: UTF8.self).split(separator: "\n").first
                    if let firstLine, let stamp = LogTimestampParser.parse(firstLine, modified: modified) {
                        time = stamp
                        method = "timestamp"
                    }
                } catch {
                    issues.append(error.issue(collector: id, level: .warning))
                }
            }
            if time == nil { time = modified }
            guard let time else { continue }
            if auth.oldestEntry.map({ time < $0 }) ?? true {
                auth.oldestEntry = time
                auth.oldestFile = file
                auth.method = method
            }
        }
        var journal = LogRetention(files: [])
        for directory in reader.list("var/log/journal") {
            let base = "var/log/journal/" + directory
            guard reader.isDirectory(base) else { continue }
            journal.files += reader.glob(base, "*.journal*").filter { reader.isRegularFile($0) }
        }
        for file in journal.files {
            guard let modified = reader.modified(file) else { continue }
            if journal.oldestEntry.map({ modified < $0 }) ?? true {
                journal.oldestEntry = modified
                journal.oldestFile = file
                journal.method = "mtime"
            }
        }
        return CollectorOutput(logs: LogFacts(auth: auth, journal: journal), issues: issues)
    }

    /// 0 for `auth.log`, n for `auth.log.n[.gz]`, large for date-suffixed files (sorted among themselves by
    /// name, newest first); used to list files newest first.
    static func rotationIndex(_ path: String) -> Int {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var parts = name.split(separator: ".").map(String.init)
        if let last = parts.last, ["gz", "xz", "bz2", "zst", "lz4"].contains(last) { parts.removeLast() }
        if let last = parts.last, let number = Int(last), last.count < 6 { return number }
        if let dash = name.lastIndex(of: "-"), let date = Int(name[name.index(after: dash)...].prefix(8)) {
            return 1_000_000_000 - date
        }
        return 0
    }

    static func isCompressed(_ path: String) -> Bool {
        [".gz", ".xz", ".bz2", ".zst", ".lz4"].contains { path.hasSuffix($0) }
    }
}
