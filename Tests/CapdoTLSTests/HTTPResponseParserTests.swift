import CapdoCore
import Foundation
import Testing

@testable import CapdoTLS

/// The bounded HTTP reader on hand-written replies: every truncation, odd headers, and what the probe reads off them.
@Suite("HTTP response parser")
struct HTTPResponseParserTests {
    static let reply = Array(
        ("HTTP/1.1 301 Moved Permanently\r\nServer: Apache/2.4.57 (Debian)\r\nLocation: https://portal/\r\n"
            + "Set-Cookie: PHPSESSID=abc; path=/; HttpOnly\r\nSet-Cookie: lang=vi; Secure; SameSite=None\r\n"
            + "Strict-Transport-Security: max-age=\"63072000\"; preload\r\n\r\n<title>Index of /</title>").utf8)

    @Test func readsStatusHeadersAndBody() throws {
        let response = try HTTPResponseParser.parse(Self.reply)
        #expect(response.status == 301)
        #expect(response.value("location") == "https://portal/")
        #expect(response.values("set-cookie").count == 2)
        #expect(!response.truncated)
        let site = HTTPProbe.site(response, url: "u", endpoint: "e", path: "/")
        #expect(site.hstsMaxAge == 63_072_000)
        #expect(site.bannerVersion)
        #expect(site.directoryListing)
        #expect(site.cookies == ["PHPSESSID", "lang"])
    }

    /// Every prefix of a valid reply either parses or is a clear error: never a crash.
    @Test func everyTruncation() {
        var parsed = 0
        for length in 0...Self.reply.count {
            if (try? HTTPResponseParser.parse(Array(Self.reply.prefix(length)))) != nil { parsed += 1 }
        }
        #expect(parsed > 0 && parsed < Self.reply.count)
    }

    @Test(arguments: ["", "SSH-2.0-OpenSSH_9.2\r\n", "HTTP/1.1 abc\r\n\r\n", "\u{0}\u{0}\u{0}\n"])
    func notHTTP(_ text: String) {
        #expect(throws: CapdoError.self) { try HTTPResponseParser.parse(Array(text.utf8)) }
    }

    @Test func cookieFlags() {
        let cookie = HTTPProbe.cookie("sid=1; Path=/; secure; HTTPONLY; samesite=lax", url: "u")
        #expect(cookie == HTTPCookieFact(name: "sid", url: "u", secure: true, httpOnly: true, sameSite: "lax"))
        #expect(HTTPProbe.cookie("no-equals-sign", url: "u") == nil)
    }

    @Test(arguments: [
        ("nginx", false), ("nginx/1.22.1", true), ("Microsoft-IIS/10.0", true), ("PHP 8", true), ("Apache", false),
        ("cloudflare", false), ("lighttpd 1.4", true),
    ])
    func banners(_ banner: String, _ versioned: Bool) {
        #expect(HTTPProbe.namesVersion(banner) == versioned)
    }

    @Test func manyHeadersAreCapped() throws {
        let lines = (0..<500).map { "X-\($0): y\r\n" }.joined()
        let response = try HTTPResponseParser.parse(Array("HTTP/1.0 200 OK\r\n\(lines)\r\n".utf8))
        #expect(response.headers.count == HTTPResponseParser.maxHeaders)
        #expect(response.truncated)
    }
}
