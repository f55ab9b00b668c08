import ArgumentParser
import CapdoCollect
import CapdoCore
import CapdoNet
import CapdoReport
import CapdoRules
import Foundation

/// `capdo scan`: collect facts from this machine (or a root), judge them, write the reports.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan this machine (or a filesystem root) with the level-2 profile and write the reports.",
        discussion: """
            With no arguments: scans this machine with the built-in level-2 profile and writes
            Reports/<host>-<date>.html, .md and .json. With --root DIR everything (packages included) is read
            from DIR and nothing from the running system; nothing is ever written under the scanned root.

            Examples:
              capdo scan
              capdo scan --root Samples/hosts/ws-neglected --lang en --format md
              capdo scan --pcap ward-lan.pcapng            # also the LAN section and network rules
              capdo scan --config /etc/capdo/capdo.yaml --waivers /etc/capdo/waivers.yaml --quiet
            """)

    @Option(name: .long, help: "Filesystem root to scan instead of the running system.")
    var root: String?

    @Option(name: .long, help: "Management evidence folder (index.yaml + documents).")
    var evidence: String?

    @Option(name: .long, help: ArgumentHelp("Name the root this way in reports (for prepared copies).", visibility: .hidden))
    var rootLabel: String?

    @Option(name: .long, help: ArgumentHelp("Evaluate as of this time (ISO 8601) for reproducible reports.", visibility: .hidden))
    var now: String?

    @Option(name: .long, help: "Also analyse this LAN capture (pcap/pcapng) and judge the network rules on it.")
    var pcap: String?

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        do {
            try await execute()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("capdo: \(error.description)\n".utf8))
            throw error.exitCode
        }
    }

    func execute() async throws {
        let config = try ruleSet.loadConfig()
        let language = try report.language(configured: config.language)
        let reporters = try report.reporters(configured: config.formats)
        let clock = try CommandClock(now)
        let loaded = try ruleSet.loadRuleSet(config: config, warn: Console.warn)

        let rootPath = root ?? config.roots.first ?? "/"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.usage("--root '\(rootPath)' is not a directory")
        }
        let outputDirectory = report.output ?? config.output ?? "Reports"
        try SafetyGuard.refuseWritingInside(root: rootPath, output: outputDirectory)

        let environment = HostEnvironment(
            root: rootPath, now: clock.now, evidenceFolder: evidence ?? config.evidence ?? SafetyGuard.defaultEvidence(root: rootPath))
        var snapshot = await SnapshotCollector.collect(environment)
        snapshot.root = rootLabel ?? rootPath
            if let rootLabel, let folder = snapshot.evidence?.folder, folder.hasPrefix(rootPath) {
                snapshot.evidence?.folder = rootLabel + folder.dropFirst(rootPath.count)
            }
        if let pcap {
            do {
                let outcome = try CaptureReader.read(path: pcap)
                if let warning = outcome.warning { Console.warn("warning: \(warning)") }
                snapshot.lan = outcome.facts
            } catch let error as CapdoError {
                throw CLIError.scanner(error.description)
            }
        }
        if clock.fixed { snapshot.collectors = snapshot.collectors.map { CollectorRun(id: $0.id, milliseconds: 0, issues: $0.issues) } }
        for issue in snapshot.issues where issue.level == .error && !report.quiet {
            Console.warn("warning: \(issue.collector): \(issue.description)")
        }

        let result = await ScanAssembler.evaluate(
            [snapshot], ruleSet: loaded, organisation: config.organisation ?? .unspecified, startedAt: clock.startedAt,
            now: clock.finished())
        let writer = ReportWriter(directory: outputDirectory, reporters: reporters, language: language)
        let paths = try writer.write(result, stem: ReportWriter.stem(host: snapshot.hostName, date: clock.now))
        if !report.quiet || result.exitCode != 0 {
            let summary = TerminalSummary(language: language, colour: report.color && Console.isTerminal)
            print(summary.render(result, reportPaths: paths), terminator: "")
        }
        if result.exitCode != 0 { throw ExitCodes.nonCompliant }
    }
}
