import Foundation
import Testing

@testable import CapdoCore

/// capdo's own SHA-256 (facts and rule-set digests) against FIPS 180-4 vectors and coreutils' `sha256sum`.
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
        var generator = SystemRandomNumberGenerator()
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
    }

    @Test func agreesWithSha256sum() throws {
        let path = NSTemporaryDirectory() + "capdo-sha-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<300_001).map { _ in UInt8.random(in: 0...255, using: &generator) }
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
