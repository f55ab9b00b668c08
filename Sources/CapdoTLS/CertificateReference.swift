/// A certificate file named by a server configuration (`ssl_certificate`, `SSLCertificateFile`, `smtpd_tls_cert_file`).
public struct CertificateReference: Sendable, Equatable {
    /// The certificate path relative to the scanned root (`etc/ssl/certs/web.pem`).
    public var path: String
    /// The configuration line naming it (`etc/nginx/sites-available/web:7`).
    public var referencedBy: String

    public init(path: String, referencedBy: String) {
        self.path = path
        self.referencedBy = referencedBy
    }
}
