// swift-format-ignore
/// The observers `LanAnalyzer` shows every packet to, in this order, and then asks for their facts.
///
/// Adding an observation is one `PacketObserver` in Observers/ and one line here (and one more `>` at the end).
/// The list is one concrete type, so every call is resolved when CapdoNet is compiled: no dynamic dispatch per
/// packet and observer. The order matters only where two observers record credentials from the same packet: they
/// are listed in packet order, then in this order.
typealias LanObservers =
    ObserverPair<HostObserver,
    ObserverPair<ArpObserver,
    ObserverPair<ServiceObserver,
    ObserverPair<DhcpObserver,
    ObserverPair<PortProtocolObserver,
    ObserverPair<NameServiceObserver,
    ObserverPair<SmbObserver,
    ObserverPair<SnmpObserver,
    ObserverPair<TelnetLoginObserver,
    ObserverPair<FtpPop3LoginObserver,
    ObserverPair<ImapLoginObserver,
    ObserverPair<SmtpLoginObserver,
    ObserverPair<HttpBasicAuthObserver,
    ObserverPair<VlanObserver,
    ObserverPair<NeighbourObserver,
    ObserverPair<SpanningTreeObserver,
    ObserverPair<LinkFrameObserver,
    ObserverPair<RouterAdvertisementObserver,
    ObserverPair<HttpFormLoginObserver,
    HostNameObserver
    >>>>>>>>>>>>>>>>>>>
