internal import COpenSSL

/// SHA-256 (FIPS 180-4) through OpenSSL's EVP interface: the rule-set digest, the history's evidence and inventory
/// digests, and the facts digest of every snapshot `capdo evaluate` records.
///
/// capdo's one SHA-256. It lives in `CapdoCore` because the modules that need it (rules, history, the app) share no
/// other module; OpenSSL rather than Swift code because a fleet's snapshots are hundreds of megabytes and OpenSSL
/// uses the CPU's SHA instructions (figures in docs/benchmarks.md). `SHA256Tests` holds it to FIPS vectors and to
/// coreutils' `sha256sum`.
public struct SHA256: Sendable {
    private var context = Context()

    public init() {}

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        Context.check(EVP_DigestUpdate(context.pointer, base, bytes.count), "update")
    }

    /// The lowercase hex digest of everything given so far; the hasher can take more afterwards.
    public func hexDigest() -> String {
        let final = context.copy()
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        Context.check(EVP_DigestFinal_ex(final.pointer, &digest, &length), "final")
        return Self.hex(digest.prefix(Int(length)))
    }

    /// The hex digest of `data` in one call (OpenSSL's one-shot digest: no context to allocate for small texts).
    public static func hex<Bytes: Collection>(of data: Bytes) -> String where Bytes.Element == UInt8 {
        if let hex = data.withContiguousStorageIfAvailable(oneShot) { return hex }
        return Array(data).withUnsafeBufferPointer(oneShot)
    }

    private static func oneShot(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        Context.check(EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil), "digest")
        return hex(digest.prefix(Int(length)))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Owns one `EVP_MD_CTX`; `SHA256` copies it before changing a shared one, so values stay independent.
    /// `@unchecked Sendable`: the context is only changed through a uniquely referenced `SHA256`.
    private final class Context: @unchecked Sendable {
        let pointer: OpaquePointer

        init() {
            pointer = Self.allocate()
            Self.check(EVP_DigestInit_ex(pointer, EVP_sha256(), nil), "init")
        }

        private init(copying other: Context) {
            pointer = Self.allocate()
            Self.check(EVP_MD_CTX_copy_ex(pointer, other.pointer), "copy")
        }

        func copy() -> Context { Context(copying: self) }

        deinit { EVP_MD_CTX_free(pointer) }

        private static func allocate() -> OpaquePointer {
            guard let pointer = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context") }
            return pointer
        }

        /// OpenSSL's SHA-256 fails only when memory runs out; there is no other digest to fall back on.
        static func check(_ result: Int32, _ step: String) {
            guard result == 1 else { fatalError("OpenSSL's SHA-256 failed (\(step)): out of memory?") }
        }
    }
}
