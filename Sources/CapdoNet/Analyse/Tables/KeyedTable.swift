/// A hash table for the LAN analysis's per-packet lookups: open addressing with linear probing (at most three quarters
/// full), keys hashed by `TableKey.tableHash` under a seed drawn at random for each table, so a capture cannot be
/// built to make its keys collide without knowing it (and every table using it is bounded besides).
///
/// Its order is the slots', not the insertion order: callers sort what they report.
struct KeyedTable<Key: TableKey, Value> {
    /// 0: empty; else 0x80 | seven bits of the key's hash, so most probes compare one byte.
    private var tags: [UInt8]
    private var keys: [Key]
    private var values: [Value?]
    private var mask: Int
    private let seed: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var slots = 16
        while slots * 3 < capacity * 4 { slots <<= 1 }
        tags = [UInt8](repeating: 0, count: slots)
        keys = [Key](repeating: .placeholder, count: slots)
        values = [Value?](repeating: nil, count: slots)
        mask = slots - 1
        seed = UInt64.random(in: .min ... .max)
    }

    var isEmpty: Bool { count == 0 }

    /// The slot holding `key`, if any: valid until the next insertion.
    @inline(__always) func slot(of key: Key) -> Int? {
        let (slot, found, _) = probe(key)
        return found ? slot : nil
    }

    @inline(__always) subscript(key: Key) -> Value? {
        guard let slot = slot(of: key) else { return nil }
        return values[slot]
    }

    /// The value in `slot` (from `slot(of:)`), to read or change in place.
    @inline(__always) subscript(slot slot: Int) -> Value {
        get { values[slot]! }
        _modify { yield &values[slot]! }
    }

    /// Adds `key` with `value` unless the key is there already (its value is then kept); the key's slot.
    @discardableResult
    @inline(__always) mutating func insertIfAbsent(_ key: Key, _ value: Value) -> Int {
        if count * 4 >= mask * 3 { grow() }
        let (slot, found, tag) = probe(key)
        if found { return slot }
        tags[slot] = tag
        keys[slot] = key
        values[slot] = value
        count += 1
        return slot
    }

    /// Where `key` is, or the empty slot where it would go, and its tag.
    @inline(__always) private func probe(_ key: Key) -> (slot: Int, found: Bool, tag: UInt8) {
        let hash = key.tableHash(seed)
        let tag = UInt8(truncatingIfNeeded: hash >> 57) | 0x80
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = tags[slot]
            if stored == 0 { return (slot, false, tag) }
            if stored == tag && keys[slot] == key { return (slot, true, tag) }
            slot = (slot + 1) & mask
        }
    }

    /// Empties the table, keeping its slots.
    mutating func removeAll() {
        for index in tags.indices where tags[index] != 0 {
            tags[index] = 0
            keys[index] = .placeholder
            values[index] = nil
        }
        count = 0
    }

    /// Every key and value, in slot order.
    var entries: [(key: Key, value: Value)] {
        tags.indices.compactMap { tags[$0] == 0 ? nil : (keys[$0], values[$0]!) }
    }

    private mutating func grow() {
        let old = entries
        let slots = (mask + 1) * 2
        tags = [UInt8](repeating: 0, count: slots)
        keys = [Key](repeating: .placeholder, count: slots)
        values = [Value?](repeating: nil, count: slots)
        mask = slots - 1
        count = 0
        for (key, value) in old { insertIfAbsent(key, value) }
    }
}
