import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// The HTTP probe against real servers on loopback: Debian's nginx configured well and badly, and Python's
/// http.server sending a hostile banner. Every fact is compared with what the configuration sets.
@Suite("HTTP probe against nginx and http.server")
struct HTTPProbeTests {
    func pages(_ server: TestWebServer, paths: [String] = ["/"]) async throws -> (
        sites: [HTTPSiteFact], cookies: [HTTPCookieFact], issues: [CollectionIssue]
    ) {
        defer { server.stop() }
        let prober = try TLSProber(
            options: TLSProbeOptions(connectTimeout: 3, handshakeTimeout: 3, concurrency: 2, caFile: TestPKI.get().root)
        )
        return await prober.probeHTTP(
            [TLSTarget(host: "127.0.0.1", port: server.httpsPort)], paths: paths,
            plainPort: server.plainPort)
    }

    @Test(.enabled(if: TestWebServer.nginxAvailable, "needs root and nginx (scripts/install-deps --test)"))
    func hardenedNginx() async throws {
        // A location with its own add_header inherits none of the server's: the login page repeats them.
        let headers = """
            add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
            add_header X-Content-Type-Options nosniff always;
            add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;
            """
        let server = try TestWebServer(
            nginxHTTPS: """
                server_tokens off;
                \(headers)
                location = /dang-nhap {
                    \(headers)
                    add_header Set-Cookie "sid=s3cr3t; Path=/; Secure; HttpOnly; SameSite=Strict" always;
                    return 200 "login";
                }
                location /files/ { autoindex off; }
                """,
            plain: "return 301 https://$host$request_uri;")
        let (sites, cookies, issues) = try await pages(server, paths: ["/", "/dang-nhap", "/files/"])
        #expect(issues.isEmpty, "\(issues)")
        #expect(sites.map(\.status) == [200, 200, 403])
        for site in sites {
            #expect(site.hstsMaxAge == 31_536_000)
            #expect(site.nosniff)
            #expect(site.frameProtection, "CSP frame-ancestors counts")
            #expect(site.contentSecurityPolicy?.contains("default-src") == true)
            #expect(site.server == "nginx")
            #expect(!site.bannerVersion)
            #expect(!site.directoryListing)
            #expect(site.plainHTTP == "redirects")
            #expect(site.plainStatus == 301)
            #expect(site.plainLocation?.hasPrefix("https://127.0.0.1") == true)
        }
        #expect(
            cookies == [
                HTTPCookieFact(
                    name: "sid", url: "https://127.0.0.1:\(server.httpsPort)/dang-nhap", secure: true, httpOnly: true,
                    sameSite: "Strict")
            ])
        #expect(sites[1].cookies == ["sid"])
    }

    @Test(.enabled(if: TestWebServer.nginxAvailable, "needs root and nginx (scripts/install-deps --test)"))
    func carelessNginx() async throws {
        let server = try TestWebServer(
            nginxHTTPS: """
                server_tokens on;
                add_header Strict-Transport-Security "max-age=300";
                add_header X-Frame-Options ALLOW-FROM;
                location = /dang-nhap { add_header Set-Cookie "sid=s3cr3t; Path=/"; return 200 "login"; }
                location /files/ { autoindex on; }
                """,
            plain: "location / { return 200 'plain'; }")
        let (sites, cookies, issues) = try await pages(server, paths: ["/files/", "/dang-nhap"])
        #expect(issues.isEmpty, "\(issues)")
        let listing = try #require(sites.first)
        #expect(listing.directoryListing)
        #expect(listing.hstsMaxAge == 300)
        #expect(!listing.nosniff)
        #expect(!listing.frameProtection)
        #expect(listing.contentSecurityPolicy == nil)
        #expect(listing.server?.hasPrefix("nginx/") == true)
        #expect(listing.bannerVersion)
        #expect(listing.plainHTTP == "serves")
        #expect(listing.plainStatus == 200)
        #expect(cookies.map(\.name) == ["sid"])
        #expect(cookies.first?.secure == false && cookies.first?.httpOnly == false && cookies.first?.sameSite == nil)
        // The cookie's value is never kept.
        let encoded = String(
            decoding: try JSONEncoder().encode(TLSFacts(httpSites: sites, httpCookies: cookies)), as: UTF8.self)
        #expect(!encoded.contains("s3cr3t"))
    }

    @Test(.enabled(if: TestWebServer.nginxAvailable, "needs root and nginx (scripts/install-deps --test)"))
    func closedPlainPortAndDeadEndpoint() async throws {
        let server = try TestWebServer(nginxHTTPS: "", plain: "")
        let closed = TestListener.closedPort()
        defer { server.stop() }
        let prober = try TLSProber(options: TLSProbeOptions(connectTimeout: 3, handshakeTimeout: 3))
        let result = await prober.probeHTTP(
            [TLSTarget(host: "127.0.0.1", port: server.httpsPort), TLSTarget(host: "127.0.0.1", port: closed)],
            paths: ["/"], plainPort: closed)
        #expect(result.sites.count == 1)
        #expect(result.sites.first?.plainHTTP == "closed")
        #expect(result.sites.first?.hstsMaxAge == nil)
        // The endpoint that does not answer is an issue on the fact path, so the app.http rules say error.
        #expect(result.issues.map(\.collector) == ["tls.http_sites", "tls.http_cookies"])
        #expect(result.issues.first?.message.contains("127.0.0.1:\(closed)") == true)
    }

    /// A plain port that accepts and never answers proves nothing about a redirect: `error` with an issue on the
    /// fact the redirect rule reads.
    @Test(.enabled(if: TestWebServer.nginxAvailable, "needs root and nginx (scripts/install-deps --test)"))
    func silentPlainPortIsAnIssue() async throws {
        let server = try TestWebServer(nginxHTTPS: "", plain: "")
        let silent = try TestListener(.silent)
        defer {
            server.stop()
            silent.stop()
        }
        let prober = try TLSProber(options: TLSProbeOptions(connectTimeout: 1, handshakeTimeout: 1))
        let result = await prober.probeHTTP(
            [TLSTarget(host: "127.0.0.1", port: server.httpsPort)], paths: ["/"], plainPort: silent.port)
        #expect(result.sites.first?.plainHTTP == "error")
        #expect(result.issues.map(\.collector) == ["tls.http_sites.plain_http"])
        #expect(result.issues.first?.message.hasPrefix("http://127.0.0.1:\(silent.port)/: ") == true)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: TestWebServer.python), "needs python3"))
    func hostileBannerIsCleanedAndCut() async throws {
        let server = try TestWebServer(
            pythonHeaders: """
                [("Server", "<script>alert(1)</script>\\x1b[31mEvil/6.6\\r"),
                 ("Set-Cookie", "\\x07bell=1; Secure; HttpOnly; SameSite=Lax"), ("X-Powered-By", "A" * 100000)]
                """)
        let (sites, cookies, issues) = try await pages(server)
        #expect(issues.isEmpty, "\(issues)")
        let site = try #require(sites.first)
        let banner = try #require(site.server)
        #expect(banner.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
        #expect(banner.contains("\\u{1B}[31m"))
        #expect(banner.hasPrefix("<script>"), "kept as text: the reporters escape it")
        #expect(site.bannerVersion)
        // 100 000 bytes of header value: cut.
        #expect(site.truncated)
        #expect((site.poweredBy?.count ?? 0) <= HTTPResponseParser.maxValue)
        #expect(cookies.first?.name == "\\u{7}bell")
        #expect(site.plainHTTP == "closed", "nothing listens on the plain port")
    }
}
