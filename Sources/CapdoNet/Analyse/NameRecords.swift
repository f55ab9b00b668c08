/// Reads the address records of a DNS-format message (mDNS, LLMNR, NBNS) in place: each owner name with the
/// address it is bound to. Compression pointers are followed a bounded number of times; anything cut short ends the
/// reading, keeping what came before.
enum NameRecords {
    /// Records read per message at most.
    static let recordLimit = 32

    /// Calls `found` with each A/AAAA record (mDNS, LLMNR) of the answer, authority and additional sections.
    static func addresses(_ payload: UnsafeRawBufferPointer, found: (String, IPAddress) -> Void) {
        records(payload) { name, type, rdata in
            if type == 1, rdata.count == 4, let text = dnsName(payload, at: name) {
                found(text, .v4(DhcpMessage.u32(payload, rdata.lowerBound)))
            } else if type == 28, rdata.count == 16, let text = dnsName(payload, at: name) {
                let high =
                    UInt64(DhcpMessage.u32(payload, rdata.lowerBound)) << 32
                    | UInt64(DhcpMessage.u32(payload, rdata.lowerBound + 4))
                let low =
                    UInt64(DhcpMessage.u32(payload, rdata.lowerBound + 8)) << 32
                    | UInt64(DhcpMessage.u32(payload, rdata.lowerBound + 12))
                found(text, IPAddress(high: high, low: low, isV6: true))
            }
        }
    }

    /// Calls `found` with each unique NetBIOS name (NB record, not a group) and the first IPv4 address it holds.
    static func netbios(_ payload: UnsafeRawBufferPointer, found: (String, IPAddress) -> Void) {
        records(payload) { name, type, rdata in
            guard type == 0x20, rdata.count >= 6, payload[rdata.lowerBound] & 0x80 == 0,
                let text = netbiosName(payload, at: name)
            else { return }
            found(text, .v4(DhcpMessage.u32(payload, rdata.lowerBound + 2)))
        }
    }

    /// Walks the resource records after the questions: owner name offset, type and rdata range of each.
    private static func records(_ payload: UnsafeRawBufferPointer, _ body: (Int, UInt16, Range<Int>) -> Void) {
        guard payload.count >= 12 else { return }
        let questions = Int(u16(payload, 4))
        let count = min(Int(u16(payload, 6)) + Int(u16(payload, 8)) + Int(u16(payload, 10)), recordLimit)
        var cursor = 12
        for _ in 0..<min(questions, recordLimit) {
            guard let end = skipName(payload, cursor), end + 4 <= payload.count else { return }
            cursor = end + 4
        }
        for _ in 0..<count {
            guard let end = skipName(payload, cursor), end + 10 <= payload.count else { return }
            let type = u16(payload, end)
            let length = Int(u16(payload, end + 8))
            let start = end + 10
            guard start + length <= payload.count else { return }
            body(cursor, type, start..<(start + length))
            cursor = start + length
        }
    }

    /// The offset after the name at `offset` (labels, ending in a zero byte or a pointer).
    private static func skipName(_ payload: UnsafeRawBufferPointer, _ offset: Int) -> Int? {
        var cursor = offset
        while cursor < payload.count {
            let length = Int(payload[cursor])
            if length == 0 { return cursor + 1 }
            if length & 0xC0 == 0xC0 { return cursor + 2 <= payload.count ? cursor + 2 : nil }
            guard length & 0xC0 == 0 else { return nil }
            cursor += 1 + length
        }
        return nil
    }

    /// The dotted name at `offset`, following at most 16 pointers; printable characters only, at most 253.
    static func dnsName(_ payload: UnsafeRawBufferPointer, at offset: Int) -> String? {
        var bytes: [UInt8] = []
        var cursor = offset
        var jumps = 0
        while cursor < payload.count {
            let length = Int(payload[cursor])
            if length == 0 { break }
            if length & 0xC0 == 0xC0 {
                guard cursor + 1 < payload.count, jumps < 16 else { return nil }
                jumps += 1
                cursor = (length & 0x3F) << 8 | Int(payload[cursor + 1])
                continue
            }
            guard length & 0xC0 == 0, cursor + 1 + length <= payload.count, bytes.count + length < 253 else {
                return nil
            }
            if !bytes.isEmpty { bytes.append(0x2E) }
            bytes += UnsafeRawBufferPointer(rebasing: payload[(cursor + 1)..<(cursor + 1 + length)])
            cursor += 1 + length
        }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The NetBIOS name at `offset` (32 first-level-encoded characters): its 15 characters without trailing spaces.
    static func netbiosName(_ payload: UnsafeRawBufferPointer, at start: Int) -> String? {
        var offset = start
        if offset + 1 < payload.count, payload[offset] & 0xC0 == 0xC0 {
            offset = Int(payload[offset] & 0x3F) << 8 | Int(payload[offset + 1])
        }
        guard offset + 33 <= payload.count, payload[offset] == 32 else { return nil }
        var bytes: [UInt8] = []
        for index in 0..<15 {
            let high = payload[offset + 1 + 2 * index], low = payload[offset + 2 + 2 * index]
            guard (0x41...0x50).contains(high), (0x41...0x50).contains(low) else { return nil }
            bytes.append((high - 0x41) << 4 | (low - 0x41))
        }
        while bytes.last == 0x20 { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) private static func u16(_ payload: UnsafeRawBufferPointer, _ offset: Int) -> UInt16 {
        UInt16(payload[offset]) << 8 | UInt16(payload[offset + 1])
    }
}
