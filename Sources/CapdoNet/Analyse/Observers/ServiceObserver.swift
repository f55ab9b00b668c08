import CapdoCore

/// Services proven by traffic: a SYN answered by a SYN-ACK (TCP), a datagram answered from the port it was sent
/// to (UDP). Each keeps the two packet numbers of its first proof and up to `ProtocolTally.limit` clients.
struct ServiceObserver: PacketObserver {
    static let limit = 65_536
    /// SYNs and UDP requests awaiting an answer; a full table is emptied and the flush counted.
    static let pendingLimit = 262_144

    private struct Service {
        var packets: [Int]
        /// Addresses, not text: a service's SYN-ACKs build no string (text is made once, in `contribute`).
        var clients: Set<IPAddress>
    }

    private var pendingSyn = KeyedTable<FlowKey, Int>()
    private var pendingUDP = KeyedTable<FlowKey, Int>()
    private var services = KeyedTable<ServiceKey, Service>()
    private var synFlushes = 0
    private var udpFlushes = 0
    private var servicesOverLimit = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        if packet.isTCP {
            observeTCP(packet)
        } else if packet.isUDP {
            observeUDP(packet)
        }
    }

    private mutating func observeTCP(_ packet: ObservedPacket) {
        let syn = packet.headers.tcpFlags & 0x02 != 0, ack = packet.headers.tcpFlags & 0x10 != 0
        if syn && !ack {
            if pendingSyn.count >= Self.pendingLimit {
                pendingSyn.removeAll()
                synFlushes += 1
            }
            pendingSyn.insertIfAbsent(packet.flowToServer, packet.number)
        } else if syn && ack {
            if let synPacket = pendingSyn[packet.flowToServer.reversed] {
                add(
                    ServiceKey(address: packet.headers.source, port: packet.headers.sourcePort, transport: 6),
                    client: packet.headers.destination, first: synPacket, second: packet.number)
            }
        }
    }

    private mutating func observeUDP(_ packet: ObservedPacket) {
        guard !packet.headers.destination.isGroupOrUnspecified else { return }
        if let request = pendingUDP[packet.flowToServer.reversed] {
            add(
                ServiceKey(address: packet.headers.source, port: packet.headers.sourcePort, transport: 17),
                client: packet.headers.destination, first: request, second: packet.number)
        } else if pendingUDP.count < Self.pendingLimit {
            pendingUDP.insertIfAbsent(packet.flowToServer, packet.number)
        } else {
            pendingUDP.removeAll()
            udpFlushes += 1
        }
    }

    private mutating func add(_ key: ServiceKey, client: IPAddress, first: Int, second: Int) {
        if let slot = services.slot(of: key) {
            if services[slot: slot].clients.count < ProtocolTally.limit {
                services[slot: slot].clients.insert(client)
            }
        } else if services.count < Self.limit {
            services.insertIfAbsent(key, Service(packets: [first, second], clients: [client]))
        } else {
            servicesOverLimit += 1
        }
    }

    func contribute(to facts: inout LanFacts) {
        facts.services += services.entries.sorted { $0.key < $1.key }.map { key, service -> LanService in
            let transport = key.transport == 6 ? "tcp" : "udp"
            return LanService(
                ip: key.address.description, port: Int(key.port), protocol: transport,
                name: WellKnownPorts.name(Int(key.port), transport: transport), method: "passive",
                packets: service.packets, clients: service.clients.map(\.description).sorted())
        }
        facts.counters.addSkipped("syn_table_flushed", synFlushes)
        facts.counters.addSkipped("udp_table_flushed", udpFlushes)
        facts.counters.addSkipped("services_over_limit", servicesOverLimit)
    }
}
