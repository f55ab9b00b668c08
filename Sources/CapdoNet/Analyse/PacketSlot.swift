/// The one place `LanAnalyzer` keeps the packet being analysed, for the whole capture: decoded in place there and lent
/// to the observers as an `ObservedPacket` pointing to it.
final class PacketSlot: @unchecked Sendable {  // used by the one thread that runs the analysis
    let state: UnsafeMutablePointer<PacketState>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: PacketState())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }
}
