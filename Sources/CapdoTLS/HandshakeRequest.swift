internal import COpenSSL

/// One handshake to attempt: version bounds, cipher lists, whether to keep the chain.
struct HandshakeRequest {
    var minVersion: Int32
    var maxVersion: Int32
    /// TLS ≤ 1.2 cipher list (security level included).
    var cipherList: String
    var keepChain: Bool

    /// min = max = `version`, every suite the local OpenSSL has (security level 0 so old versions can be offered).
    static func only(_ version: Int32, keepChain: Bool) -> HandshakeRequest {
        HandshakeRequest(
            minVersion: version, maxVersion: version, cipherList: "ALL:COMPLEMENTOFALL:@SECLEVEL=0",
            keepChain: keepChain)
    }

    /// The versions of the matrix: key, OpenSSL constant.
    static let versions: [(key: String, value: Int32)] = [
        ("tls1_0", TLS1_VERSION), ("tls1_1", TLS1_1_VERSION), ("tls1_2", TLS1_2_VERSION), ("tls1_3", TLS1_3_VERSION),
    ]
}
