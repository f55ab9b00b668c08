import CapdoCore
import Foundation

/// Turns a stream of packets into `LanFacts`: hosts, proven services, cleartext credentials (redacted), DHCP
/// servers, ARP conflicts, protocols of interest. Every table is bounded, so memory stays flat.
public struct LanAnalyzer: PacketSink {
    static let hostLimit = 65_536
    /// Distinct hosts counted beyond `hostLimit` (not listed); past this many the count is a lower bound.
    static let overflowCountLimit = 1 << 20
    static let pendingLimit = 262_144
    static let credentialLimit = 1_000
    static let sessionLimit = 4_096

    private struct HostState {
        var address: IPAddress
        var mac: UInt64
        var hasMAC: Bool
        var first: Double
        var last: Double
        var firstPacket: Int
        var packets: Int
    }

    private struct ServiceState {
        var packets: [Int]
        /// Addresses, not text: a service's SYN-ACKs build no string (text is made once, in `facts()`).
        var clients: Set<IPAddress>
    }

    private struct DhcpState {
        var mac: UInt64?
        var offers = 0
        var acks = 0
        var packets: [Int] = []
    }

    let segment: String
    let mode: String
    var linkTypeName: String?
    private var decoder: PacketDecoder?
    private var packet = DecodedPacket()
    private var counters = LanCounters()
    private var skipped = [Int](repeating: 0, count: SkipReason.allCases.count)
    private var firstTime: Double?
    private var lastTime = 0.0
    private var hostIndex: [IPAddress: Int] = [:]
    private var hosts: [HostState] = []
    /// Hosts seen after the host table was full: only counted.
    private var overflowHosts = Set<IPAddress>()
    private var lastHost = -1
    private var previousHost = -1
    private var pendingSyn: [FlowKey: Int] = [:]
    private var pendingUDP: [FlowKey: Int] = [:]
    private var services: [ServiceKey: ServiceState] = [:]
    private var sessions: [FlowKey: CleartextSession] = [:]
    private var credentials: [LanCredential] = []
    private var dhcp: [IPAddress: DhcpState] = [:]
    private var arpClaims: [UInt32: [(mac: UInt64, packet: Int)]] = [:]
    private var tallies = [ProtocolTally?](repeating: nil, count: ProtocolTally.Name.allCases.count)
    private var number = 0

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
        number += 1
        counters.packets += 1
        counters.bytes += record.length
        let time = Double(record.seconds) + Double(record.microseconds) / 1_000_000
        if firstTime == nil { firstTime = time }
        if time > lastTime { lastTime = time }
        guard let decoder else {
            skip(.unsupportedLinkType)
            return
        }
        if let reason = decoder.decode(record.bytes, into: &packet) {
            // ARP and IP headers decoded before the failure still count as seen hosts.
            if packet.network == .ipv4 || packet.network == .ipv6 { noteHost(packet.source, time: time) }
            skip(reason)
            return
        }
        counters.decoded += 1
        switch packet.network {
        case .arp:
            analyseARP(time: time)
        case .ipv4, .ipv6:
            if packet.isFragment { counters.ipv4Fragments += packet.network == .ipv4 ? 1 : 0 }
            noteHost(packet.source, time: time)
            if packet.hasTransport { analyseTransport(record.bytes) }
        case .none:
            break
        }
    }

    private mutating func skip(_ reason: SkipReason) {
        skipped[reason.rawValue] += 1
        if reason.isMalformed { counters.malformed += 1 }
    }

    // MARK: hosts

    private mutating func noteHost(_ address: IPAddress, time: Double) {
        if address.isGroupOrUnspecified { return }
        // Two-entry cache: a conversation alternates between two sources, so most packets skip the hash lookup.
        if lastHost >= 0 && hosts[lastHost].address == address {
            hosts[lastHost].last = max(hosts[lastHost].last, time)
            hosts[lastHost].packets += 1
            return
        }
        if previousHost >= 0 && hosts[previousHost].address == address {
            hosts[previousHost].last = max(hosts[previousHost].last, time)
            hosts[previousHost].packets += 1
            swap(&lastHost, &previousHost)
            return
        }
        if let index = hostIndex[address] {
            hosts[index].last = max(hosts[index].last, time)
            hosts[index].packets += 1
            previousHost = lastHost
            lastHost = index
            return
        }
        guard hosts.count < Self.hostLimit else {
            if overflowHosts.count < Self.overflowCountLimit { overflowHosts.insert(address) }
            return
        }
        hostIndex[address] = hosts.count
        hosts.append(
            HostState(
                address: address, mac: packet.sourceMAC, hasMAC: packet.hasMAC, first: time, last: time,
                firstPacket: number,
                packets: 1))
        previousHost = lastHost
        lastHost = hosts.count - 1
    }

    private mutating func analyseARP(time: Double) {
        guard packet.arpSenderIP != 0, packet.arpOperation == 1 || packet.arpOperation == 2 else { return }
        let address = IPAddress.v4(packet.arpSenderIP)
        let savedMAC = (packet.sourceMAC, packet.hasMAC)
        packet.sourceMAC = packet.arpSenderMAC
        packet.hasMAC = true
        noteHost(address, time: time)
        (packet.sourceMAC, packet.hasMAC) = savedMAC
        var claims = arpClaims[packet.arpSenderIP, default: []]
        if !claims.contains(where: { $0.mac == packet.arpSenderMAC }), claims.count < 8 {
            if arpClaims.count < Self.hostLimit || arpClaims[packet.arpSenderIP] != nil {
                claims.append((packet.arpSenderMAC, number))
                arpClaims[packet.arpSenderIP] = claims
            } else {
                counters.skipped["arp_claims_over_limit", default: 0] += 1
            }
        }
        tally(.arp, source: nil, destination: nil)
    }

    // MARK: transport

    private mutating func analyseTransport(_ bytes: UnsafeRawBufferPointer) {
        let payload = UnsafeRawBufferPointer(
            rebasing: bytes[packet.payloadOffset..<(packet.payloadOffset + packet.payloadLength)])
        switch packet.ipProtocol {
        case 6: analyseTCP(payload)
        case 17: analyseUDP(payload)
        case 112: tally(.vrrp, source: packet.source, destination: nil)
        default: break
        }
    }

    private mutating func analyseTCP(_ payload: UnsafeRawBufferPointer) {
        let flags = packet.tcpFlags
        let syn = flags & 0x02 != 0, ack = flags & 0x10 != 0
        if syn && !ack {
            if pendingSyn.count >= Self.pendingLimit {
                pendingSyn.removeAll(keepingCapacity: true)
                counters.skipped["syn_table_flushed", default: 0] += 1
            }
            let key = FlowKey(
                client: packet.source, server: packet.destination, clientPort: packet.sourcePort,
                serverPort: packet.destinationPort)
            pendingSyn.insertIfAbsent(key, number)
        } else if syn && ack {
            let key = FlowKey(
                client: packet.destination, server: packet.source, clientPort: packet.destinationPort,
                serverPort: packet.sourcePort)
            if let synPacket = pendingSyn[key] {
                addService(
                    ServiceKey(address: packet.source, port: packet.sourcePort, transport: 6),
                    client: packet.destination, first: synPacket, second: number)
            }
        }
        let low = min(packet.sourcePort, packet.destinationPort)
        if low == 23 { tally(.telnet, sourcePortIsServer: packet.sourcePort == 23) }
        if low == 21 { tally(.ftp, sourcePortIsServer: packet.sourcePort == 21) }
        guard payload.count > 0 else { return }
        let toServer = packet.destinationPort == low
        switch low {
        case 23: telnet(payload, toServer: toServer)
        case 21, 110: if toServer { userPass(payload, protocol: low == 21 ? "ftp" : "pop3") }
        case 143: if toServer { imap(payload) }
        case 25, 587: if toServer { smtp(payload) }
        case 445, 139: smb(payload)
        case 514, 601: if toServer { tally(.syslog, source: packet.source, destination: packet.destination) }
        default: break
        }
        if toServer || low >= 1024, payload.count >= 16, let first = payload.first, first >= 0x41, first <= 0x5A {
            http(payload)
        }
    }

    private mutating func analyseUDP(_ payload: UnsafeRawBufferPointer) {
        let source = packet.sourcePort, destination = packet.destinationPort
        if !packet.destination.isGroupOrUnspecified {
            let reply = FlowKey(
                client: packet.destination, server: packet.source, clientPort: destination, serverPort: source)
            if let request = pendingUDP[reply] {
                addService(
                    ServiceKey(address: packet.source, port: source, transport: 17), client: packet.destination,
                    first: request, second: number)
            } else if pendingUDP.count < Self.pendingLimit {
                let key = FlowKey(
                    client: packet.source, server: packet.destination, clientPort: source, serverPort: destination)
                pendingUDP.insertIfAbsent(key, number)
            } else {
                pendingUDP.removeAll(keepingCapacity: true)
                counters.skipped["udp_table_flushed", default: 0] += 1
            }
        }
        switch (source, destination) {
        case (67, 68), (67, 67): dhcpReply(payload)
        case (_, 69):
            if payload.count >= 2, payload[0] == 0, payload[1] == 1 || payload[1] == 2 {
                tally(.tftp, source: packet.source, destination: packet.destination)
            }
        case (_, 123), (123, _): tally(.ntp, source: packet.source, destination: packet.destination)
        case (_, 514): tally(.syslog, source: packet.source, destination: packet.destination)
        case (_, 1985), (_, 2029): tally(.hsrp, source: packet.source, destination: nil)
        case (_, 161), (_, 162): snmp(payload, server: destination)
        case (_, 5353), (5353, _): dnsLike(.mdns, payload)
        case (_, 5355), (5355, _): dnsLike(.llmnr, payload)
        case (_, 137), (137, _): dnsLike(.nbns, payload)
        case (_, 53), (53, _): dnsLike(.dns, payload)
        default: break
        }
    }

    /// A proven service: the first proof's two packet numbers and up to `ProtocolTally.limit` clients.
    private mutating func addService(_ key: ServiceKey, client: IPAddress, first: Int, second: Int) {
        if let index = services.index(forKey: key) {
            if services.values[index].clients.count < ProtocolTally.limit {
                services.values[index].clients.insert(client)
            }
        } else if services.count < Self.hostLimit {
            services[key] = ServiceState(packets: [first, second], clients: [client])
        } else {
            counters.skipped["services_over_limit", default: 0] += 1
        }
    }

    // MARK: protocols of interest

    private mutating func tally(_ name: ProtocolTally.Name, source: IPAddress?, destination: IPAddress?) {
        if tallies[name.rawValue] == nil { tallies[name.rawValue] = ProtocolTally() }
        tallies[name.rawValue]!.add(packet: number, source: source, destination: destination)
    }

    private mutating func tally(_ name: ProtocolTally.Name, sourcePortIsServer: Bool) {
        let client = sourcePortIsServer ? packet.destination : packet.source
        let server = sourcePortIsServer ? packet.source : packet.destination
        tally(name, source: client, destination: server)
    }

    private mutating func dnsLike(_ name: ProtocolTally.Name, _ payload: UnsafeRawBufferPointer) {
        guard payload.count >= 12 else {
            counters.skipped["truncated_\(name.text)", default: 0] += 1
            return
        }
        tally(name, source: packet.source, destination: nil)
    }

    private mutating func dhcpReply(_ payload: UnsafeRawBufferPointer) {
        guard payload.count >= 240, payload[0] == 2,
            payload.loadUnaligned(fromByteOffset: 236, as: UInt32.self) == UInt32(0x6382_5363).bigEndian
        else { return }
        var cursor = 240
        var messageType: UInt8 = 0
        var server = packet.source
        while cursor < payload.count {
            let code = payload[cursor]
            if code == 255 { break }
            if code == 0 { cursor += 1; continue }
            guard cursor + 1 < payload.count else { break }
            let length = Int(payload[cursor + 1])
            guard cursor + 2 + length <= payload.count else { break }
            if code == 53, length == 1 { messageType = payload[cursor + 2] }
            if code == 54, length == 4 {
                server = .v4(UInt32(bigEndian: payload.loadUnaligned(fromByteOffset: cursor + 2, as: UInt32.self)))
            }
            cursor += 2 + length
        }
        guard messageType == 2 || messageType == 5 else { return }
        var state = dhcp[server] ?? DhcpState()
        if state.mac == nil, packet.hasMAC { state.mac = packet.sourceMAC }
        if messageType == 2 { state.offers += 1 } else { state.acks += 1 }
        if state.packets.count < 10 { state.packets.append(number) }
        if dhcp.count < 256 || dhcp[server] != nil {
            dhcp[server] = state
        } else {
            counters.skipped["dhcp_servers_over_limit", default: 0] += 1
        }
        tally(.dhcp, source: server, destination: nil)
    }

    private mutating func smb(_ payload: UnsafeRawBufferPointer) {
        // NetBIOS session header (4 bytes), then 0xFF 'S' 'M' 'B' and the command (0x72 = NEGOTIATE).
        guard payload.count >= 9, payload[4] == 0xFF, payload[5] == 0x53, payload[6] == 0x4D, payload[7] == 0x42,
            payload[8] == 0x72
        else { return }
        let serverIsSource = packet.sourcePort == 445 || packet.sourcePort == 139
        tally(.smb1, sourcePortIsServer: serverIsSource)
    }

    private mutating func snmp(_ payload: UnsafeRawBufferPointer, server: UInt16) {
        tally(.snmp, source: packet.source, destination: packet.destination)
        guard let message = CredentialParser.snmp(payload) else { return }
        record(
            LanCredential(
                protocol: message.version == 0 ? "snmp_v1" : "snmp_v2c", client: packet.source.description,
                server: "\(packet.destination.description):\(server)", packet: number, secretSeen: true,
                defaultSecret: message.isDefault))
    }

    // MARK: cleartext credentials

    private var flowToServer: FlowKey {
        FlowKey(
            client: packet.source, server: packet.destination, clientPort: packet.sourcePort,
            serverPort: packet.destinationPort)
    }

    private mutating func record(_ credential: LanCredential) {
        if credentials.count < Self.credentialLimit {
            credentials.append(credential)
        } else {
            counters.skipped["credentials_over_limit", default: 0] += 1
        }
    }

    private mutating func credential(_ proto: String, user: String?, secretSeen: Bool = true) {
        record(
            LanCredential(
                protocol: proto, client: packet.source.description,
                server: "\(packet.destination.description):\(packet.destinationPort)", packet: number, user: user,
                secretSeen: secretSeen))
    }

    private mutating func withSession(_ key: FlowKey, _ body: (inout CleartextSession) -> Void) {
        var session = sessions[key] ?? CleartextSession()
        body(&session)
        if sessions.count >= Self.sessionLimit && sessions[key] == nil {
            sessions.removeAll()
            counters.skipped["cleartext_sessions_flushed", default: 0] += 1
        }
        sessions[key] = session
    }

    private mutating func userPass(_ payload: UnsafeRawBufferPointer, protocol proto: String) {
        for line in CredentialParser.lines(payload) {
            if CredentialParser.hasPrefix(line, "USER ") {
                let user = CredentialParser.userName(line.dropFirst(5))
                withSession(flowToServer) { $0.user = user }
            } else if CredentialParser.hasPrefix(line, "PASS ") {
                let user = sessions[flowToServer]?.user
                credential(proto, user: user)
            } else if CredentialParser.hasPrefix(line, "APOP ") {
                credential(
                    proto, user: CredentialParser.words(line).dropFirst().first.flatMap(CredentialParser.userName))
            }
        }
    }

    private mutating func imap(_ payload: UnsafeRawBufferPointer) {
        for line in CredentialParser.lines(payload) {
            let words = CredentialParser.words(line)
            guard words.count >= 2 else { continue }
            let command = Array(words[1])
            if CredentialParser.hasPrefix(command, "LOGIN"), command.count == 5 {
                credential("imap", user: words.count > 2 ? CredentialParser.userName(words[2]) : nil)
            } else if CredentialParser.hasPrefix(command, "AUTHENTICATE"), words.count > 2,
                CredentialParser.hasPrefix(Array(words[2]), "PLAIN")
            {
                let user = words.count > 3 ? CredentialParser.base64(words[3]).flatMap(CredentialParser.plainUser) : nil
                credential("imap", user: user)
            }
        }
    }

    private mutating func smtp(_ payload: UnsafeRawBufferPointer) {
        let key = flowToServer
        for line in CredentialParser.lines(payload) {
            let stage = sessions[key]?.stage ?? .idle
            if stage == .smtpLoginUser {
                let user = CredentialParser.base64(line).flatMap { CredentialParser.userName($0) }
                withSession(key) {
                    $0.user = user; $0.stage = .smtpLoginSecret
                }
            } else if stage == .smtpLoginSecret {
                let user = sessions[key]?.user
                withSession(key) { $0.stage = .idle }
                credential("smtp", user: user)
            } else if CredentialParser.hasPrefix(line, "AUTH PLAIN") {
                let words = CredentialParser.words(line)
                let user = words.count > 2 ? CredentialParser.base64(words[2]).flatMap(CredentialParser.plainUser) : nil
                credential("smtp", user: user)
            } else if CredentialParser.hasPrefix(line, "AUTH LOGIN") {
                let words = CredentialParser.words(line)
                if words.count > 2 {
                    let user = CredentialParser.base64(words[2]).flatMap { CredentialParser.userName($0) }
                    withSession(key) {
                        $0.user = user; $0.stage = .smtpLoginSecret
                    }
                } else {
                    withSession(key) { $0.stage = .smtpLoginUser }
                }
            }
        }
    }

    private mutating func http(_ payload: UnsafeRawBufferPointer) {
        let methods = ["GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH "]
        let start = Array(payload.prefix(8))
        guard methods.contains(where: { CredentialParser.hasPrefix(start, $0) }) else { return }
        for line in CredentialParser.lines(payload) {
            for header in ["Authorization: Basic ", "Proxy-Authorization: Basic "]
            where CredentialParser.hasPrefix(line, header) {
                let user = CredentialParser.base64(line.dropFirst(header.utf8.count)).flatMap(
                    CredentialParser.basicUser)
                credential("http_basic", user: user)
            }
        }
    }

    /// Telnet: after the server prompts `login:`, the client's bytes up to CR/LF are the user; after
    /// `Password:`, the client's bytes are counted (never kept) and the line end records the credential.
    private mutating func telnet(_ payload: UnsafeRawBufferPointer, toServer: Bool) {
        let key = toServer ? flowToServer : flowToServer.reversed
        if !toServer {
            let text = String(decoding: payload.prefix(512).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
            if text.contains("assword:") {
                withSession(key) {
                    $0.stage = .telnetSecret; $0.secretBytes = 0
                }
            } else if text.contains("login:") || text.contains("username:") {
                withSession(key) {
                    $0.stage = .telnetUser; $0.userBuffer = []
                }
            }
            return
        }
        guard let stage = sessions[key]?.stage, stage == .telnetUser || stage == .telnetSecret else { return }
        var index = 0
        var ended = false
        var data: [UInt8] = []
        while index < payload.count {
            let byte = payload[index]
            if byte == 0xFF { index += (index + 1 < payload.count && payload[index + 1] >= 0xFA) ? 3 : 2; continue }
            if byte == 0x0D || byte == 0x0A { ended = true; break }
            if stage == .telnetUser { data.append(byte) }
            index += 1
        }
        withSession(key) { session in
            if stage == .telnetUser {
                if session.userBuffer.count < 64 { session.userBuffer += data.prefix(64 - session.userBuffer.count) }
                if ended {
                    session.user = CredentialParser.userName(session.userBuffer)
                    session.stage = .idle
                }
            } else {
                session.secretBytes += payload.count
                if ended {
                    session.stage = .idle
                }
            }
        }
        if stage == .telnetSecret && ended {
            credential("telnet", user: sessions[key]?.user)
        }
    }

    // MARK: facts

    /// The facts so far (sorted, deterministic).
    public func facts() -> LanFacts {
        var counters = self.counters
        for reason in SkipReason.allCases where skipped[reason.rawValue] > 0 {
            counters.skipped[reason.key] = skipped[reason.rawValue]
        }
        if !overflowHosts.isEmpty { counters.hostsOverLimit = overflowHosts.count }
        let date = { (time: Double) in Date(timeIntervalSince1970: time) }
        let hostList = hosts.sorted { $0.address < $1.address }.map {
            LanHost(
                ip: $0.address.description, mac: $0.hasMAC ? MACAddress.string($0.mac) : nil, firstSeen: date($0.first),
                lastSeen: date($0.last), firstPacket: $0.firstPacket, packets: $0.packets)
        }
        let serviceList = services.keys.sorted().map { key -> LanService in
            let transport = key.transport == 6 ? "tcp" : "udp"
            let state = services[key]!
            return LanService(
                ip: key.address.description, port: Int(key.port), protocol: transport,
                name: WellKnownPorts.name(Int(key.port), transport: transport), method: "passive",
                packets: state.packets,
                clients: state.clients.map(\.description).sorted())
        }
        let dhcpList = dhcp.keys.sorted().map { key -> LanDhcpServer in
            let state = dhcp[key]!
            return LanDhcpServer(
                ip: key.description, mac: state.mac.map(MACAddress.string), offers: state.offers, acks: state.acks,
                packets: state.packets)
        }
        let conflicts = arpClaims.keys.sorted().compactMap { ip -> LanArpConflict? in
            guard let claims = arpClaims[ip], claims.count > 1 else { return nil }
            return LanArpConflict(
                ip: IPAddress.v4(ip).description, macs: claims.map { MACAddress.string($0.mac) },
                packets: claims.map(\.packet))
        }
        let seen = ProtocolTally.Name.allCases.sorted { $0.text < $1.text }.compactMap { name -> LanProtocolSeen? in
            guard let tally = tallies[name.rawValue] else { return nil }
            return LanProtocolSeen(
                protocol: name.text, packets: tally.packets, firstPacket: tally.firstPacket,
                sources: tally.sources.map(\.description).sorted(),
                destinations: tally.destinations.map(\.description).sorted())
        }
        return LanFacts(
            segment: segment, mode: mode, linkType: linkTypeName, firstPacketTime: firstTime.map(date),
            lastPacketTime: firstTime == nil ? nil : date(lastTime), hosts: hostList, services: serviceList,
            credentials: credentials, dhcpServers: dhcpList, arpConflicts: conflicts, protocolsSeen: seen,
            counters: counters)
    }
}

extension Dictionary {
    /// Stores `value` under `key` unless the key is present, with one hash lookup (the `default:` subscript's
    /// modify accessor inserts only when absent).
    @inline(__always) fileprivate mutating func insertIfAbsent(_ key: Key, _ value: Value) {
        func touch(_ stored: inout Value) {}
        touch(&self[key, default: value])
    }
}
