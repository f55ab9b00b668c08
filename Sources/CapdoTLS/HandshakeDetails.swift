/// What a completed handshake negotiated and what the server sent.
struct HandshakeDetails {
    var version: String
    var cipher: String
    /// Cipher properties for weak-class detection.
    var cipherHasNoEncryption: Bool
    var cipherHasNoAuthentication: Bool
    /// The served chain, leaf first (only when asked for).
    var chain: [X509Certificate]
    var verifyResult: String
    var verified: Bool
}
