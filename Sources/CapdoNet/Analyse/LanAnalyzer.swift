import CapdoCore
import Foundation

/// Turns a stream of packets into `LanFacts`: it decodes each packet, counts what it read and skipped, and shows
/// the packet to `LanObservers` (hosts, services, credentials, DHCP, ARP, protocols of interest), then asks them for
/// their facts. Every table is bounded, so memory stays flat.
public struct LanAnalyzer: PacketSink {
    let segment: String
    let mode: String
    var linkTypeName: String?
    private var decoder: PacketDecoder?
    private var counters = LanCounters()
    private var skipped = [Int](repeating: 0, count: SkipReason.allCases.count)
    private var firstTime: Double?
    private var lastTime = 0.0
    /// The packet being observed (its payload points into the record only during `consume`).
    private let slot = PacketSlot()
    private var observers = LanObservers()
    private var credentials = CredentialLog()

    public init(segment: String, mode: String) {
        self.segment = segment
        self.mode = mode
    }

    /// Sets the link type of the packets that follow; false when capdo cannot decode it.
    mutating func setLinkType(_ dlt: Int32, name: String) -> Bool {
        linkTypeName = name
        decoder = PacketDecoder(dlt: dlt)
        return decoder != nil
    }

    /// Consumes one packet (numbered from 1 in arrival order).
    mutating func consume(_ record: PacketRecord) {
        counters.packets += 1
        counters.bytes += record.length
        let time = Double(record.seconds) + Double(record.microseconds) / 1_000_000
        if firstTime == nil { firstTime = time }
        if time > lastTime { lastTime = time }
        guard let decoder else {
            skip(.unsupportedLinkType)
            return
        }
        let state = slot.state
        state.pointee.number = counters.packets
        state.pointee.time = time
        state.pointee.payload = UnsafeRawBufferPointer(start: nil, count: 0)
        let packet = ObservedPacket(state: state)
        if let reason = decoder.decode(record.bytes, into: &state.pointee.headers) {
            observers.observeUndecoded(packet)
            skip(reason)
            return
        }
        counters.decoded += 1
        if packet.headers.network == .ipv4 && packet.headers.isFragment { counters.ipv4Fragments += 1 }
        // A transport payload, or the PDU of a link-layer frame (LLDP, STP, CDP, …).
        let length = packet.headers.payloadLength
        if length > 0 {
            let start = packet.headers.payloadOffset
            state.pointee.payload = UnsafeRawBufferPointer(rebasing: record.bytes[start..<(start + length)])
        }
        observers.observe(packet, credentials: &credentials)
    }

    private mutating func skip(_ reason: SkipReason) {
        skipped[reason.rawValue] += 1
        if reason.isMalformed { counters.malformed += 1 }
    }

    /// The facts so far (sorted, deterministic).
    public func facts() -> LanFacts {
        var counters = self.counters
        for reason in SkipReason.allCases where skipped[reason.rawValue] > 0 {
            counters.skipped[reason.key] = skipped[reason.rawValue]
        }
        let date = { (time: Double) in Date(timeIntervalSince1970: time) }
        var facts = LanFacts(
            segment: segment, mode: mode, linkType: linkTypeName, firstPacketTime: firstTime.map(date),
            lastPacketTime: firstTime == nil ? nil : date(lastTime), counters: counters)
        observers.contribute(to: &facts)
        credentials.contribute(to: &facts)
        facts.labelVendors(OUIRegistry.installed)
        facts.protocolsSeen.sort { $0.protocol < $1.protocol }
        return facts
    }
}
