import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Compares `SshdConfigParser` with the real `sshd -T` on configurations written for the purpose.
///
/// Each case is a small tree; `@ROOT@` in a file stands for the scanned root: sshd sees the temp directory's
/// absolute path, capdo sees `/` inside its root, so `Include` and `HostKey` lines point at the same files.
@Suite("sshd -T oracle")
struct SshdOracleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var testDescription: String { name }
    }

    static let debianStock = """
        # This is the sshd server system-wide configuration file.
        Include @ROOT@/etc/ssh/sshd_config.d/*.conf

        #Port 22
        #PermitRootLogin prohibit-password
        KbdInteractiveAuthentication no
        UsePAM yes
        X11Forwarding yes
        PrintMotd no
        AcceptEnv LANG LC_*
        Subsystem\tsftp\t/usr/lib/openssh/sftp-server

        """

    static let cases: [Case] = [
        Case(name: "empty", files: ["etc/ssh/sshd_config": ""]),
        Case(
            name: "Debian stock with drop-ins, first wins across files",
            files: [
                "etc/ssh/sshd_config": debianStock + "PermitRootLogin yes\nPasswordAuthentication yes\n",
                "etc/ssh/sshd_config.d/20-late.conf": "PermitRootLogin forced-commands-only\nMaxAuthTries 5\n",
                "etc/ssh/sshd_config.d/10-hardening.conf": "PermitRootLogin no\nPasswordAuthentication no\n",
                "etc/ssh/sshd_config.d/30-off.conf.disabled": "MaxAuthTries 1\n",
                "etc/ssh/sshd_config.d/.hidden.conf": "MaxSessions 1\n",
            ]),
        Case(
            name: "case, equals signs, tabs, comments, CRLF",
            files: [
                "etc/ssh/sshd_config":
                    "pErMiTrOoTlOgIn=No\nPasswordAuthentication = NO\r\nX11Forwarding\tYES\n"
                    + "  MaxAuthTries   4 # four tries\n# MaxSessions 2\nMAXSESSIONS=3\nPrintMotd  \"no\"\n"
            ]),
        Case(
            name: "time units",
            files: [
                "etc/ssh/sshd_config":
                    "ClientAliveInterval 5m\nLoginGraceTime 1m30s\nUnusedConnectionTimeout 2H\nClientAliveCountMax 0\n"
            ]),
        Case(name: "prohibit-password", files: ["etc/ssh/sshd_config": "PermitRootLogin prohibit-password\n"]),
        Case(name: "without-password", files: ["etc/ssh/sshd_config": "PermitRootLogin without-password\n"]),
        Case(
            name: "Match blocks are not global; Match all ends them",
            files: [
                "etc/ssh/sshd_config": """
                PasswordAuthentication no
                Match User backup
                    PasswordAuthentication yes
                    PermitRootLogin yes
                    ForceCommand internal-sftp
                Match Address 192.0.2.0/24,198.51.100.*
                    X11Forwarding yes
                Match all
                PermitRootLogin no
                MaxAuthTries 3

                """
            ]),
        Case(
            name: "multi-valued keywords",
            files: [
                "etc/ssh/sshd_config": """
                Port 22
                Port 2222
                ListenAddress 127.0.0.1
                ListenAddress [::1]:2200
                ListenAddress ::1
                AllowUsers alice bob
                AllowUsers carol@192.0.2.1
                DenyUsers mallory
                AllowGroups ssh-users
                DenyGroups nossh
                AcceptEnv LANG LC_*
                AcceptEnv TZ
                Subsystem sftp internal-sftp -l  INFO
                HostKey @ROOT@/etc/ssh/test_host_key
                SetEnv A=1 B=2
                SetEnv C=3
                AuthorizedKeysFile .ssh/authorized_keys
                AuthorizedKeysFile /etc/ssh/keys/%u

                """
            ]),
        Case(
            name: "ports and address family",
            files: ["etc/ssh/sshd_config": "AddressFamily inet\nPort 2022\nPort 2023\n"]),
        Case(
            name: "algorithm lists and modifiers",
            files: [
                "etc/ssh/sshd_config": """
                Ciphers aes256-gcm@openssh.com,aes128-ctr
                MACs -hmac-sha1*,umac-64*
                KexAlgorithms +diffie-hellman-group14-sha1
                HostKeyAlgorithms ^ssh-ed25519
                PubkeyAcceptedKeyTypes +ssh-rsa
                CASignatureAlgorithms ssh-ed25519

                """
            ]),
        Case(
            name: "special formats",
            files: [
                "etc/ssh/sshd_config": """
                MaxStartups 5
                RekeyLimit 512M 1h
                IPQoS AF21
                StreamLocalBindMask 077
                PermitListen 8080 localhost:9090
                PermitOpen 192.0.2.1:22
                PubkeyAuthOptions verify-required
                LogLevel debug1
                SyslogFacility authpriv
                FingerprintHash md5
                PerSourceNetBlockSize 24:56
                PerSourceMaxStartups 4
                Compression delayed
                ChallengeResponseAuthentication no
                Banner "/etc/issue net"
                ForceCommand internal-sftp   -d /srv
                VersionAddendum hello  world
                Protocol 2
                UsePrivilegeSeparation sandbox
                DebianBanner no
                GatewayPorts clientspecified
                AllowTcpForwarding all
                PermitTunnel point-to-point
                IgnoreRhosts shosts-only
                PermitUserEnvironment LANG,LC_*
                AuthenticationMethods publickey,password publickey
                ChannelTimeout session=5m
                AuthorizedKeysCommand /usr/bin/keys %u "a b"
                AuthorizedKeysCommandUser nobody
                TCPKeepAlive no
                UseDNS yes

                """
            ]),
        Case(
            name: "Include inside Match, Match inside include, nested includes",
            files: [
                "etc/ssh/sshd_config": """
                Include @ROOT@/etc/ssh/global.d/*.conf
                Match User backup
                Include @ROOT@/etc/ssh/backup.conf
                X11Forwarding yes
                Match all
                Include @ROOT@/etc/ssh/missing-*.conf @ROOT@/etc/ssh/last.conf

                """,
                "etc/ssh/global.d/a.conf":
                    "LogLevel VERBOSE\nInclude @ROOT@/etc/ssh/nested/*.conf\nMatch all\nPrintMotd no\n",
                "etc/ssh/global.d/b.conf": "Match Group admins\nPermitTTY no\n",
                "etc/ssh/nested/deep.conf": "MaxSessions 4\n",
                "etc/ssh/backup.conf": "PermitRootLogin no\nMatch all\nPasswordAuthentication no\n",
                "etc/ssh/last.conf": "ClientAliveInterval 1w\nPrintMotd yes\n",
            ]),
        Case(
            name: "settings the hardening rules judge, weakened",
            files: [
                "etc/ssh/sshd_config": """
                LoginGraceTime 0
                StrictModes no
                UsePAM yes
                IgnoreUserKnownHosts yes
                AllowTcpForwarding local
                X11Forwarding yes
                HostKeyAlgorithms +ssh-rsa
                Ciphers +aes128-cbc,3des-cbc
                MACs -umac-64*
                KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1
                ListenAddress 192.0.2.5
                ListenAddress 198.51.100.7:2222
                MaxSessions 2
                MaxStartups 10:30:60
                PermitUserEnvironment yes
                Compression no
                LogLevel QUIET
                Banner none

                """
            ]),
        Case(
            name: "glob(3) brackets in Include",
            files: [
                "etc/ssh/sshd_config": "Include @ROOT@/etc/ssh/sshd_config.d/[0-9]*.conf\n",
                "etc/ssh/sshd_config.d/10-a.conf": "PermitRootLogin no\n",
                "etc/ssh/sshd_config.d/x-b.conf": "PasswordAuthentication no\n",
            ]),
    ]

    @Test(
        "capdo's entries equal sshd -T for every key",
        .enabled(if: SshdOracle.available, "needs /usr/sbin/sshd and root"),
        arguments: cases)
    func matchesSshd(_ testCase: Case) throws {
        let (capdo, sshd) = try compare(testCase, connection: nil)
        #expect(capdo.keys.sorted() == sshd.keys.sorted(), "key sets differ for \(testCase.name)")
        for (key, value) in sshd {
            #expect(capdo[key] == value, "\(testCase.name): \(key)")
        }
    }

    @Test(
        "a Match User block overlaid on the entries equals sshd -T -C user=backup",
        .enabled(if: SshdOracle.available, "needs /usr/sbin/sshd and root"))
    func matchBlockForUser() throws {
        guard let testCase = Self.cases.first(where: { $0.name.hasPrefix("Match blocks") }) else { return }
        let (capdo, sshd) = try compare(
            testCase, connection: "user=backup,host=client.example,addr=203.0.113.9", matchUser: "backup")
        for (key, value) in sshd {
            #expect(capdo[key] == value, "\(key)")
        }
    }

    /// sshd checks every line: a later invalid value of a keyword makes it refuse the file, whatever the first
    /// value was. capdo keeps no file value for that keyword and reports the offending file:line, as it does
    /// when the invalid line is the only one.
    @Test(
        "a keyword with a later invalid value is refused by sshd and not in force in capdo",
        .enabled(if: SshdOracle.available, "needs /usr/sbin/sshd and root"),
        arguments: [
            Case(
                name: "same file",
                files: [
                    "etc/ssh/sshd_config":
                        "PermitRootLogin no\nPasswordAuthentication no\nPermitRootLogin wrong_value\n"
                ]),
            Case(
                name: "drop-in first, main file invalid",
                files: [
                    "etc/ssh/sshd_config": "Include @ROOT@/etc/ssh/sshd_config.d/*.conf\nPermitRootLogin maybe\n",
                    "etc/ssh/sshd_config.d/10-hardening.conf": "PermitRootLogin no\n",
                ]),
            Case(name: "only line invalid", files: ["etc/ssh/sshd_config": "PermitRootLogin wrong_value\n"]),
        ])
    func laterInvalidValueIsRefused(_ testCase: Case) throws {
        let root = try TemporaryDirectory()
        for (path, text) in testCase.files {
            try root.write(path, text.replacingOccurrences(of: "@ROOT@", with: root.path))
        }
        let keyPath = root.path + "/etc/ssh/test_host_key"
        try generateHostKey(keyPath)
        let invalidLine = testCase.files["etc/ssh/sshd_config"]?.split(separator: "\n").firstIndex {
            $0.hasPrefix("PermitRootLogin") && !$0.hasSuffix(" no")
        }.map { $0 + 1 }
        #expect(throws: SshdOracle.OracleError.self, "sshd must refuse \(testCase.name)") {
            _ = try SshdOracle.effective(config: root.path + "/etc/ssh/sshd_config", extraHostKey: keyPath)
        }
        var capdoFiles = [String: String]()
        for (path, text) in testCase.files { capdoFiles[path] = text.replacingOccurrences(of: "@ROOT@", with: "") }
        let (section, issues) = SshdConfigParser.parse(.memory(capdoFiles))
        #expect(
            section.entries["permitrootlogin"]?.isDefault == true,
            "\(String(describing: section.entries["permitrootlogin"]))")
        #expect(
            issues.contains {
                $0.level == .error && $0.file == "etc/ssh/sshd_config" && $0.line == invalidLine
                    && $0.message.contains("sshd refuses")
            }, "\(issues)")
        if testCase.name == "same file" { #expect(section.entries["passwordauthentication"]?.value == "no") }
    }

    /// A lone `\r` does not end a line for sshd: `PermitRootLogin no\rPasswordAuthentication no` is one line
    /// that sshd refuses. capdo reads one line too, so `PasswordAuthentication` keeps its default.
    @Test(
        "a lone carriage return does not end an sshd_config line",
        .enabled(if: SshdOracle.available, "needs /usr/sbin/sshd and root"))
    func loneCarriageReturnIsOneLineForSshd() throws {
        let root = try TemporaryDirectory(["etc/ssh/sshd_config": "PermitRootLogin no\rPasswordAuthentication no\n"])
        let keyPath = root.path + "/etc/ssh/test_host_key"
        try generateHostKey(keyPath)
        #expect(throws: SshdOracle.OracleError.self) {
            _ = try SshdOracle.effective(config: root.path + "/etc/ssh/sshd_config", extraHostKey: keyPath)
        }
        let (section, issues) = SshdConfigParser.parse(.host(FileReader(root: root.path)))
        #expect(section.entries["passwordauthentication"]?.isDefault == true)
        #expect(issues.allSatisfy { $0.line == 1 }, "\(issues)")
    }

    /// sshd reads a line as a C string: the text after a NUL is not seen (nor, by sshd, the line's end, so only a
    /// last line is cut cleanly). capdo cuts the line there too and reports it.
    @Test(
        "a NUL byte ends what sshd reads of a line",
        .enabled(if: SshdOracle.available, "needs /usr/sbin/sshd and root"))
    func nulEndsTheLineForSshd() throws {
        let root = try TemporaryDirectory(["etc/ssh/sshd_config": "MaxAuthTries 3\nPermitRootLogin no\u{0}yes\n"])
        let keyPath = root.path + "/etc/ssh/test_host_key"
        try generateHostKey(keyPath)
        let sshd = try SshdOracle.effective(config: root.path + "/etc/ssh/sshd_config", extraHostKey: keyPath)
        let (section, issues) = SshdConfigParser.parse(.host(FileReader(root: root.path)))
        #expect(sshd["permitrootlogin"] == "no")
        #expect(section.entries["permitrootlogin"]?.value == sshd["permitrootlogin"])
        #expect(section.entries["maxauthtries"]?.value == sshd["maxauthtries"])
        #expect(issues.map(\.line) == [2])
    }

    /// Writes the case, runs both, and returns capdo's values (with blocks for `matchUser` applied) and sshd's.
    private func compare(_ testCase: Case, connection: String?, matchUser: String? = nil) throws
        -> ([String: String], [String: String])
    {
        let root = try TemporaryDirectory()
        for (path, text) in testCase.files {
            try root.write(path, text.replacingOccurrences(of: "@ROOT@", with: root.path))
        }
        var extraKey: String?
        let setsHostKey = testCase.files.values.contains { $0.contains("HostKey @ROOT@") }
        if setsHostKey || !SshdOracle.hasDefaultHostKey {
            let keyPath = root.path + "/etc/ssh/test_host_key"
            try generateHostKey(keyPath)
            if !setsHostKey { extraKey = keyPath }
        }
        var sshd = try SshdOracle.effective(
            config: root.path + "/etc/ssh/sshd_config", connection: connection, extraHostKey: extraKey)
        for (key, value) in sshd { sshd[key] = value.replacingOccurrences(of: root.path, with: "") }

        var capdoFiles = [String: String]()
        for (path, text) in testCase.files { capdoFiles[path] = text.replacingOccurrences(of: "@ROOT@", with: "") }
        let (section, issues) = SshdConfigParser.parse(.memory(capdoFiles))
        #expect(issues.filter { $0.level == .error }.isEmpty, "\(issues.map(\.description))")
        var capdo = section.entries.mapValues(\.value)
        if let matchUser {
            for block in section.blocks where block.criteria == "User \(matchUser)" {
                for (key, entry) in block.entries { capdo[key] = entry.value }
            }
        }
        if extraKey != nil {
            capdo["hostkey"] = nil
            sshd["hostkey"] = nil
        }
        return (capdo, sshd)
    }

    private func generateHostKey(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        process.arguments = ["-q", "-t", "ed25519", "-N", "", "-f", path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}
