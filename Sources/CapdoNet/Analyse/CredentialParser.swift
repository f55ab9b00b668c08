import Foundation

/// Pure helpers that read user names out of cleartext protocol lines; secrets are recognised, never returned.
enum CredentialParser {
    /// Lines of a payload (split at CR/LF), at most 16 lines of at most 512 bytes.
    static func lines(_ payload: UnsafeRawBufferPointer) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in payload.prefix(4096) {
            if byte == 0x0A || byte == 0x0D {
                if !current.isEmpty { out.append(current); current = [] }
                if out.count >= 16 { break }
            } else if current.count < 512 {
                current.append(byte)
            }
        }
        if !current.isEmpty && out.count < 16 { out.append(current) }
        return out
    }

    /// True when `line` starts with `prefix` (ASCII, case-insensitive).
    static func hasPrefix(_ line: [UInt8], _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard line.count >= p.count else { return false }
        for i in 0..<p.count where lower(line[i]) != lower(p[i]) { return false }
        return true
    }

    /// The words of a line (split at spaces), as bytes.
    static func words(_ line: [UInt8]) -> [ArraySlice<UInt8>] {
        line.split(separator: 0x20, omittingEmptySubsequences: true)
    }

    /// A printable, bounded user name (64 characters, control characters dropped, quotes stripped).
    static func userName<S: Sequence>(_ bytes: S) -> String? where S.Element == UInt8 {
        var clean = Array(bytes.filter { $0 >= 0x20 && $0 < 0x7F }.prefix(64))
        if clean.first == 0x22 { clean.removeFirst() }
        if clean.last == 0x22 { clean.removeLast() }
        return clean.isEmpty ? nil : String(decoding: clean, as: UTF8.self)
    }

    /// Base64 text → bytes (nil when not base64).
    static func base64<S: Sequence>(_ bytes: S) -> [UInt8]? where S.Element == UInt8 {
        let text = String(decoding: Array(bytes.prefix(1024)), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: text) else { return nil }
        return [UInt8](data)
    }

    /// `user:password` (HTTP Basic) → user.
    static func basicUser(_ decoded: [UInt8]) -> String? {
        guard let colon = decoded.firstIndex(of: 0x3A) else { return nil }
        return userName(decoded[..<colon])
    }

    /// SASL PLAIN `authzid\0authcid\0password` → authcid.
    static func plainUser(_ decoded: [UInt8]) -> String? {
        let parts = decoded.split(separator: 0, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return userName(parts[1])
    }

    /// SNMP v1/v2c message: version (0 v1, 1 v2c) and whether the community is a well-known default.
    /// The community is compared in place and never copied out.
    static func snmp(_ payload: UnsafeRawBufferPointer) -> (version: Int, isDefault: Bool)? {
        var cursor = 0
        func length() -> Int? {
            guard cursor < payload.count else { return nil }
            let first = payload[cursor]
            cursor += 1
            if first < 0x80 { return Int(first) }
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 3, cursor + count <= payload.count else { return nil }
            var value = 0
            for _ in 0..<count { value = value << 8 | Int(payload[cursor]); cursor += 1 }
            return value
        }
        guard payload.count > 2, payload[0] == 0x30 else { return nil }
        cursor = 1
        guard length() != nil, cursor < payload.count, payload[cursor] == 0x02 else { return nil }
        cursor += 1
        guard let versionLength = length(), versionLength == 1, cursor < payload.count else { return nil }
        let version = Int(payload[cursor])
        cursor += 1
        guard version <= 1, cursor < payload.count, payload[cursor] == 0x04 else { return nil }
        cursor += 1
        guard let communityLength = length(), cursor + communityLength <= payload.count else { return nil }
        let community = UnsafeRawBufferPointer(rebasing: payload[cursor..<(cursor + communityLength)])
        let isDefault = community.elementsEqual("public".utf8) || community.elementsEqual("private".utf8)
        return (version, isDefault)
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
