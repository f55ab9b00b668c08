import CapdoCore

/// One job of the LAN analysis (hosts, services, one protocol's logins, …). It sees every packet in arrival order,
/// keeps its own bounded tables, and when asked adds what it found to the facts. `LanObservers` lists them.
protocol PacketObserver {
    /// An observer that has seen nothing yet.
    init()

    /// Looks at one packet whose headers decoded. `credentials` is what the login observers share: the credentials
    /// found and the cleartext logins being followed, each bounded once for all of them.
    mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog)

    /// Looks at a packet whose decoding stopped early (the headers up to there are set). Most observers ignore these.
    mutating func observeUndecoded(_ packet: ObservedPacket)

    /// Adds this observer's facts (lists sorted, so they do not depend on table order) and its skip counters.
    func contribute(to facts: inout LanFacts)
}

extension PacketObserver {
    mutating func observeUndecoded(_ packet: ObservedPacket) {}
}
