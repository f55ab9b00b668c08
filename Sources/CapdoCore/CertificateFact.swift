import Foundation

/// What an X.509 certificate says (never its key): names, validity, key, signature, fingerprint.
public struct CertificateFact: Codable, Sendable, Equatable {
    /// Subject common name (else the subject) and where it was seen, for evidence lines.
    public var name: String
    /// `file` (on disk) or `endpoint` (served in a handshake).
    public var sourceKind: String
    /// `etc/ssl/certs/web.pem:12` (the BEGIN line, relative to the scanned root) or `host:port#0` (chain position).
    public var source: String
    /// For files: the path relative to the root and the line of the certificate; for endpoints: nil.
    public var file: String?
    public var line: Int?
    /// The configuration line that names the file (`etc/nginx/sites-enabled/web:7`), when found that way.
    public var referencedBy: String?
    /// Subject and issuer as `openssl x509 -subject -issuer` prints them (`CN = web, O = UBND`).
    public var subject: String
    public var issuer: String
    /// `DNS:web.example`, `IP:192.0.2.1`, `email:…`, `URI:…`.
    public var sans: [String]
    /// Upper-case hexadecimal, as `openssl x509 -serial` prints it.
    public var serial: String
    public var notBefore: Date
    public var notAfter: Date
    /// Whole days from the collection clock to `notAfter` (negative once expired).
    public var daysLeft: Int
    /// `rsa`, `ec`, `ed25519`, `ed448`, `dsa`, `dh` or the OpenSSL short name.
    public var keyType: String
    public var keyBits: Int
    /// EC curve (`prime256v1`), when the key is EC.
    public var keyCurve: String?
    /// `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `ED25519`, …
    public var signatureAlgorithm: String
    /// The signature's digest, lower-case (`sha256`, `sha1`, `md5`), or `intrinsic` for Ed25519/Ed448.
    public var signatureHash: String
    public var selfSigned: Bool
    /// True for a CA certificate (basicConstraints CA:TRUE).
    public var isCA: Bool
    /// Upper-case colon-separated SHA-256 of the DER, as `openssl x509 -fingerprint -sha256` prints it.
    public var sha256: String

    public init(
        name: String, sourceKind: String, source: String, file: String? = nil, line: Int? = nil,
        referencedBy: String? = nil, subject: String, issuer: String, sans: [String], serial: String,
        notBefore: Date, notAfter: Date, daysLeft: Int, keyType: String, keyBits: Int, keyCurve: String? = nil,
        signatureAlgorithm: String, signatureHash: String, selfSigned: Bool, isCA: Bool, sha256: String
    ) {
        self.name = name
        self.sourceKind = sourceKind
        self.source = source
        self.file = file
        self.line = line
        self.referencedBy = referencedBy
        self.subject = subject
        self.issuer = issuer
        self.sans = sans
        self.serial = serial
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.daysLeft = daysLeft
        self.keyType = keyType
        self.keyBits = keyBits
        self.keyCurve = keyCurve
        self.signatureAlgorithm = signatureAlgorithm
        self.signatureHash = signatureHash
        self.selfSigned = selfSigned
        self.isCA = isCA
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case name
        case sourceKind = "source_kind"
        case source, file, line
        case referencedBy = "referenced_by"
        case subject, issuer, sans, serial
        case notBefore = "not_before"
        case notAfter = "not_after"
        case daysLeft = "days_left"
        case keyType = "key_type"
        case keyBits = "key_bits"
        case keyCurve = "key_curve"
        case signatureAlgorithm = "signature_algorithm"
        case signatureHash = "signature_hash"
        case selfSigned = "self_signed"
        case isCA = "is_ca"
        case sha256
    }
}
