import CapdoCollect
import CapdoCore
import CapdoNet
import CapdoRules
import Foundation

/// Where LAN facts come from — a capture file, a live interface, an active scan, any combination — read through
/// CapdoNet: what `capdo lan` judges, and (a capture only) the `LanFactSource` `capdo scan --pcap` registers for
/// `LanCollector`.
public struct LanSource: LanFactSource {
    public var pcap: String?
    public var interface: String?
    public var duration: Double = 30
    public var filter: String?
    public var write: String?
    public var targets: String?
    public var ports: String = "top100"
    public var scan: ScanMethod = .connect
    public var rate: Int = 300
    public var timeout: Double = 1
    public var retries: Int = 1
    /// The interface a SYN scan sends on (`--scan-interface`); nil: the routing table's for each target.
    public var scanInterface: String?
    public var authorised = false
    /// The DHCP servers capdo.yaml declares (`lan: {dhcp_servers}`): the facts mark each server seen as declared or
    /// not here, for every route that reads LAN facts (`capdo lan`, `capdo scan --pcap`, `capdo collect --pcap`).
    public var declaredDhcpServers: [String] = []
    /// Says nothing about the capture's progress (`--quiet`); warnings are still said.
    public var quiet = false
    /// Where warnings and progress lines go (standard error for the command line).
    public var warn: @Sendable (String) -> Void = { _ in }
    /// Probes done and in all, as an active scan goes; then the scan's end.
    public var progress: (@Sendable (Int, Int) -> Void)?
    public var progressEnded: (@Sendable () -> Void)?

    public init(pcap: String? = nil) {
        self.pcap = pcap
    }

    /// Takes what capdo.yaml says about the LAN.
    public mutating func configure(_ config: CapdoConfig) {
        declaredDhcpServers = config.lanDhcpServers
    }

    /// Reads, captures and scans as asked, and merges the facts; the issues are what the report must say about
    /// the reading (`CaptureReader.Outcome.issues`).
    public func collect() async throws(CapdoError) -> (facts: LanFacts, issues: [CollectionIssue]) {
        var parts: [LanFacts] = []
        var issues: [CollectionIssue] = []
        do {
            if let pcap {
                let outcome = try CaptureReader.read(path: pcap)
                if let warning = outcome.warning { warn("warning: \(warning)") }
                parts.append(outcome.facts)
                issues += outcome.issues
            }
            if let interface {
                if !quiet { warn("capdo: capturing on \(interface) for \(duration) s…") }
                let outcome = try await CaptureReader.capture(
                    interface: interface, duration: duration, filter: filter, writeTo: write)
                if let warning = outcome.warning { warn("warning: \(warning)") }
                if CaptureInterruption.wasRequested && !quiet {
                    warn("capdo: capture on \(interface) stopped by a signal; analysing what was captured")
                }
                parts.append(outcome.facts)
                issues += outcome.issues
            }
            if let targets {
                let spec = try TargetSpec(targets, authorised: authorised)
                let portSpec = try PortSpec(ports)
                let progress = self.progress ?? { _, _ in }
                switch scan {
                case .connect:
                    parts.append(
                        await ConnectScanner(rate: rate, timeout: timeout, retries: retries).scan(
                            spec, ports: portSpec, progress: progress))
                case .syn:
                    try SynScanner.check(spec)
                    parts.append(
                        try await SynScanner(
                            rate: rate, timeout: timeout, retries: retries, interface: scanInterface
                        ).scan(
                            spec, ports: portSpec, progress: progress))
                }
                progressEnded?()
            }
        } catch let error as CapdoError {
            throw error
        } catch {
            throw CapdoError(.capture, error.localizedDescription)
        }
        var facts = Self.merge(parts)
        facts.declareDhcpServers(declaredDhcpServers)
        return (facts, issues)
    }

    /// The targets `--targets` names, as written (a system owns a LAN run that scanned one of its `lan_targets`).
    var targetList: Set<String> {
        Set((targets ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// One fact set from several sources: hosts by address, services by endpoint and method.
    static func merge(_ parts: [LanFacts]) -> LanFacts {
        guard var merged = parts.first else { return LanFacts(segment: "lan", mode: "none") }
        for part in parts.dropFirst() {
            merged.segment += " + " + part.segment
            merged.mode += "+" + part.mode
            let known = Set(merged.hosts.map(\.ip))
            merged.hosts += part.hosts.filter { !known.contains($0.ip) }
            merged.services += part.services
            merged.credentials += part.credentials
            merged.dhcpServers += part.dhcpServers
            merged.arpConflicts += part.arpConflicts
            merged.protocolsSeen += part.protocolsSeen
            merged.scan = merged.scan ?? part.scan
            merged.linkType = merged.linkType ?? part.linkType
            // Only a capture has link-layer facts (an active scan leaves them nil).
            merged.vlans = merged.vlans ?? part.vlans
            merged.neighbours = merged.neighbours ?? part.neighbours
            merged.spanningTreeRoots = merged.spanningTreeRoots ?? part.spanningTreeRoots
            merged.linkFrames = merged.linkFrames ?? part.linkFrames
            merged.routerAdvertisements = merged.routerAdvertisements ?? part.routerAdvertisements
        }
        return merged
    }
}
