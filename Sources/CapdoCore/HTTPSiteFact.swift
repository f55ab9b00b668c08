/// One page fetched over HTTPS by `capdo tls --http`, with what its response headers say about the site.
///
/// Header texts are as the server sent them, with control characters replaced and cut to a bounded length
/// (`HTTPResponseParser`); the booleans are read from them so rules need no regular expression over raw headers.
public struct HTTPSiteFact: Codable, Sendable, Equatable {
    /// The page's URL, `https://host:port/path` (`name`, so evidence lists pages by it).
    public var name: String
    /// The TLS endpoint (`host:port`) the page was fetched from.
    public var endpoint: String
    public var path: String
    public var status: Int
    /// `Strict-Transport-Security` max-age in seconds; nil when the header is absent or has no max-age.
    public var hstsMaxAge: Int?
    public var hsts: String?
    /// `X-Content-Type-Options: nosniff`.
    public var nosniff: Bool
    public var xFrameOptions: String?
    /// `X-Frame-Options` DENY/SAMEORIGIN, or a CSP `frame-ancestors` directive.
    public var frameProtection: Bool
    public var contentSecurityPolicy: String?
    /// A `Server` or `X-Powered-By` header is present.
    public var server: String?
    public var poweredBy: String?
    /// `Server` or `X-Powered-By` names a version number (`nginx/1.22.1`, `PHP/8.2.7`).
    public var bannerVersion: Bool
    /// The body is a generated directory index (`<title>Index of /…`, Apache/nginx/lighttpd, Python's
    /// `Directory listing for`).
    public var directoryListing: Bool
    /// Names of the cookies set (their flags are in `tls.http_cookies`).
    public var cookies: [String]
    /// The plain-HTTP page of the same host: `redirects` (3xx to https://), `serves` (anything else), `closed`
    /// (connection refused), `error` (timeout, not HTTP; the probe adds an issue on `tls.http_sites.plain_http`).
    public var plainHTTP: String?
    /// `http://host:port/` probed for `plain_http`, its status and `Location`.
    public var plainURL: String?
    public var plainStatus: Int?
    public var plainLocation: String?
    /// Why the plain-HTTP probe ended in `error`.
    public var plainError: String?
    /// True when the header block or a header was longer than capdo reads and was cut.
    public var truncated: Bool

    public init(
        name: String, endpoint: String, path: String, status: Int, hstsMaxAge: Int? = nil, hsts: String? = nil,
        nosniff: Bool = false, xFrameOptions: String? = nil, frameProtection: Bool = false,
        contentSecurityPolicy: String? = nil, server: String? = nil, poweredBy: String? = nil,
        bannerVersion: Bool = false, directoryListing: Bool = false, cookies: [String] = [], plainHTTP: String? = nil,
        plainURL: String? = nil, plainStatus: Int? = nil, plainLocation: String? = nil, plainError: String? = nil,
        truncated: Bool = false
    ) {
        self.name = name
        self.endpoint = endpoint
        self.path = path
        self.status = status
        self.hstsMaxAge = hstsMaxAge
        self.hsts = hsts
        self.nosniff = nosniff
        self.xFrameOptions = xFrameOptions
        self.frameProtection = frameProtection
        self.contentSecurityPolicy = contentSecurityPolicy
        self.server = server
        self.poweredBy = poweredBy
        self.bannerVersion = bannerVersion
        self.directoryListing = directoryListing
        self.cookies = cookies
        self.plainHTTP = plainHTTP
        self.plainURL = plainURL
        self.plainStatus = plainStatus
        self.plainLocation = plainLocation
        self.plainError = plainError
        self.truncated = truncated
    }

    enum CodingKeys: String, CodingKey {
        case name, endpoint, path, status, hsts, nosniff, server, cookies, truncated
        case hstsMaxAge = "hsts_max_age"
        case xFrameOptions = "x_frame_options"
        case frameProtection = "frame_protection"
        case contentSecurityPolicy = "content_security_policy"
        case poweredBy = "powered_by"
        case bannerVersion = "banner_version"
        case directoryListing = "directory_listing"
        case plainHTTP = "plain_http"
        case plainURL = "plain_url"
        case plainStatus = "plain_status"
        case plainLocation = "plain_location"
        case plainError = "plain_error"
    }
}
