import CapdoCore
import Foundation

/// Reads capture files and live interfaces into a `LanAnalyzer`, streaming (`pcap_next_ex`).
public enum CaptureReader {
    /// What a read produced: the facts and, when the file ended badly, libpcap's message.
    public struct Outcome: Sendable {
        public var facts: LanFacts
        /// Set when reading stopped early (truncated file, bad record); the facts cover the packets before it.
        public var warning: String?
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
        if let error {
            warning = "capture '\(path)' ends badly after \(facts.counters.packets) packets: \(error)"
            facts.counters.skipped["unreadable_rest_of_file", default: 0] += 1
        }
        return Outcome(facts: facts, warning: warning)
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
        return Outcome(facts: facts, warning: error.map { "capture on '\(interface)' stopped: \($0)" })
    }
}
