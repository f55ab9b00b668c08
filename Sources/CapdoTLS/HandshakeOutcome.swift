import CapdoCore
/// What one handshake attempt showed.
enum HandshakeOutcome {
    /// The server completed the handshake.
    case accepted(HandshakeDetails)
    /// The server answered in TLS but refused (alert, other version, no shared cipher): the reason.
    case rejected(String)
    /// The local OpenSSL could not offer what was asked (no protocols/ciphers available): the reason.
    case untestable(String)
    /// Nothing TLS-shaped came back: resolve/connect failure, timeout, closed, not TLS.
    case failed(CapdoError)
}
