/// The packet being analysed, as `LanAnalyzer` decodes it in place: what every `ObservedPacket` lent to the observers
/// points to.
struct PacketState {
    var headers = DecodedPacket()
    /// Arrival number, from 1: the packet number the facts cite.
    var number = 0
    /// Capture time, seconds since 1970.
    var time = 0.0
    /// The bytes after the transport header (or a link-layer frame's PDU); empty when none decoded.
    var payload = UnsafeRawBufferPointer(start: nil, count: 0)
}
