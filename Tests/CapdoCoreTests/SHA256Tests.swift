import Foundation
import Testing

@testable import CapdoCore

/// capdo's one SHA-256 (OpenSSL's, for the facts, rule-set and evidence digests) against FIPS 180-4 vectors and
/// coreutils' `sha256sum`, whole and fed in pieces.
@Suite("SHA-256")
struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func piecesHashAsTheWhole() {
        var generator = SeededGenerator(seed: 0x5A56)
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let whole = SHA256.hex(of: bytes)
        for size in [1, 7, 63, 64, 65, 1_000] {
            var hasher = SHA256()
            for start in stride(from: 0, to: bytes.count, by: size) {
                hasher.update(Array(bytes[start..<min(start + size, bytes.count)]))
            }
            #expect(hasher.hexDigest() == whole, "pieces of \(size)")
        }
        #expect(SHA256.hex(of: Data(bytes)) == whole)
        #expect(SHA256.hex(of: bytes.lazy.map { $0 }) == whole, "a collection without contiguous storage")
    }

    /// A copy of a hasher goes on independently, and a digest does not end the hashing.
    @Test func copiesAreIndependent() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        second.update(Array("c".utf8))
        #expect(first.hexDigest() == SHA256.hex(of: Array("ab".utf8)))
        #expect(second.hexDigest() == SHA256.hex(of: Array("abc".utf8)))
        first.update(Array("c".utf8))
        #expect(first.hexDigest() == second.hexDigest())
    }

    /// Around the padding boundaries (55, 56, 64 bytes) and large.
    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 1_000, 100_003, 300_001])
    func agreesWithSha256sum(size: Int) throws {
        let path = NSTemporaryDirectory() + "capdo-sha-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var generator = SeededGenerator(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.split(separator: " ").first.map(String.init) == SHA256.hex(of: bytes))
    }
}
