import CapdoTestSupport
import Testing

@testable import CapdoNet

/// `KeyedTable` against `Dictionary` (the reference) over random insertions, lookups, in-place changes and
/// flushes, with IPv4 and IPv6 flows drawn from small pools so keys repeat and tables grow past several sizes.
@Suite struct KeyedTableTests {
    static func address(_ index: Int, v6: Bool) -> IPAddress {
        v6
            ? IPAddress(high: 0x2001_0DB8 << 32 | UInt64(index % 7), low: UInt64(index), isV6: true)
            : .v4(0xC000_0200 | UInt32(index % 256))
    }

    @Test(arguments: [1, 2, 3])
    func flowTableAgreesWithADictionary(_ seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var table = KeyedTable<FlowKey, Int>()
        var reference: [FlowKey: Int] = [:]
        for step in 0..<60_000 {
            let v6 = Bool.random(using: &random)
            let key = FlowKey(
                client: Self.address(Int.random(in: 0..<300, using: &random), v6: v6),
                server: Self.address(Int.random(in: 0..<20, using: &random), v6: v6 && Bool.random(using: &random)),
                clientPort: UInt16.random(in: 40_000..<40_050, using: &random),
                serverPort: [22, 80, 443][Int.random(in: 0..<3, using: &random)])
            switch Int.random(in: 0..<100, using: &random) {
            case 0:
                table.removeAll()
                reference.removeAll()
            case 1..<50:
                table.insertIfAbsent(key, step)
                if reference[key] == nil { reference[key] = step }
            default:
                #expect(table[key] == reference[key])
            }
            #expect(table.count == reference.count)
        }
        let entries = table.entries
        #expect(entries.count == reference.count)
        for (key, value) in entries { #expect(reference[key] == value) }
    }

    @Test func valuesChangeInPlaceBySlot() {
        var table = KeyedTable<ServiceKey, [Int]>(capacity: 4)
        var reference: [ServiceKey: [Int]] = [:]
        for index in 0..<5_000 {
            let key = ServiceKey(
                address: Self.address(index % 97, v6: index % 3 == 0), port: UInt16(index % 5), transport: 6)
            if let slot = table.slot(of: key) {
                table[slot: slot].append(index)
                reference[key]!.append(index)
            } else {
                table.insertIfAbsent(key, [index])
                reference[key] = [index]
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in table.entries { #expect(reference[key] == value) }
    }

    /// Keys that differ only where a weak hash would ignore them (ports, the IPv6 flag, high words) are kept apart.
    @Test func nearlyEqualKeysAreDistinct() {
        var table = KeyedTable<FlowKey, Int>()
        let base = FlowKey(client: .v4(1), server: .v4(2), clientPort: 1, serverPort: 2)
        let variants = [
            base, base.reversed, FlowKey(client: .v4(1), server: .v4(2), clientPort: 2, serverPort: 1),
            FlowKey(
                client: IPAddress(high: 0, low: 1, isV6: true), server: .v4(2), clientPort: 1, serverPort: 2),
            FlowKey(
                client: IPAddress(high: 1, low: 1, isV6: true), server: .v4(2), clientPort: 1, serverPort: 2),
        ]
        for (index, key) in variants.enumerated() { table.insertIfAbsent(key, index) }
        #expect(table.count == variants.count)
        for (index, key) in variants.enumerated() { #expect(table[key] == index) }
    }
}
