import CapdoCore

/// Two observers shown each packet in turn; `LanObservers` nests these into the whole list.
struct ObserverPair<First: PacketObserver, Second: PacketObserver>: PacketObserver {
    var first: First
    var second: Second

    init() {
        first = First()
        second = Second()
    }

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
