import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// The history's facts digest comes from OpenSSL for speed; it must be the very text capdo's own SHA-256 gives.
@Suite("OpenSSL digest")
struct OpenSSLDigestTests {
    @Test func sameHexAsCapdosOwnSHA256() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 55, 56, 64, 1_000, 100_003] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(OpenSSLDigest.sha256Hex(Data(bytes)) == SHA256.hex(of: bytes), "\(size) bytes")
        }
        #expect(
            OpenSSLDigest.sha256Hex(Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
