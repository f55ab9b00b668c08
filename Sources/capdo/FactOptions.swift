import ArgumentParser
import CapdoRules
import Foundation

/// What a host's facts are gathered from, shared by `capdo scan` and `capdo collect` so that the snapshot `collect`
/// writes holds every fact a `scan` with the same options judges.
struct FactOptions: ParsableArguments {
    @Option(name: .long, help: "Filesystem root to read instead of the running system.")
    var root: String?

    @Option(name: .long, help: "Management evidence folder (index.yaml + documents).")
    var evidence: String?

    @Option(
        name: .long, help: ArgumentHelp("Name the root this way in reports (for prepared copies).", visibility: .hidden)
    )
    var rootLabel: String?

    @Option(name: .customLong("tls"), help: "Also probe this TLS endpoint (HOST:PORT); repeatable.")
    var tlsEndpoints: [String] = []

    @Option(name: .long, help: "Also analyse this LAN capture (pcap/pcapng): the LAN section the network rules judge.")
    var pcap: String?

    /// `--root`, else the first root of capdo.yaml, else `/`; refused unless it is a directory.
    func rootPath(_ config: CapdoConfig) throws -> String {
        let path = root ?? config.roots.first ?? "/"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.usage("--root '\(path)' is not a directory")
        }
        return path
    }

    /// `--evidence`, else capdo.yaml `evidence`, else `<root>/etc/capdo/evidence` when it exists.
    func evidenceFolder(_ config: CapdoConfig, root: String) -> String? {
        evidence ?? config.evidence ?? SafetyGuard.defaultEvidence(root: root)
    }
}
