import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Compares `ShellTimeoutParser` with bash itself: bash sources the root's `etc/profile` (whose paths point
/// into the root) as a login shell with a prompt would, and prints TMOUT and whether it is read-only.
///
/// Every case is one where the smallest value set is not the one in force.
@Suite("shell TMOUT: bash oracle")
struct ShellTimeoutOracleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var value: String
        var readonly: Bool
        var testDescription: String { name }
    }

    /// Debian 12's `/etc/profile`, with `@ROOT@` before its absolute paths and `@END@` for the cases' last lines.
    static let debianProfile = """
        # /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
        @TOP@
        if [ "$(id -u)" -eq 0 ]; then
          PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        else
          PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
        fi
        export PATH

        if [ "${PS1-}" ]; then
          if [ "${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
            # The file bash.bashrc already sets the default PS1.
            # PS1='\\h:\\w\\$ '
            if [ -f @ROOT@/etc/bash.bashrc ]; then
              . @ROOT@/etc/bash.bashrc
            fi
          else
            if [ "$(id -u)" -eq 0 ]; then
              PS1='# '
            else
              PS1='$ '
            fi
          fi
        fi

        if [ -d @ROOT@/etc/profile.d ]; then
          for i in @ROOT@/etc/profile.d/*.sh; do
            if [ -r $i ]; then
              . $i
            fi
          done
          unset i
        fi
        @END@

        """

    static func profile(top: String = "", end: String = "") -> String {
        debianProfile.replacingOccurrences(of: "@TOP@", with: top).replacingOccurrences(of: "@END@", with: end)
    }

    static let cases: [Case] = [
        Case(
            name: "first readonly in profile.d order wins over a smaller later one",
            files: [
                "etc/profile": profile(),
                "etc/profile.d/10-site.sh": "readonly TMOUT=1200\nexport TMOUT\n",
                "etc/profile.d/50-hardening.sh": "TMOUT=300\nreadonly TMOUT\nexport TMOUT\n",
            ],
            value: "1200", readonly: true),
        Case(
            name: "readonly at the top of etc/profile runs before profile.d",
            files: [
                "etc/profile": profile(top: "TMOUT=1800; readonly TMOUT; export TMOUT"),
                "etc/profile.d/tmout.sh": "readonly TMOUT=600\n",
            ],
            value: "1800", readonly: true),
        Case(
            name: "without readonly the last assignment wins, after profile.d",
            files: [
                "etc/profile": profile(end: "TMOUT=3600"),
                "etc/bash.bashrc": "TMOUT=60\n",
                "etc/profile.d/tmout.sh": "export TMOUT=300\n",
            ],
            value: "3600", readonly: false),
        Case(
            name: "bash.bashrc runs before profile.d",
            files: [
                "etc/profile": profile(),
                "etc/bash.bashrc": "TMOUT=900\n",
                "etc/profile.d/a.sh": "TMOUT=120\n",
                "etc/profile.d/b.sh": "declare -r TMOUT=1500\n",
            ],
            value: "1500", readonly: true),
        Case(
            name: "unset after a small value",
            files: [
                "etc/profile": profile(), "etc/profile.d/a.sh": "TMOUT=60\n", "etc/profile.d/b.sh": "unset TMOUT\n",
            ],
            value: "", readonly: false),
        Case(
            name: "readonly in bash.bashrc blocks profile.d and etc/profile",
            files: [
                "etc/profile": profile(end: "TMOUT=30"),
                "etc/bash.bashrc": "typeset -r TMOUT=2400\n",
                "etc/profile.d/tmout.sh": "readonly TMOUT=300\n",
            ],
            value: "2400", readonly: true),
    ]

    @Test(
        "capdo's TMOUT equals what bash ends up with",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "needs bash"),
        arguments: cases)
    func matchesBash(_ testCase: Case) throws {
        let root = try TemporaryDirectory()
        for (path, text) in testCase.files {
            try root.write(path, text.replacingOccurrences(of: "@ROOT@", with: root.path))
        }
        // bash drops PS1 in a non-interactive shell; set it so etc/profile takes its interactive branch.
        let script =
            "PS1='$ '; . '\(root.path)/etc/profile' >/dev/null 2>&1; printf '%s|' \"${TMOUT-}\"; "
            + "if readonly -p | grep -qw TMOUT; then echo yes; else echo no; fi"
        let bash = try #require(
            ProcessRunner.oracle.run("/usr/bin/env", ["-i", "/bin/bash", "--noprofile", "--norc", "-c", script]))
        let oracle = bash.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(oracle == "\(testCase.value)|\(testCase.readonly ? "yes" : "no")", "bash: \(bash.stderr)")

        var files: [String: String] = [:]
        for (path, text) in testCase.files { files[path] = text.replacingOccurrences(of: "@ROOT@", with: "") }
        let (section, _) = ShellTimeoutParser.parse(.memory(files))
        let capdo =
            (section.entries["TMOUT"]?.value ?? "") + "|"
            + (section.entries["TMOUT_readonly"]?.value == "yes" ? "yes" : "no")
        #expect(capdo == oracle)
    }

    /// The value in force points at the line that set it, and refused assignments are warned about.
    @Test func locatesTheValueInForce() {
        let (section, issues) = ShellTimeoutParser.parse(
            .memory([
                "etc/profile": Self.profile(end: "TMOUT=30").replacingOccurrences(of: "@ROOT@", with: ""),
                "etc/profile.d/10-site.sh": "readonly TMOUT=1200\n",
                "etc/profile.d/50-hardening.sh": "readonly TMOUT=300\n",
            ]))
        #expect(section.entries["TMOUT"] == ConfigEntry(value: "1200", file: "etc/profile.d/10-site.sh", line: 1))
        #expect(section.entries["TMOUT_readonly"]?.file == "etc/profile.d/10-site.sh")
        #expect(section.files == ["etc/profile", "etc/profile.d/10-site.sh", "etc/profile.d/50-hardening.sh"])
        #expect(issues.map(\.file) == ["etc/profile.d/50-hardening.sh", "etc/profile"])
        #expect(issues.allSatisfy { $0.level == .warning && $0.message.contains("read-only") })
    }
}
