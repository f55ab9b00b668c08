/// The observers `LanAnalyzer` shows every packet to, in this order, and then asks for their facts.
///
/// Adding an observation is one `PacketObserver` in Observers/ and one line here. The order matters only where two
/// observers record credentials from the same packet: they are listed in packet order, then in this order.
enum LanObservers {
    @PacketObserverList static func make() -> some PacketObserver {
        HostObserver()
        ArpObserver()
        ServiceObserver()
        DhcpObserver()
        PortProtocolObserver()
        NameServiceObserver()
        SmbObserver()
        SnmpObserver()
        TelnetLoginObserver()
        FtpPop3LoginObserver()
        ImapLoginObserver()
        SmtpLoginObserver()
        HttpBasicAuthObserver()
    }
}
