import CapdoCore

/// Two observers shown each packet in turn. `PacketObserverList` nests these, so the whole list is one concrete
/// type: every call is resolved when CapdoNet is compiled, with no dynamic dispatch per packet and observer.
struct ObserverPair<First: PacketObserver, Second: PacketObserver>: PacketObserver {
    var first: First
    var second: Second

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        first.observe(packet, credentials: &credentials)
        second.observe(packet, credentials: &credentials)
    }

    @inline(__always) mutating func observeUndecoded(_ packet: ObservedPacket) {
        first.observeUndecoded(packet)
        second.observeUndecoded(packet)
    }

    func contribute(to facts: inout LanFacts) {
        first.contribute(to: &facts)
        second.contribute(to: &facts)
    }
}
