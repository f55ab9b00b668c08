import CapdoCollect
import CapdoCore
import Foundation
import Testing

@Suite("Host parsers on truncated and corrupted input; the live host end to end")
struct RobustnessTests {
    static let passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    static let shadow = "root:$6$abc$def:19724:0:99999:7:::\ndaemon:*:19724:0:99999:7:::\n"

    /// Every prefix and many byte flips of each input: parsers end with values or issues, never a crash.
    @Test func truncationsAndFlipsNeverCrash() {
        var state: UInt64 = 42
        let status = "Package: a\nStatus: install ok installed\nVersion: 1:2.3-4\nSource: s (1)\n\n"
        let procNet = "  sl  local rem st\n   0: 0100007F:0016 00000000:0000 0A 0:0 00:0 0 0 0 12 1\n"
        for input in [status, Self.passwd, Self.shadow, procNet, "ID=debian\nPRETTY_NAME=\"x\"\n"] {
            let bytes = Array(input.utf8)
            var variants = (0...bytes.count).map { String(decoding: bytes[0..<$0], as: UTF8.self) }
            for _ in 0..<200 {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                var copy = bytes
                copy[Int(state >> 33) % copy.count] = UInt8(truncatingIfNeeded: state >> 13)
                variants.append(String(decoding: copy, as: UTF8.self))
            }
            for text in variants {
                _ = DpkgStatusParser.parse(text, file: "f")
                _ = PasswdParser.parse(text, file: "f")
                let shadow = ShadowParser.parse(text, file: "f")
                #expect(!shadow.issues.contains { $0.message.contains("$6$") })
                _ = ProcNetParser.parse(text, protocolName: "tcp", ipv6: false, file: "f")
                _ = ProcNetParser.parse(text, protocolName: "udp", ipv6: true, file: "f")
                _ = OsReleaseParser.parse(text)
                _ = LogTimestampParser.parse(text[...], modified: nil)
                _ = BackupCommandParser.analyse(text)
                _ = EvidenceIndexParser.parse(text, file: "f")
            }
        }
    }

    @Test func liveHostScanCompletes() async throws {
        let env = HostEnvironment(root: "/", now: Date())
        let snapshot = await SnapshotCollector.collect(env, collectors: Collectors.host)
        #expect(snapshot.live)
        #expect(snapshot.system?.osFamily == "debian")
        #expect((snapshot.packages?.packages.count ?? 0) > 100)
        #expect(snapshot.accounts?.uid0.contains("root") == true)
        #expect(snapshot.listeners != nil)
        #expect(snapshot.files["/etc/passwd"]?.exists == true)
        #expect(snapshot.collectors.count == Collectors.host.count)
        #expect(!snapshot.issues.contains { $0.message.contains("did not finish") })
        let json = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
        #expect(!json.contains("$6$") && !json.contains("$y$"), "a password hash leaked into the snapshot")
    }
}
