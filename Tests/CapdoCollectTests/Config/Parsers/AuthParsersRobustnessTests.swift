import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Testing

/// Every truncation and random byte flips of a small valid input, for every non-sshd parser.
@Suite("auth config parsers robustness")
struct AuthParsersRobustnessTests {
    struct Input: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var text: String
        var parse: @Sendable (ConfigFiles) -> (ConfigSection, [CollectionIssue])
        var testDescription: String { name }
    }

    static let inputs: [Input] = [
        Input(
            name: "pam", path: "etc/pam.d/common-auth",
            text:
                "auth [success=1 default=ignore] pam_unix.so nullok\n-auth optional pam_x.so a=b \\\n c\n@include su\n",
            parse: PamStackParser.parse),
        Input(
            name: "login_defs", path: "etc/login.defs", text: "PASS_MAX_DAYS 90\nUMASK 027\n",
            parse: LoginDefsParser.parse),
        Input(
            name: "useradd", path: "etc/default/useradd", text: "INACTIVE=30\nSHELL=\"/bin/bash\"\n",
            parse: UseraddDefaultsParser.parse),
        Input(
            name: "pwquality", path: "etc/security/pwquality.conf", text: "minlen = 14\nenforce_for_root\n",
            parse: PwqualityParser.parse),
        Input(
            name: "faillock", path: "etc/security/faillock.conf", text: "deny = 3\neven_deny_root\n",
            parse: FaillockParser.parse),
        Input(
            name: "sudoers", path: "etc/sudoers",
            text: "Defaults !authenticate\nroot ALL=(ALL) ALL \\\n  , NOPASSWD: /x\n@includedir /etc/sudoers.d\n",
            parse: SudoersParser.parse),
        Input(
            name: "shell", path: "etc/profile", text: "TMOUT=\"900\"; readonly TMOUT\nexport TMOUT\n",
            parse: ShellTimeoutParser.parse),
        Input(
            name: "crypttab", path: "etc/crypttab", text: "root UUID=1 none luks,discard\nswap /dev/x none plain\n",
            parse: CrypttabParser.parse),
        Input(
            name: "apt", path: "etc/apt/apt.conf.d/20auto",
            text:
                "APT { Periodic { Unattended-Upgrade \"1\"; }; };\n/* c */ APT::Periodic::Update-Package-Lists \"1\";\n",
            parse: AptPeriodicParser.parse),
    ]

    @Test("truncations and byte flips never crash; issues name their file", arguments: inputs)
    func robust(_ input: Input) {
        let bytes = Array(input.text.utf8)
        var variants: [[UInt8]] = (0...bytes.count).map { Array(bytes.prefix($0)) }
        var random = SeededGenerator(seed: UInt64(input.name.utf8.count))
        for _ in 0..<300 {
            var flipped = bytes
            for _ in 0..<(1 + random.next(below: 4)) {
                flipped[random.next(below: flipped.count)] = UInt8(truncatingIfNeeded: random.next(below: 256))
            }
            variants.append(flipped)
        }
        variants.append(Array(repeating: 0x41, count: 100_000))
        for variant in variants {
            let text = String(decoding: variant, as: UTF8.self)
            let (section, issues) = input.parse(.memory([input.path: text]))
            #expect(section.present)
            #expect(issues.allSatisfy { $0.file != nil })
        }
    }
}
