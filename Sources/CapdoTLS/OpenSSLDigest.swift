internal import COpenSSL
import Foundation

/// SHA-256 through OpenSSL's EVP interface, for large inputs: the facts digest of every snapshot `capdo evaluate`
/// records in history (a fleet's snapshots are hundreds of megabytes; OpenSSL uses the CPU's SHA instructions and
/// hashed them about ten times faster than capdo's own `SHA256`, which the same lowercase hex matches).
public enum OpenSSLDigest {
    /// The lowercase hex SHA-256 of `data`; nil only if OpenSSL fails.
    public static func sha256Hex(_ data: Data) -> String? {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { bytes in
            EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil)
        }
        guard ok == 1, length == 32 else { return nil }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest.prefix(32) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
