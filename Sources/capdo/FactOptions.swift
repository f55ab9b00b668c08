import ArgumentParser
import CapdoApp

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

    var choice: FactChoice {
        FactChoice(root: root, evidence: evidence, rootLabel: rootLabel, tlsEndpoints: tlsEndpoints, pcap: pcap)
    }
}
