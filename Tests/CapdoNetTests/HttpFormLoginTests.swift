import CapdoCore
import Foundation
import Testing

/// Web-form logins and login pages over HTTP: field names, encodings, TCP segments, and no secret in the facts.
@Suite struct HttpFormLoginTests {
    static let client = "192.0.2.10", server = "192.0.2.2"

    /// A TCP segment with a sequence number, client to server (or back).
    static func segment(_ text: [UInt8], sequence: UInt32, toServer: Bool = true, port: Int = 80) -> [UInt8] {
        let (sport, dport) = toServer ? (40000, port) : (port, 40000)
        let tcp =
            Frames.be16(sport) + Frames.be16(dport) + Frames.be16(Int(sequence >> 16))
            + Frames.be16(Int(sequence & 0xFFFF))
            + [0, 0, 0, 1] + [0x50, 0x18] + Frames.be16(65535) + [0, 0, 0, 0] + text
        let (src, dst) = toServer ? (client, server) : (server, client)
        return Frames.ethernet(
            Frames.ipv4(src, dst, proto: 6, tcp), src: toServer ? Frames.macA : Frames.macB,
            dst: toServer ? Frames.macB : Frames.macA)
    }

    static func post(
        _ body: String, path: String = "/dichvucong/login", type: String = "application/x-www-form-urlencoded"
    )
        -> String
    {
        "POST \(path) HTTP/1.1\r\nHost: portal\r\nContent-Type: \(type)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    static func noSecret(_ facts: LanFacts, _ secret: String) throws -> Bool {
        !String(decoding: try JSONEncoder().encode(facts), as: UTF8.self).contains(secret)
    }

    @Test(arguments: [
        "password", "passwd", "pass", "pwd", "matkhau", "mat_khau", "mat-khau", "MatKhau", "user%5Bpassword%5D",
        "j_password", "mk", "txtPwd", "j_pass", "user[pass]",
    ])
    func aSecretFieldNameIsACredential(name: String) throws {
        let body = "taikhoan=canbo01&\(name)=Ns-Secret-9&submit=1"
        let facts = try CaptureFixture.facts([Self.segment(Array(Self.post(body).utf8), sequence: 1)])
        let credential = try #require(facts.credentials.first)
        #expect(facts.credentials.count == 1)
        #expect(credential.protocol == "http_form" && credential.user == "canbo01" && credential.secret == "redacted")
        #expect(credential.path == "/dichvucong/login" && credential.server == "192.0.2.2:80" && credential.packet == 1)
        #expect(try Self.noSecret(facts, "Ns-Secret-9"))
    }

    @Test(arguments: ["q=password&page=2", "password=", "search=matkhau", "compass=north", "bypass=1"])
    func noSecretFieldNoCredential(body: String) throws {
        let facts = try CaptureFixture.facts([Self.segment(Array(Self.post(body).utf8), sequence: 1)])
        #expect(facts.credentials.filter { $0.protocol == "http_form" }.isEmpty, "\(body)")
    }

    @Test func aJSONOrPlainBodyIsNotAForm() throws {
        let facts = try CaptureFixture.facts([
            Self.segment(Array(Self.post("password=x", type: "text/plain").utf8), sequence: 1)
        ])
        #expect(facts.credentials.isEmpty)
    }

    @Test func aQueryStringSecretIsACredential() throws {
        let request = "GET /login.php?user=admin&pwd=Ns-Secret-7 HTTP/1.1\r\nHost: x\r\n\r\n"
        let facts = try CaptureFixture.facts([Self.segment(Array(request.utf8), sequence: 1, port: 8080)])
        let credential = try #require(facts.credentials.first)
        #expect(credential.user == "admin" && credential.path == "/login.php" && credential.server == "192.0.2.2:8080")
        #expect(try Self.noSecret(facts, "Ns-Secret-7"))
    }

    @Test func multipartFields() throws {
        let body =
            "--XyZ\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nadmin\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nNs-Secret-5\r\n--XyZ--\r\n"
        let request = Self.post(body, type: "multipart/form-data; boundary=XyZ")
        let facts = try CaptureFixture.facts([Self.segment(Array(request.utf8), sequence: 1)])
        #expect(facts.credentials.map(\.user) == ["admin"])
        #expect(try Self.noSecret(facts, "Ns-Secret-5"))
    }

    /// The request cut in two at every byte: one credential, in the packet that carried the secret's first byte.
    @Test func aRequestSplitAtEveryByteIsReassembled() throws {
        let request = Array(Self.post("user_name=ketoan&mat_khau=Ns-Secret-3&remember=1").utf8)
        let secretAt = request.count - "Ns-Secret-3&remember=1".utf8.count
        for cut in 1..<request.count {
            let facts = try CaptureFixture.facts([
                Self.segment(Array(request[..<cut]), sequence: 1000),
                Self.segment(Array(request[cut...]), sequence: 1000 + UInt32(cut)),
            ])
            #expect(facts.credentials.count == 1, "cut at \(cut)")
            #expect(facts.credentials.first?.user == "ketoan", "cut at \(cut)")
            #expect(facts.credentials.first?.packet == (secretAt < cut ? 1 : 2), "cut at \(cut)")
        }
    }

    @Test func retransmissionsAndOverlapsAreReadOnce() throws {
        let request = Array(Self.post("login=a&password=Ns-Secret-1").utf8)
        let facts = try CaptureFixture.facts([
            Self.segment(Array(request[..<40]), sequence: 1),
            Self.segment(Array(request[..<40]), sequence: 1),  // retransmitted
            Self.segment(Array(request[30..<100]), sequence: 31),  // overlaps by ten bytes
            Self.segment(Array(request[100...]), sequence: 101),
        ])
        #expect(facts.credentials.map(\.user) == ["a"])
    }

    @Test func aMissingSegmentEndsTheRequestWithoutACredentialFromTheGap() throws {
        let request = Array(Self.post("login=a&password=Ns-Secret-1").utf8)
        let facts = try CaptureFixture.facts([
            Self.segment(Array(request[..<40]), sequence: 1),
            Self.segment(Array(request[60...]), sequence: 61),
        ])
        #expect(facts.credentials.isEmpty)
    }

    static let page = "<form><input name=\"taikhoan\"><input TYPE = 'Password' name=\"matkhau\"></form>"

    /// A page cut in two at every byte still shows its password field, once.
    @Test func aLoginPageSplitAtEveryByteIsFound() throws {
        let response = Array(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(Self.page.utf8.count)\r\n\r\n\(Self.page)"
                .utf8)
        for cut in 1..<response.count {
            let facts = try CaptureFixture.facts([
                Self.segment(Array("GET /dichvucong/login HTTP/1.1\r\nHost: x\r\n\r\n".utf8), sequence: 1),
                Self.segment(Array(response[..<cut]), sequence: 500, toServer: false),
                Self.segment(Array(response[cut...]), sequence: 500 + UInt32(cut), toServer: false),
            ])
            let pages = facts.httpLoginPages ?? []
            #expect(pages.count == 1, "cut at \(cut)")
            #expect(pages.first?.path == "/dichvucong/login" && pages.first?.server == "192.0.2.2:80", "cut at \(cut)")
        }
    }

    @Test(arguments: [
        ("text/plain", "<input type=password>"), ("text/html", "the password is long"),
        ("text/html", "<input type=\"text\" name=\"password\">"),
    ])
    func notALoginPage(type: String, body: String) throws {
        let response = "HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\n\r\n\(body)"
        let facts = try CaptureFixture.facts([Self.segment(Array(response.utf8), sequence: 1, toServer: false)])
        #expect(facts.httpLoginPages == nil)
    }

    @Test func aCompressedPageIsCountedNotSearched() throws {
        let response = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n\u{1F}"
        let facts = try CaptureFixture.facts([Self.segment(Array(response.utf8), sequence: 1, toServer: false)])
        #expect(facts.httpLoginPages == nil && facts.counters.skipped["http_compressed_pages"] == 1)
    }
}
