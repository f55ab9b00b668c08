import CapdoCore
import CapdoRules
import Foundation

/// What a host's facts are gathered from (`--root`, `--evidence`, `--tls`, `--pcap`), shared by `capdo scan` and
/// `capdo collect` so that the snapshot `collect` writes holds every fact a `scan` with the same options judges.
public struct FactChoice: Sendable {
    public var root: String?
    public var evidence: String?
    /// The root's name in reports (for prepared copies).
    public var rootLabel: String?
    public var tlsEndpoints: [String]
    public var pcap: String?

    public init(
        root: String? = nil, evidence: String? = nil, rootLabel: String? = nil, tlsEndpoints: [String] = [],
        pcap: String? = nil
    ) {
        self.root = root
        self.evidence = evidence
        self.rootLabel = rootLabel
        self.tlsEndpoints = tlsEndpoints
        self.pcap = pcap
    }

    /// `--root`, else the first root of capdo.yaml, else `/`; refused unless it is a directory.
    public func rootPath(_ config: CapdoConfig) throws(CapdoError) -> String {
        let path = root ?? config.roots.first ?? "/"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CapdoError(.usage, "--root '\(path)' is not a directory")
        }
        return path
    }

    /// `--evidence`, else capdo.yaml `evidence`, else `<root>/etc/capdo/evidence` when it exists.
    func evidenceFolder(_ config: CapdoConfig, root: String) -> String? {
        evidence ?? config.evidence ?? SafetyGuard.defaultEvidence(root: root)
    }
}
