import ArgumentParser
import CapdoCollect
import CapdoCore
import Foundation

/// `capdo collect`: facts only, written as a snapshot for `capdo evaluate` elsewhere.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Collect facts from this machine (or a root) into a snapshot JSON; judge nothing.",
        discussion: """
            The snapshot holds no password hashes, private keys or file contents beyond parsed settings.

            Examples:
              capdo collect --output /srv/capdo/snapshots/$(hostname).json
              capdo collect --root /mnt/image --output image.json
            """)

    @Option(name: .long, help: "Filesystem root to read instead of the running system.")
    var root: String?

    @Option(name: .long, help: "Management evidence folder (index.yaml + documents).")
    var evidence: String?

    @Option(name: .shortAndLong, help: "Snapshot file to write ('-' for standard output).")
    var output: String

    @Option(name: .long, help: ArgumentHelp("Name the root this way in the snapshot.", visibility: .hidden))
    var rootLabel: String?

    @Option(name: .long, help: ArgumentHelp("Collect as of this time (ISO 8601).", visibility: .hidden))
    var now: String?

    func run() async throws {
        try await CLIError.reported {
            let clock = try CommandClock(now)
            let rootPath = root ?? "/"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw CLIError.usage("--root '\(rootPath)' is not a directory")
            }
            if output != "-" { try SafetyGuard.refuseWritingInside(root: rootPath, output: output) }
            let environment = HostEnvironment(
                root: rootPath, now: clock.now, evidenceFolder: evidence ?? SafetyGuard.defaultEvidence(root: rootPath))
            var snapshot = await SnapshotCollector.collect(environment)
            snapshot.root = rootLabel ?? rootPath
            if let rootLabel, let folder = snapshot.evidence?.folder, folder.hasPrefix(rootPath) {
                snapshot.evidence?.folder = rootLabel + folder.dropFirst(rootPath.count)
            }
            let data = try SnapshotCodec.encoder().encode(snapshot)
            if output == "-" {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            } else {
                try ReportWriter.atomicWrite(String(decoding: data, as: UTF8.self) + "\n", to: output)
                Console.warn(
                    "capdo: wrote \(output) (\(snapshot.packages?.present.count ?? 0) packages, \(snapshot.config.count) config sources, \(snapshot.issues.count) issues)"
                )
            }
        }
    }
}
