import CapdoCore

/// Protocols of interest known by their port or IP protocol alone: VRRP, Telnet, FTP, syslog (TCP and UDP), TFTP,
/// NTP, HSRP. Who used them is what the level-2 network rules ask about.
struct PortProtocolObserver: PacketObserver {
    private var vrrp = ProtocolTally("vrrp")
    private var telnet = ProtocolTally("telnet")
    private var ftp = ProtocolTally("ftp")
    private var syslog = ProtocolTally("syslog")
    private var tftp = ProtocolTally("tftp")
    private var ntp = ProtocolTally("ntp")
    private var hsrp = ProtocolTally("hsrp")

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        guard packet.headers.hasTransport else { return }
        switch packet.headers.ipProtocol {
        case 6:
            let port = packet.serverPort
            if port == 23 { telnet.add(packet, sourceIsServer: packet.headers.sourcePort == 23) }
            if port == 21 { ftp.add(packet, sourceIsServer: packet.headers.sourcePort == 21) }
            if port == 514 || port == 601, packet.toServer, packet.payload.count > 0 {
                syslog.add(packet)
            }
        case 17:
            switch packet.udpService {
            case .tftp:
                let payload = packet.payload
                if payload.count >= 2, payload[0] == 0, payload[1] == 1 || payload[1] == 2 {
                    tftp.add(packet)
                }
            case .ntp: ntp.add(packet)
            case .syslog: syslog.add(packet)
            case .hsrp: hsrp.add(packet, sourceOnly: true)
            default: break
            }
        case 112:
            vrrp.add(packet, sourceOnly: true)
        default:
            break
        }
    }

    func contribute(to facts: inout LanFacts) {
        facts.addSeen(vrrp, telnet, ftp, syslog, tftp, ntp, hsrp)
    }
}
