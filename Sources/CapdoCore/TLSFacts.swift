/// TLS endpoints probed and certificates inspected (served chains and files on disk).
///
/// Absent when nothing was probed or read; present and empty when capdo looked and found nothing.
public struct TLSFacts: Codable, Sendable, Equatable {
    public var endpoints: [TLSEndpoint]
    /// Every certificate seen: files on disk and every certificate of every served chain.
    public var certificates: [CertificateFact]
    /// What the local OpenSSL cannot test at all (e.g. `rc4: not compiled into OpenSSL 3.0.19`).
    public var limitations: [String]
    /// The OpenSSL library that did the work (`OpenSSL 3.0.19 27 Jan 2026`).
    public var library: String?
    /// Pages fetched over HTTPS (`capdo tls --http`); nil when the HTTP probe did not run.
    public var httpSites: [HTTPSiteFact]?
    /// Every cookie those pages set; nil when the HTTP probe did not run.
    public var httpCookies: [HTTPCookieFact]?

    public init(
        endpoints: [TLSEndpoint] = [], certificates: [CertificateFact] = [], limitations: [String] = [],
        library: String? = nil, httpSites: [HTTPSiteFact]? = nil, httpCookies: [HTTPCookieFact]? = nil
    ) {
        self.endpoints = endpoints
        self.certificates = certificates
        self.limitations = limitations
        self.library = library
        self.httpSites = httpSites
        self.httpCookies = httpCookies
    }

    enum CodingKeys: String, CodingKey {
        case endpoints, certificates, limitations, library
        case httpSites = "http_sites"
        case httpCookies = "http_cookies"
    }
}
