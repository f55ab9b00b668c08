import CapdoCore

/// The observers `LanAnalyzer` shows every packet to, in this order, and then asks for their facts.
///
/// Adding an observation is one `PacketObserver` in Observers/ and one line in each list here. The observers are
/// called one by one on concrete types, so every call is resolved and inlined when CapdoNet is compiled (nested
/// generic pairs of observers were not fully specialized past a dozen levels: the innermost were called through
/// witness tables). The order matters only where two observers record credentials from the same packet: they are
/// listed in packet order, then in this order.
struct LanObservers {
    private var hosts = HostObserver()
    private var arp = ArpObserver()
    private var services = ServiceObserver()
    private var dhcp = DhcpObserver()
    private var portProtocols = PortProtocolObserver()
    private var nameServices = NameServiceObserver()
    private var smb = SmbObserver()
    private var snmp = SnmpObserver()
    private var telnetLogins = TelnetLoginObserver()
    private var ftpPop3Logins = FtpPop3LoginObserver()
    private var imapLogins = ImapLoginObserver()
    private var smtpLogins = SmtpLoginObserver()
    private var httpBasicAuth = HttpBasicAuthObserver()
    private var httpFormLogins = HttpFormLoginObserver()
    private var vlans = VlanObserver()
    private var neighbours = NeighbourObserver()
    private var spanningTree = SpanningTreeObserver()
    private var linkFrames = LinkFrameObserver()
    private var routerAdvertisements = RouterAdvertisementObserver()
    private var hostNames = HostNameObserver()

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        hosts.observe(packet, credentials: &credentials)
        arp.observe(packet, credentials: &credentials)
        services.observe(packet, credentials: &credentials)
        dhcp.observe(packet, credentials: &credentials)
        portProtocols.observe(packet, credentials: &credentials)
        nameServices.observe(packet, credentials: &credentials)
        smb.observe(packet, credentials: &credentials)
        snmp.observe(packet, credentials: &credentials)
        // The cleartext logins look only at TCP segments carrying data.
        if packet.isTCP && !packet.payload.isEmpty {
            telnetLogins.observe(packet, credentials: &credentials)
            ftpPop3Logins.observe(packet, credentials: &credentials)
            imapLogins.observe(packet, credentials: &credentials)
            smtpLogins.observe(packet, credentials: &credentials)
            httpBasicAuth.observe(packet, credentials: &credentials)
            httpFormLogins.observe(packet, credentials: &credentials)
        }
        vlans.observe(packet, credentials: &credentials)
        neighbours.observe(packet, credentials: &credentials)
        spanningTree.observe(packet, credentials: &credentials)
        linkFrames.observe(packet, credentials: &credentials)
        routerAdvertisements.observe(packet, credentials: &credentials)
        hostNames.observe(packet, credentials: &credentials)
    }

    /// A packet whose decoding stopped early (the headers up to there are set).
    @inline(__always) mutating func observeUndecoded(_ packet: ObservedPacket) {
        hosts.observeUndecoded(packet)
        arp.observeUndecoded(packet)
        services.observeUndecoded(packet)
        dhcp.observeUndecoded(packet)
        portProtocols.observeUndecoded(packet)
        nameServices.observeUndecoded(packet)
        smb.observeUndecoded(packet)
        snmp.observeUndecoded(packet)
        telnetLogins.observeUndecoded(packet)
        ftpPop3Logins.observeUndecoded(packet)
        imapLogins.observeUndecoded(packet)
        smtpLogins.observeUndecoded(packet)
        httpBasicAuth.observeUndecoded(packet)
        httpFormLogins.observeUndecoded(packet)
        vlans.observeUndecoded(packet)
        neighbours.observeUndecoded(packet)
        spanningTree.observeUndecoded(packet)
        linkFrames.observeUndecoded(packet)
        routerAdvertisements.observeUndecoded(packet)
        hostNames.observeUndecoded(packet)
    }

    /// Adds every observer's facts, in the order above (`VlanObserver` reads the services `ServiceObserver` added).
    func contribute(to facts: inout LanFacts) {
        hosts.contribute(to: &facts)
        arp.contribute(to: &facts)
        services.contribute(to: &facts)
        dhcp.contribute(to: &facts)
        portProtocols.contribute(to: &facts)
        nameServices.contribute(to: &facts)
        smb.contribute(to: &facts)
        snmp.contribute(to: &facts)
        telnetLogins.contribute(to: &facts)
        ftpPop3Logins.contribute(to: &facts)
        imapLogins.contribute(to: &facts)
        smtpLogins.contribute(to: &facts)
        httpBasicAuth.contribute(to: &facts)
        httpFormLogins.contribute(to: &facts)
        vlans.contribute(to: &facts)
        neighbours.contribute(to: &facts)
        spanningTree.contribute(to: &facts)
        linkFrames.contribute(to: &facts)
        routerAdvertisements.contribute(to: &facts)
        hostNames.contribute(to: &facts)
    }
}
