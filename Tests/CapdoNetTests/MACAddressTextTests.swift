import Testing

@testable import CapdoNet

/// MAC text both ways: what `MACAddress.string` writes, `MACAddress.value` reads back; anything else is nil.
@Suite struct MACAddressTextTests {
    @Test(arguments: [0, 0x0000_0000_0001, 0x001B_2100_0010, 0xFFFF_FFFF_FFFF, 0x3C52_8200_0007] as [UInt64])
    func roundTrip(_ value: UInt64) {
        #expect(MACAddress.string(value).count == 17)
        #expect(MACAddress.value(MACAddress.string(value)) == value)
    }

    @Test(arguments: [
        "", "00:1b:21:00:00", "00-1b-21-00-00-10", "00:1b:21:00:00:1g", "001b:21:00:00:10:", "00:1B:21:00:00:10x",
    ])
    func otherTextIsNoMAC(_ text: String) {
        #expect(MACAddress.value(text) == nil)
    }
}
