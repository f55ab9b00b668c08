/// What was read from a few distinct frames, remembered by their bytes: a switch repeats its LLDP or CDP frame word
/// for word every few seconds, and reading one builds text (names, ports, addresses). A repeat then costs a hash and
/// a comparison. Bounded: past `limit` frames (or for a frame longer than `byteLimit`) nothing more is remembered
/// and every such frame is read afresh, so the result never depends on the memo.
struct FrameMemo<Value> {
    static var limit: Int { 256 }
    static var byteLimit: Int { 1_600 }

    private var entries: [Int: [(tag: UInt8, bytes: [UInt8], value: Value)]] = [:]
    private var count = 0

    /// What `read` makes of `bytes` (`tag` tells apart frames of different kinds with equal bytes).
    mutating func value(
        of bytes: UnsafeRawBufferPointer, tag: UInt8, read: (UnsafeRawBufferPointer) -> Value
    ) -> Value {
        var hasher = Hasher()
        hasher.combine(tag)
        hasher.combine(bytes: bytes)
        let hash = hasher.finalize()
        if let bucket = entries[hash] {
            for entry in bucket where entry.tag == tag && entry.bytes.elementsEqual(bytes) { return entry.value }
        }
        let value = read(bytes)
        if count < Self.limit && bytes.count <= Self.byteLimit {
            entries[hash, default: []].append((tag, Array(bytes), value))
            count += 1
        }
        return value
    }
}
