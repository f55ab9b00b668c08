import Foundation

/// Bytes as a dictionary key, hashed once and compared byte for byte.
public struct SpanKey: Hashable, Sendable {
    let bytes: [UInt8]
    private let digest: Int

    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = Array(bytes)
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        digest = hasher.finalize()
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    public static func == (lhs: SpanKey, rhs: SpanKey) -> Bool {
        lhs.digest == rhs.digest && lhs.bytes.count == rhs.bytes.count
            && lhs.bytes.withUnsafeBytes { a in
                rhs.bytes.withUnsafeBytes { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
            }
    }
}
