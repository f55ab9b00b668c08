import CapdoCore
import Foundation

/// Fetches pages of one TLS endpoint over HTTPS and its host's plain-HTTP port, and reads what the headers say.
struct HTTPProbe {
    var handshake: TLSHandshake
    /// Paths fetched over HTTPS (`/`, a login page).
    var paths: [String]
    /// The plain-HTTP port of the same host checked for a redirect to HTTPS.
    var plainPort: Int
    /// Bytes read of one reply (headers and the start of the body).
    static let replyLimit = 131_072

    /// What one endpoint gave: a site per path fetched, the cookies they set, and an issue per page not fetched.
    struct Outcome: Sendable {
        var sites: [HTTPSiteFact] = []
        var cookies: [HTTPCookieFact] = []
        var issues: [CollectionIssue] = []
    }

    func run(_ target: TLSTarget) -> Outcome {
        var outcome = Outcome()
        let address: ResolvedAddress
        do {
            address = try ResolvedAddress.resolve(
                target.host, port: target.port, timeout: handshake.options.connectTimeout)
        } catch {
            outcome.issues += Self.issues("https://\(target.description)/", error)
            return outcome
        }
        let plain = probePlain(target, address: address, port: plainPort)
        if let error = plain.error {
            // A timeout or a garbled reply says nothing about a redirect: the rule reading plain_http says error.
            outcome.issues.append(
                CollectionIssue(collector: "tls.http_sites.plain_http", message: "\(plain.url): \(error)"))
        }
        for path in paths {
            let url = "https://\(target.description)\(path)"
            let reply = handshake.exchange(
                Self.request(path, target: target), target: target, address: address, limit: Self.replyLimit)
            let response: HTTPResponse
            do throws(CapdoError) {
                let (bytes, cut) = try reply.get()
                response = try HTTPResponseParser.parse(bytes, cut: cut)
            } catch {
                outcome.issues += Self.issues(url, error)
                continue
            }
            var site = Self.site(response, url: url, endpoint: target.description, path: path)
            site.plainURL = plain.url
            site.plainHTTP = plain.verdict
            site.plainStatus = plain.status
            site.plainLocation = plain.location
            site.plainError = plain.error
            outcome.sites.append(site)
            outcome.cookies += response.values("set-cookie").compactMap { Self.cookie($0, url: url) }
        }
        return outcome
    }

    /// A GET that asks the server to close after the reply.
    static func request(_ path: String, target: TLSTarget, port: Int? = nil) -> String {
        let host = target.host.contains(":") ? "[\(target.host)]" : target.host
        let shownPort = port ?? target.port
        let hostHeader =
            (port == nil && shownPort == 443) || (port != nil && shownPort == 80) ? host : "\(host):\(shownPort)"
        return "GET \(path) HTTP/1.1\r\nHost: \(hostHeader)\r\nUser-Agent: capdo/\(CapdoVersion.string)\r\n"
            + "Accept: text/html\r\nConnection: close\r\n\r\n"
    }

    /// A page not fetched: its headers and its cookies are unknown, so the rules reading either say error.
    static func issues(_ url: String, _ error: CapdoError) -> [CollectionIssue] {
        [
            CollectionIssue(collector: "tls.http_sites", message: "\(url): \(error.description)"),
            CollectionIssue(collector: "tls.http_cookies", message: "\(url): cookies not read (\(error.description))"),
        ]
    }

    /// The facts of one HTTPS reply.
    static func site(_ response: HTTPResponse, url: String, endpoint: String, path: String) -> HTTPSiteFact {
        let hsts = response.value("strict-transport-security")
        let frame = response.value("x-frame-options")
        let csp = response.value("content-security-policy")
        let server = response.value("server")
        let poweredBy = response.value("x-powered-by")
        let frameOK = ["DENY", "SAMEORIGIN"].contains(frame?.trimmingCharacters(in: .whitespaces).uppercased() ?? "")
        return HTTPSiteFact(
            name: url, endpoint: endpoint, path: path, status: response.status, hstsMaxAge: hsts.flatMap(maxAge),
            hsts: hsts,
            nosniff: response.value("x-content-type-options")?.trimmingCharacters(in: .whitespaces).lowercased()
                == "nosniff",
            xFrameOptions: frame, frameProtection: frameOK || (csp?.lowercased().contains("frame-ancestors") ?? false),
            contentSecurityPolicy: csp, server: server, poweredBy: poweredBy,
            bannerVersion: [server, poweredBy].contains { $0.map(namesVersion) ?? false },
            directoryListing: isDirectoryListing(response.body),
            cookies: response.values("set-cookie").compactMap { cookie($0, url: url)?.name },
            truncated: response.truncated)
    }

    /// `max-age` of a Strict-Transport-Security value (quoted or not); nil when absent or not a number.
    static func maxAge(_ value: String) -> Int? {
        for directive in value.split(separator: ";") {
            let parts = directive.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, parts[0].lowercased() == "max-age" else { continue }
            return Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        return nil
    }

    /// Whether a banner carries a version: a digit right after `/` or a space (`nginx/1.22.1`, `PHP 8.2`), or a
    /// `digit.digit` anywhere.
    static func namesVersion(_ banner: String) -> Bool {
        let scalars = Array(banner.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where CharacterSet.decimalDigits.contains(scalar) {
            if index > 0, scalars[index - 1] == "/" || scalars[index - 1] == " " { return true }
            if index + 2 < scalars.count, scalars[index + 1] == ".",
                CharacterSet.decimalDigits.contains(scalars[index + 2])
            {
                return true
            }
        }
        return false
    }

    /// A generated directory index: Apache/nginx/lighttpd `Index of /…`, Python's `Directory listing for /…`.
    static func isDirectoryListing(_ body: [UInt8]) -> Bool {
        let text = String(decoding: body.prefix(8_192), as: UTF8.self).lowercased()
        return ["<title>index of /", "<h1>index of /", "<title>directory listing for /"].contains { text.contains($0) }
    }

    /// The name and flags of a `Set-Cookie` value (its value is never kept).
    static func cookie(_ header: String, url: String) -> HTTPCookieFact? {
        let attributes = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = attributes.first, let equals = first.firstIndex(of: "=") else { return nil }
        let name = String(first[..<equals].prefix(64)).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        var cookie = HTTPCookieFact(name: name, url: url, secure: false, httpOnly: false)
        for attribute in attributes.dropFirst() {
            let parts = attribute.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts[0].lowercased() {
            case "secure": cookie.secure = true
            case "httponly": cookie.httpOnly = true
            case "samesite" where parts.count == 2: cookie.sameSite = String(parts[1].prefix(16))
            default: break
            }
        }
        return cookie
    }

    /// What the plain-HTTP port of the host answers to `GET /`.
    private func probePlain(_ target: TLSTarget, address: ResolvedAddress, port: Int) -> (
        url: String, verdict: String, status: Int?, location: String?, error: String?
    ) {
        var plainTarget = target
        plainTarget.port = port
        let url = "http://\(plainTarget.description)/"
        let timeout = handshake.options.connectTimeout
        do throws(CapdoError) {
            let socket = try PlainSocket(connectingTo: address.with(port: port), timeout: timeout)
            let deadline = Deadline(seconds: handshake.options.handshakeTimeout)
            try socket.send(Self.request("/", target: target, port: port), deadline: deadline)
            let (bytes, cut) = try socket.receive(limit: Self.replyLimit, deadline: deadline)
            let response = try HTTPResponseParser.parse(bytes, cut: cut)
            let location = response.value("location")
            let redirects =
                (300...399).contains(response.status) && (location?.lowercased().hasPrefix("https://") ?? false)
            return (url, redirects ? "redirects" : "serves", response.status, location, nil)
        } catch {
            if error.code == .connect, error.cause?.contains("refused") ?? false {
                return (url, "closed", nil, nil, nil)
            }
            return (url, "error", nil, nil, error.description)
        }
    }
}
