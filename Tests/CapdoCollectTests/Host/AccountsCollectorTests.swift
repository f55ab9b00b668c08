import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("AccountsCollector: passwd, shadow summaries, lastlog")
struct AccountsCollectorTests {
    static let hash = "$6$saltsalt$Zq9ySecretHashValueThatMustNeverLeakIntoFacts0123456789abcdefghijkl"

    @Test(arguments: [
        ("", "empty"), ("*", "disabled"), ("!", "disabled"), ("!!", "disabled"), ("!*", "disabled"),
        ("!" + hash, "locked"), (hash, "set"), ("abcdefghijklm", "set"), ("x", "disabled"),
    ])
    func passwordStates(field: String, expected: String) {
        #expect(ShadowParser.state(ofHash: field[...]) == expected)
    }

    @Test func collectsSummariesWithoutHashes() async throws {
        let root = try TemporaryDirectory()
        try root.write(
            "etc/passwd",
            """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            toor:x:0:0::/root:/bin/sh
            broken line
            alice:x:1000:1000:Alice:/home/alice:/bin/bash
            bob:x:1001:1001::/home/bob:/bin/false
            nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
            carol:x:1500:1500::/home/carol:

            """)
        try root.write(
            "etc/shadow",
            """
            root:!\(Self.hash):19724:0:99999:7:::
            daemon:*:19724:0:99999:7:::
            alice:\(Self.hash):20000:1:90:14:30:21000:
            bob::20000::::::
            carol:\(Self.hash):bad:line
            nobody:*:19724:0:99999:7:::

            """)
        try root.write("etc/login.defs", "# UID_MIN 5\nUID_MIN\t\t 1200\n")
        var lastlog = Data(count: LastlogParser.recordSize * 1001)
        let time: UInt32 = 1_790_000_000
        for (index, byte) in withUnsafeBytes(of: time.littleEndian, Array.init).enumerated() {
            lastlog[LastlogParser.recordSize * 1000 + index] = byte
        }
        try root.write("var/log/lastlog", data: lastlog)
        let output = await AccountsCollector().collect(in: root.environment())
        let facts = try #require(output.accounts)
        let byName = Dictionary(uniqueKeysWithValues: facts.accounts.map { ($0.name, $0) })
        #expect(facts.uid0 == ["root", "toor"])
        #expect(facts.shadowReadable)
        #expect(facts.sources == ["etc/passwd", "etc/shadow"])
        #expect(byName["root"]?.password == "locked")
        #expect(byName["daemon"]?.password == "disabled")
        #expect(byName["daemon"]?.interactive == false)
        #expect(byName["toor"]?.password == "no_entry")
        #expect(byName["alice"]?.password == "set")
        #expect(byName["alice"]?.maxDays == 90)
        #expect(byName["alice"]?.inactiveDays == 30)
        #expect(byName["alice"]?.lastChange == Date(timeIntervalSince1970: 20_000 * 86_400))
        #expect(byName["alice"]?.expires == Date(timeIntervalSince1970: 21_000 * 86_400))
        #expect(byName["alice"]?.system == true)  // UID_MIN is 1200 here
        #expect(byName["alice"]?.lastLogin == Date(timeIntervalSince1970: 1_790_000_000))
        #expect(byName["alice"]?.line == 5)
        #expect(byName["bob"]?.password == "empty")
        #expect(byName["bob"]?.maxDays == 99_999)
        #expect(byName["bob"]?.interactive == false)
        #expect(byName["carol"]?.password == "no_entry")
        #expect(byName["carol"]?.system == false)
        #expect(byName["carol"]?.interactive == true)
        #expect(byName["nobody"]?.system == true)
        #expect(byName["root"]?.lastLogin == nil)
        #expect(
            output.issues.map(\.description) == [
                "etc/passwd:4: malformed passwd entry; ignored", "etc/shadow:5: malformed",
            ])
        let encoded =
            String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
            + output.issues.map(\.description).joined()
        #expect(!encoded.contains("saltsalt"))
        #expect(!encoded.contains("Zq9y"))
    }

    @Test func unreadableShadowGivesUnknown() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
        try root.mkdir("etc/shadow")  // stands in for an unreadable file when tests run as root
        let output = await AccountsCollector().collect(in: root.environment())
        #expect(output.accounts?.shadowReadable == false)
        #expect(output.accounts?.accounts.first?.password == "unknown")
        #expect(output.issues.first?.file == "etc/shadow")
        #expect(output.issues.first?.level == .error)
    }

    @Test func missingPasswdIsAnError() async throws {
        let root = try TemporaryDirectory()
        let output = await AccountsCollector().collect(in: root.environment())
        #expect(output.accounts == nil)
        #expect(output.issues.first?.file == "etc/passwd")
    }
}
