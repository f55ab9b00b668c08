import CapdoCore
import Foundation

/// Reads capture files and live interfaces into a `LanAnalyzer`, streaming (`pcap_next_ex`).
public enum CaptureReader {
    /// What a read produced: the facts and, when the file ended badly, libpcap's message.
    public struct Outcome: Sendable {
        public var facts: LanFacts
        /// Set when reading stopped early (truncated file, bad record); the facts cover the packets before it.
        public var warning: String?
        /// What the report must say about the reading: a file unreadable past some block or record (`unreadable`:
        /// no LAN rule may pass on it, the run exits 1), a file cut short in a record (a capture still being
        /// written or rotated: a warning), tables that overflowed their limits (warnings).
        public var issues: [CollectionIssue] = []
    }

    /// Reads a pcap/pcapng file. Throws for a missing file, a non-capture, or a link type capdo cannot decode.
    public static func read(path: String, segment: String? = nil) throws -> Outcome {
        let handle = try PcapHandle.openOffline(path: path)
        var analyzer = LanAnalyzer(segment: segment ?? URL(fileURLWithPath: path).lastPathComponent, mode: "pcap")
        guard analyzer.setLinkType(handle.linkType, name: handle.linkTypeName) else {
            throw CapdoError(
                .capture,
                "Capture '\(path)' has link type \(handle.linkType) (\(handle.linkTypeName)), which capdo does not decode "
                    + "(supported: Ethernet, Linux SLL/SLL2, BSD loopback, raw IP).")
        }
        let error = handle.read(into: &analyzer)
        var warning: String?
        var facts = analyzer.facts()
        var issues = limitIssues(facts, file: path)
        if let error {
            warning = "capture '\(path)' ends badly after \(facts.counters.packets) packets: \(error)"
            facts.counters.skipped["unreadable_rest_of_file", default: 0] += 1
            // libpcap says "truncated" when the file ends inside a record: the packets before it are all there.
            let cutShort = error.contains("truncated")
            issues.insert(
                CollectionIssue(
                    collector: "lan", level: cutShort ? .warning : .unreadable, file: path,
                    message: cutShort
                        ? "the capture ends inside a record after \(facts.counters.packets) packets: \(error)"
                        : "the capture cannot be read after \(facts.counters.packets) packets: \(error)"),
                at: 0)
        }
        return Outcome(facts: facts, warning: warning, issues: issues)
    }

    /// Warnings for the analyser's tables that overflowed (counted in the facts, said in the report).
    static func limitIssues(_ facts: LanFacts, file: String?) -> [CollectionIssue] {
        guard let over = facts.counters.hostsOverLimit, over > 0 else { return [] }
        return [
            CollectionIssue(
                collector: "lan", level: .warning, file: file,
                message:
                    "\(over) more hosts than the \(facts.hosts.count) listed were seen: counted, not listed "
                    + "(counters.hosts_over_limit); their packets were still analysed for services and credentials")
        ]
    }

    /// Captures on a live interface for `duration` seconds, or until SIGINT/SIGTERM (optionally with a BPF filter
    /// and saving a copy). Runs on its own thread: the blocking libpcap calls never occupy the concurrency pool.
    public static func capture(
        interface: String, duration: Double, filter: String? = nil, writeTo path: String? = nil
    ) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(
                        returning: try captureBlocking(
                            interface: interface, duration: duration, filter: filter, writeTo: path))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    static func captureBlocking(interface: String, duration: Double, filter: String?, writeTo path: String?) throws
        -> Outcome
    {
        let handle = try PcapHandle.openLive(interface: interface, filter: filter)
        var analyzer = LanAnalyzer(segment: "interface \(interface)", mode: "interface")
        guard analyzer.setLinkType(handle.linkType, name: handle.linkTypeName) else {
            throw CapdoError(
                .capture, "Interface '\(interface)' has link type \(handle.linkTypeName), which capdo does not decode.")
        }
        if let path { try handle.startDump(path: path) }
        CaptureInterruption.install()
        let error = handle.read(
            until: Date().addingTimeInterval(duration), stop: { CaptureInterruption.wasRequested }, into: &analyzer)
        CaptureInterruption.restore()
        handle.flushDump()
        var facts = analyzer.facts()
        if let dropped = handle.droppedPackets, dropped > 0 { facts.counters.skipped["dropped_by_kernel"] = dropped }
        return Outcome(
            facts: facts, warning: error.map { "capture on '\(interface)' stopped: \($0)" },
            issues: limitIssues(facts, file: nil))
    }
}
