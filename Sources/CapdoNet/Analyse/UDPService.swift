/// The UDP protocols of interest, by port. A datagram counts for the first whose ports it matches, in this order:
/// from 53 to 137 is NBNS, from 123 to 69 is TFTP.
enum UDPService {
    case dhcpReply, dhcpRequest, tftp, ntp, syslog, hsrp, snmp, mdns, llmnr, nbns, dns, other

    @inline(__always) init(source: UInt16, destination: UInt16) {
        switch (source, destination) {
        case (67, 68), (67, 67): self = .dhcpReply
        case (68, 67): self = .dhcpRequest
        case (_, 69): self = .tftp
        case (_, 123), (123, _): self = .ntp
        case (_, 514): self = .syslog
        case (_, 1985), (_, 2029): self = .hsrp
        case (_, 161), (_, 162): self = .snmp
        case (_, 5353), (5353, _): self = .mdns
        case (_, 5355), (5355, _): self = .llmnr
        case (_, 137), (137, _): self = .nbns
        case (_, 53), (53, _): self = .dns
        default: self = .other
        }
    }
}
