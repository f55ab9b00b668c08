import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Testing

@Suite("sshd_config robustness")
struct SshdRobustnessTests {
    static let valid = Array(
        """
        Include /etc/ssh/sshd_config.d/*.conf
        Port 22
        PermitRootLogin prohibit-password
        PasswordAuthentication=no
        AllowUsers "alice" bob
        LoginGraceTime 1m30s
        Match User backup
            ForceCommand internal-sftp
        Match all
        Subsystem sftp /usr/lib/openssh/sftp-server

        """.utf8)

    @Test("every truncation of a valid file parses without crashing")
    func truncations() {
        for length in 0...Self.valid.count {
            let text = String(decoding: Self.valid.prefix(length), as: UTF8.self)
            let (section, issues) = SshdConfigParser.parse(text: text)
            #expect(section.present)
            #expect(section.entries["permitemptypasswords"] != nil)
            #expect(issues.allSatisfy { $0.file == "etc/ssh/sshd_config" && $0.line != nil })
        }
    }

    @Test("random byte flips never crash and every issue names a line", arguments: 0..<8)
    func byteFlips(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            var bytes = Self.valid
            for _ in 0..<(1 + random.next(below: 6)) {
                bytes[random.next(below: bytes.count)] = UInt8(truncatingIfNeeded: random.next(below: 256))
            }
            let (section, issues) = SshdConfigParser.parse(text: String(decoding: bytes, as: UTF8.self))
            #expect(section.entries["port"] != nil)
            #expect(issues.allSatisfy { $0.line != nil })
        }
    }

    @Test("binary garbage gives a bounded number of issues")
    func garbage() {
        var random = SeededGenerator(seed: 42)
        let bytes = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: random.next(below: 256)) }
        let (section, issues) = SshdConfigParser.parse(text: String(decoding: bytes, as: UTF8.self))
        #expect(section.present)
        #expect(issues.count <= 51)
    }
}
