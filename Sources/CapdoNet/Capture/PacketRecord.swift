/// One captured packet as libpcap hands it over; `bytes` is valid only during the callback.
public struct PacketRecord {
    public var seconds: Int
    public var microseconds: Int
    /// Original length on the wire (may exceed `bytes.count` when the snapshot length cut it).
    public var length: Int
    public var bytes: UnsafeRawBufferPointer
}
