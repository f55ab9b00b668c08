/// Pure readers of HTTP messages for the form-login observer: the request head, form fields whose names look like
/// credentials, and `type=password` inputs in a page. Values of secret fields are tested for presence, never
/// copied out.
enum HttpForm {
    /// How a request body encodes its fields.
    enum Encoding: Equatable {
        case urlencoded
        case multipart(boundary: [UInt8])
        case other
    }

    /// A request's first line and the headers capdo reads.
    struct RequestHead {
        var method: [UInt8]
        /// The target up to `?` (printable, at most 256 characters).
        var path: String
        /// The query string bytes (after `?`), empty when none.
        var query: ArraySlice<UInt8>
        var encoding: Encoding
        var contentLength: Int?
        /// Offset of the body in the bytes read (after the blank line).
        var bodyStart: Int
    }

    /// What a form's fields say: a non-empty secret field, and the first user-like field's value.
    struct Fields {
        var secretSeen = false
        /// Offset (in the body) of the first non-empty secret value.
        var secretOffset = 0
        var user: String?
    }

    /// Field names (as sent, percent-decoded) that hold a secret: password, passwd, passcode, pwd, matkhau (also
    /// `mat_khau`, `MatKhau`, …), mk, pass, or a name ending in `_pass`, `-pass`, `.pass`, `[pass]`.
    static func isSecretName(_ raw: [UInt8]) -> Bool {
        let name = normalised(raw)
        if name == Array("mk".utf8) || name == Array("pass".utf8) { return true }
        if ["passw", "passcode", "passphrase", "pwd", "matkhau"].contains(where: { contains(name, $0) }) {
            return true
        }
        let folded = lowered(raw.prefix(64))
        return ["_pass", "-pass", ".pass", "[pass]"].contains { suffix in
            folded.reversed().starts(with: suffix.utf8.reversed())
        }
    }

    /// Field names (as sent, percent-decoded) that hold a login name.
    static func isUserName(_ raw: [UInt8]) -> Bool {
        let name = normalised(raw)
        return ["user", "login", "email", "account", "taikhoan", "tendangnhap", "tendn"].contains { contains(name, $0) }
    }

    /// Parses a request head that ends within `bytes` (nil when the blank line is not there yet or it is no request).
    static func requestHead(_ bytes: UnsafeRawBufferPointer) -> RequestHead? {
        guard let end = find(bytes, "\r\n\r\n", from: 0, limit: 8_192),
            let lineEnd = find(bytes, "\r\n", from: 0, limit: end + 2)
        else { return nil }
        let line = bytes[0..<lineEnd]
        guard let space = line.firstIndex(of: 0x20) else { return nil }
        let afterMethod = line[(space + 1)...]
        let target = afterMethod.prefix { $0 != 0x20 }
        let question = target.firstIndex(of: 0x3F) ?? target.endIndex
        let path = String(
            decoding: target[..<question].prefix(256).filter { $0 > 0x20 && $0 < 0x7F }, as: UTF8.self)
        let query = question < target.endIndex ? Array(target[(question + 1)...])[...] : []
        var head = RequestHead(
            method: Array(line[..<space]), path: path, query: query, encoding: .other, contentLength: nil,
            bodyStart: end + 4)
        var cursor = lineEnd + 2
        while cursor < end {
            let next = find(bytes, "\r\n", from: cursor, limit: end + 2) ?? end
            let header = UnsafeRawBufferPointer(rebasing: bytes[cursor..<next])
            if hasPrefix(header, "content-type:") {
                let value = lowered(header.dropFirst(13))
                if contains(value, "application/x-www-form-urlencoded") {
                    head.encoding = .urlencoded
                } else if contains(value, "multipart/form-data"),
                    let start = index(value, of: "boundary=")
                {
                    // The boundary keeps its case: take it from the header as sent.
                    var boundary = Array(header.dropFirst(13))[(start + 9)...].prefix { $0 != 0x3B && $0 != 0x20 }
                    if boundary.first == 0x22 { boundary = boundary.dropFirst().prefix { $0 != 0x22 } }
                    if !boundary.isEmpty { head.encoding = .multipart(boundary: Array(boundary)) }
                }
            } else if hasPrefix(header, "content-length:") {
                let digits = header.dropFirst(15).filter { $0 != 0x20 && $0 != 0x09 }
                head.contentLength = Int(String(decoding: digits, as: UTF8.self))
            }
            cursor = next + 2
        }
        return head
    }

    /// The fields of an `application/x-www-form-urlencoded` body or query string.
    static func urlencoded<C: Collection>(_ body: C) -> Fields where C.Element == UInt8, C.Index == Int {
        var fields = Fields()
        var start = body.startIndex
        while start < body.endIndex {
            let end = body[start...].firstIndex(of: 0x26) ?? body.endIndex
            let pair = body[start..<end]
            if let equals = pair.firstIndex(of: 0x3D) {
                let name = percentDecoded(pair[..<equals])
                let value = pair[(equals + 1)...]
                if !value.isEmpty {
                    if isSecretName(name) {
                        if !fields.secretSeen { fields.secretOffset = equals + 1 - body.startIndex }
                        fields.secretSeen = true
                    } else if fields.user == nil, isUserName(name) {
                        fields.user = CredentialParser.userName(percentDecoded(value))
                    }
                }
            }
            start = end + 1
        }
        return fields
    }

    /// The fields of a `multipart/form-data` body: each part's `name="…"` and whether its value is empty.
    static func multipart(_ body: [UInt8], boundary: [UInt8]) -> Fields {
        var fields = Fields()
        let delimiter = Array("--".utf8) + boundary
        var parts: [Int] = []
        var cursor = 0
        while let found = find(body, delimiter, from: cursor) {
            parts.append(found)
            cursor = found + delimiter.count
        }
        for (number, start) in parts.enumerated() {
            let end = number + 1 < parts.count ? parts[number + 1] : body.count
            let part = body[(start + delimiter.count)..<end]
            guard let headEnd = find(Array(part), Array("\r\n\r\n".utf8), from: 0) else { continue }
            let head = lowered(part.prefix(headEnd))
            guard let nameStart = index(head, of: "name=\"") else { continue }
            let name = Array(head[(nameStart + 6)...].prefix { $0 != 0x22 })
            var value = part.dropFirst(headEnd + 4)
            if value.last == 0x0A { value = value.dropLast() }
            if value.last == 0x0D { value = value.dropLast() }
            guard !value.isEmpty else { continue }
            if isSecretName(name) {
                if !fields.secretSeen { fields.secretOffset = value.startIndex }
                fields.secretSeen = true
            } else if fields.user == nil, isUserName(name) {
                fields.user = CredentialParser.userName(value)
            }
        }
        return fields
    }

    /// True when `bytes` hold an input of type password (`type="password"`, `TYPE = 'Password'`, `type=password`).
    static func hasPasswordInput<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        let word = Array("password".utf8)
        var cursor = bytes.startIndex
        while cursor + word.count <= bytes.endIndex {
            guard lower(bytes[cursor]) == 0x70, (1..<word.count).allSatisfy({ lower(bytes[cursor + $0]) == word[$0] })
            else {
                cursor += 1
                continue
            }
            var back = cursor - 1
            if back >= bytes.startIndex && (bytes[back] == 0x22 || bytes[back] == 0x27) { back -= 1 }
            while back >= bytes.startIndex && bytes[back] == 0x20 { back -= 1 }
            if back >= bytes.startIndex && bytes[back] == 0x3D {
                back -= 1
                while back >= bytes.startIndex && bytes[back] == 0x20 { back -= 1 }
                if back - 3 >= bytes.startIndex,
                    zip(bytes[(back - 3)...back], "type".utf8).allSatisfy({ lower($0) == $1 })
                {
                    return true
                }
            }
            cursor += word.count
        }
        return false
    }

    /// `%XX` and `+` decoded.
    static func percentDecoded<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x25, index + 2 < bytes.endIndex, let high = HexDigit.value(bytes[index + 1]),
                let low = HexDigit.value(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(byte == 0x2B ? 0x20 : byte)
            index += 1
        }
        return out
    }

    /// A field name folded for matching: ASCII letters lowercased, digits kept, everything else dropped; at most
    /// 64 bytes read.
    static func normalised(_ name: [UInt8]) -> [UInt8] {
        name.prefix(64).compactMap { byte in
            let low = lower(byte)
            return (low >= 0x61 && low <= 0x7A) || (low >= 0x30 && low <= 0x39) ? low : nil
        }
    }

    /// The first offset of `needle` in `bytes` at or after `from` (before `limit` when given).
    static func find<C: Collection>(_ bytes: C, _ needle: [UInt8], from: Int, limit: Int? = nil) -> Int?
    where C.Element == UInt8, C.Index == Int {
        let end = min(limit ?? bytes.endIndex, bytes.endIndex) - needle.count
        guard let first = needle.first, from <= end else { return nil }
        var index = max(from, bytes.startIndex)
        while index <= end {
            if bytes[index] == first && (1..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) {
                return index
            }
            index += 1
        }
        return nil
    }

    static func find(_ bytes: UnsafeRawBufferPointer, _ needle: String, from: Int, limit: Int) -> Int? {
        find(bytes, Array(needle.utf8), from: from, limit: limit)
    }

    /// True when `bytes` start with `prefix` (ASCII, case-insensitive; `prefix` in lowercase).
    static func hasPrefix<C: Collection>(_ bytes: C, _ prefix: String) -> Bool where C.Element == UInt8 {
        hasPrefix(bytes, prefix.utf8)
    }

    /// True when `bytes` start with the lowercase bytes `prefix`, ignoring the case of `bytes`.
    static func hasPrefix<C: Collection, P: Collection>(_ bytes: C, _ prefix: P) -> Bool
    where C.Element == UInt8, P.Element == UInt8 {
        guard bytes.count >= prefix.count else { return false }
        return zip(bytes, prefix).allSatisfy { lower($0) == lower($1) }
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        find(haystack, Array(needle.utf8), from: 0) != nil
    }

    private static func index(_ haystack: [UInt8], of needle: String) -> Int? {
        find(haystack, Array(needle.utf8), from: 0)
    }

    private static func lowered<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 { bytes.map(lower) }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
