/// Where the key and certificate that sign a run's reports are (`--sign-key`/`--sign-cert` or capdo.yaml `signing:`).
///
/// Only the paths travel through capdo; the key's bytes are read when signing and never stored or printed.
public struct ReportSigning: Sendable, Equatable {
    /// A PEM private key file (unencrypted).
    public var key: String
    /// The PEM certificate of that key.
    public var certificate: String

    public init(key: String, certificate: String) {
        self.key = key
        self.certificate = certificate
    }
}
