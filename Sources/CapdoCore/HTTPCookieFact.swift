/// One `Set-Cookie` of a page fetched by `capdo tls --http`: its name and flags, never its value.
public struct HTTPCookieFact: Codable, Sendable, Equatable {
    /// The cookie's name (`PHPSESSID`).
    public var name: String
    /// The page that set it (`https://host:port/path`).
    public var url: String
    public var secure: Bool
    public var httpOnly: Bool
    /// `SameSite` as sent (`Strict`, `Lax`, `None`), nil when absent.
    public var sameSite: String?

    public init(name: String, url: String, secure: Bool, httpOnly: Bool, sameSite: String? = nil) {
        self.name = name
        self.url = url
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    enum CodingKeys: String, CodingKey {
        case name, url, secure
        case httpOnly = "http_only"
        case sameSite = "same_site"
    }
}
