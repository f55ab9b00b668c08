import ArgumentParser
import CapdoApp

/// `capdo collect`: facts only, written as a snapshot for `capdo evaluate` elsewhere.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Collect facts from this machine (or a root) into a snapshot JSON; judge nothing.",
        discussion: """
            The snapshot holds no password hashes, private keys or file contents beyond parsed settings. It holds
            every fact `capdo scan` with the same options judges (certificate files named in web/mail configs,
            --tls and capdo.yaml tls_endpoints, the live host's own TLS listeners, a --pcap capture), so
            `capdo evaluate` of it gives the findings the scan gives.

            Examples:
              capdo collect --output /srv/capdo/snapshots/$(hostname).json
              capdo collect --root /mnt/image --output image.json
              capdo collect --config /etc/capdo/capdo.yaml --tls portal.lechan.local:443 --output srv01.json
            """)

    @OptionGroup var facts: FactOptions

    @Option(name: .long, help: "Configuration file (capdo.yaml): its first root, evidence folder and tls_endpoints.")
    var config: String?

    @Option(name: .shortAndLong, help: "Snapshot file to write ('-' for standard output).")
    var output: String

    @Option(name: .long, help: ArgumentHelp("Collect as of this time (ISO 8601).", visibility: .hidden))
    var now: String?

    func run() async throws {
        try await ErrorReport.reported {
            let clock = try CommandClock(now)
            let configuration = try RuleSetChoice.loadConfig(config)
            let rootPath = try facts.choice.rootPath(configuration)
            if output != "-" { try SafetyGuard.refuseWritingInside(root: rootPath, output: output) }
            let snapshot = try await HostFacts.gather(
                facts.choice, root: rootPath, config: configuration, clock: clock, warn: Console.warn)
            try SnapshotFile.write(snapshot, to: output)
            if output != "-" {
                Console.warn(
                    "capdo: wrote \(output) (\(snapshot.packages?.present.count ?? 0) packages, \(snapshot.config.count) config sources, \(snapshot.issues.count) issues)"
                )
            }
        }
    }
}
