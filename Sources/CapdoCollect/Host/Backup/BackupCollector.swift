import CapdoCore
import Foundation

/// Collects backup evidence: cron and systemd-timer jobs that run a known backup tool, and the newest file
/// under the configured backup directories (bounded walk, symlinks not followed).
public struct BackupCollector: Collector {
    public let id = "backup"
    public let summary = "Backup jobs (cron, systemd timers) and the newest backup artefact"

    public static let maxDepth = 4
    public static let maxEntries = 10_000

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        var jobs: [BackupJob] = []
        var issues: [CollectionIssue] = []
        func text(_ path: String) -> String? {
            do {
                return try reader.readText(path, limit: 4 * 1024 * 1024)
            } catch {
                issues.append(error.issue(collector: id, level: .warning))
                return nil
            }
        }
        let cronTables =
            (["etc/crontab"].filter { reader.exists($0) } + reader.files(in: "etc/cron.d"))
            .map { ($0, true) } + reader.files(in: "var/spool/cron/crontabs").map { ($0, false) }
        for (path, hasUser) in cronTables {
            guard let content = text(path) else { continue }
            for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let entry = BackupCommandParser.cronLine(String(line), hasUser: hasUser),
                    let found = BackupCommandParser.analyse(entry.command)
                else { continue }
                jobs.append(
                    BackupJob(
                        tool: found.tool, scheduler: "cron", schedule: entry.schedule, target: found.target, file: path,
                        line: index + 1, operation: found.operation))
            }
        }
        for period in ["daily", "weekly", "monthly"] {
            for path in reader.files(in: "etc/cron.\(period)") {
                guard let content = text(path) else { continue }
                for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.hasPrefix("#"), let found = BackupCommandParser.analyse(trimmed) else { continue }
                    jobs.append(
                        BackupJob(
                            tool: found.tool, scheduler: "cron", schedule: period, target: found.target, file: path,
                            line: index + 1, operation: found.operation))
                    break
                }
            }
        }
        jobs += timerJobs(reader)
        var newest: (path: String, time: Date)?
        for base in environment.backupPaths {
            walk(reader, reader.relative(base), depth: 0, budget: Self.maxEntries, newest: &newest)
        }
        let facts = BackupFacts(
            jobs: jobs, searched: environment.backupPaths.map(reader.relative), newestArtefact: newest?.path,
            newestArtefactTime: newest?.time)
        return CollectorOutput(backup: facts, issues: issues)
    }
}

private extension BackupCollector {
    /// Jobs from `*.timer` units whose service's `ExecStart=` runs a backup tool.
    func timerJobs(_ reader: FileReader) -> [BackupJob] {
        var jobs: [BackupJob] = []
        var seen: Set<String> = []
        for directory in ServicesCollector.unitDirectories {
            for timerPath in reader.files(in: directory, suffix: ".timer") {
                let timerName = String(timerPath.split(separator: "/").last ?? "")
                guard seen.insert(timerName).inserted,
                    let timer = try? reader.readText(timerPath, limit: 1 << 20)
                else { continue }
                let settings = Self.unitSettings(timer)
                let schedule = settings.first { ["OnCalendar", "OnUnitActiveSec", "OnBootSec"].contains($0.key) }?.value
                let serviceName =
                    settings.first { $0.key == "Unit" }?.value
                    ?? String(timerName.dropLast(".timer".count)) + ".service"
                guard
                    let servicePath = ServicesCollector.unitDirectories.map({ $0 + "/" + serviceName })
                        .first(where: { reader.isRegularFile($0) }),
                    let service = try? reader.readText(servicePath, limit: 1 << 20)
                else { continue }
                for setting in Self.unitSettings(service) where setting.key == "ExecStart" {
                    guard let found = BackupCommandParser.analyse(setting.value) else { continue }
                    jobs.append(
                        BackupJob(
                            tool: found.tool, scheduler: "systemd", schedule: schedule, target: found.target,
                            file: servicePath, line: setting.line, operation: found.operation))
                    break
                }
            }
        }
        return jobs
    }

    /// `Key=value` lines of a unit file with their line numbers.
    static func unitSettings(_ text: String) -> [(key: String, value: String, line: Int)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=") else { return nil }
            return (
                line[..<equals].trimmingCharacters(in: .whitespaces),
                line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), index + 1
            )
        }
    }

    /// Depth- and count-bounded walk that never follows symlinks below the starting directory.
    func walk(
        _ reader: FileReader, _ directory: String, depth: Int, budget: Int, newest: inout (path: String, time: Date)?
    ) {
        var remaining = budget
        walk(reader, directory, depth: depth, remaining: &remaining, newest: &newest)
    }

    func walk(
        _ reader: FileReader, _ directory: String, depth: Int, remaining: inout Int,
        newest: inout (path: String, time: Date)?
    ) {
        guard depth <= Self.maxDepth else { return }
        for name in reader.list(directory) {
            guard remaining > 0 else { return }
            remaining -= 1
            let path = directory + "/" + name
            let fact = reader.stat(path)
            if fact.kind == "directory" {
                walk(reader, path, depth: depth + 1, remaining: &remaining, newest: &newest)
            } else if fact.kind == "file", let modified = fact.modified {
                if newest.map({ modified > $0.time }) ?? true { newest = (path, modified) }
            }
        }
    }
}
