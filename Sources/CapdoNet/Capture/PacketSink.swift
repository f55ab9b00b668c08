/// Receives packets from a capture; a struct passed `inout`, so the hot loop has no reference counting or
/// dynamic exclusivity checks.
protocol PacketSink {
    mutating func consume(_ record: PacketRecord)
}
