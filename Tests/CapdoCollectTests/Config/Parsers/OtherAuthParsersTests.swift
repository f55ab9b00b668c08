import CapdoCollect
import CapdoCore
import Testing

@Suite("sudoers, shell, crypttab, apt")
struct OtherAuthParsersTests {
    @Test("sudoers: rules, NOPASSWD, !authenticate, includedir skipping dotted and ~ files, continuations")
    func sudoers() {
        let files = [
            "etc/sudoers": """
            Defaults\tenv_reset
            Cmnd_Alias SHUTDOWN = /sbin/shutdown, \\
                /sbin/reboot
            root\tALL=(ALL:ALL) ALL
            %sudo\tALL=(ALL:ALL) ALL
            @includedir /etc/sudoers.d
            #includedir /etc/sudoers.d
            """,
            "etc/sudoers.d/deploy": "deploy ALL=(root) \\\n    NOPASSWD: /usr/bin/systemctl\n",
            "etc/sudoers.d/ci": "Defaults:ci !authenticate\n#include /etc/sudoers.extra\n",
            "etc/sudoers.extra": "backup ALL = NOPASSWD: ALL\n",
            "etc/sudoers.d/README": "# read by sudo: no dot in the name\n",
            "etc/sudoers.d/old.bak": "x ALL=NOPASSWD: ALL\n",
            "etc/sudoers.d/deploy~": "y ALL=NOPASSWD: ALL\n",
        ]
        let (section, issues) = SudoersParser.parse(.memory(files))
        // The directory is included twice (both spellings), so its files count twice, as sudo reads them twice.
        #expect(section.entries["rules"]?.value == "6")
        #expect(section.entries["nopasswd"]?.value == "6")
        #expect(section.entries["nopasswd"]?.file == "etc/sudoers.d/ci")
        #expect(section.entries["includedir"]?.value == "etc/sudoers.d etc/sudoers.d")
        #expect(!section.files.contains("etc/sudoers.d/old.bak"))
        #expect(issues.isEmpty, "\(issues.map(\.description))")
    }

    @Test(
        "shell TMOUT: readonly forms (profile.d after bash.bashrc when etc/profile is absent)",
        arguments: [
            ("TMOUT=900\nreadonly TMOUT\nexport TMOUT\n", "900", "yes"),
            ("export TMOUT=600\n", "600", "no"),
            ("declare -r TMOUT=300\n", "300", "yes"),
            ("typeset -xr TMOUT='1200'\n", "1200", "yes"),
            ("readonly TMOUT=450; export TMOUT\n", "450", "yes"),
            ("# TMOUT=1\nif [ -z \"$TMOUT\" ]; then :; fi\n", nil, "no"),
            ("unset TMOUT\n", "", "no"),
        ] as [(String, String?, String)])
    func shell(text: String, value: String?, readonly: String) {
        let (section, _) = ShellTimeoutParser.parse(
            .memory([
                "etc/profile.d/tmout.sh": text, "etc/bash.bashrc": "TMOUT=1800\n", "etc/profile.d/x.txt": "TMOUT=5\n",
            ]))
        #expect(section.entries["TMOUT"]?.value ?? "" == (value ?? "1800"))
        #expect(section.entries["TMOUT_readonly"]?.value == readonly)
    }

    @Test("crypttab: LUKS by option or by default, plain and tcrypt recognised")
    func crypttab() {
        let text = """
            # <target> <source> <key> <options>
            root_crypt UUID=0b6e-1 none luks,discard
            data /dev/sdb1 /etc/keys/data.key
            swap /dev/sda3 /dev/urandom swap,plain,cipher=aes-xts-plain64
            vera /dev/sdc1 none tcrypt
            broken
            odd /dev/sdd none =,,
            """
        let (section, issues) = CrypttabParser.parse(.memory(["etc/crypttab": text]))
        #expect(section.entries["volumes"]?.value == "5")
        #expect(section.entries["luks_volumes"]?.value == "3")
        #expect(section.entries["volume.swap"]?.value == "plain")
        #expect(section.entries["volume.vera"]?.value == "tcrypt")
        #expect(issues.map(\.line) == [6])
    }

    @Test("crypttab: a random-key swap without a type option is plain, not LUKS")
    func crypttabRandomKeySwap() {
        let text =
            "cryptswap UUID=9 /dev/urandom swap,cipher=aes-xts-plain64,size=256\ncrypttmp /dev/sdb2 /dev/random tmp\n"
        let (section, issues) = CrypttabParser.parse(.memory(["etc/crypttab": text]))
        #expect(issues.isEmpty)
        #expect(section.entries["volumes"]?.value == "2")
        #expect(section.entries["luks_volumes"]?.value == "0")
        #expect(section.entries["volume.cryptswap"]?.value == "plain")
        #expect(section.entries["volume.crypttmp"]?.value == "plain")
    }

    @Test("apt: flat and nested syntax, later files override, ignored names skipped")
    func apt() {
        let (section, issues) = AptPeriodicParser.parse(
            .memory([
                "etc/apt/apt.conf.d/10periodic": "APT::Periodic::Update-Package-Lists \"1\";\n// comment\n",
                "etc/apt/apt.conf.d/20auto-upgrades": """
                /* block
                   comment */
                APT {
                  Periodic {
                    Update-Package-Lists "7";
                    Unattended-Upgrade "1";
                  };
                };
                """,
                "etc/apt/apt.conf.d/99off.disabled": "APT::Periodic::Unattended-Upgrade \"0\";\n",
                "etc/apt/apt.conf.d/50broken": "APT::Periodic::Foo \"1\n",
            ]))
        #expect(section.entries["APT::Periodic::Update-Package-Lists"]?.value == "7")
        #expect(section.entries["APT::Periodic::Update-Package-Lists"]?.line == 5)
        #expect(section.entries["APT::Periodic::Unattended-Upgrade"]?.value == "1")
        #expect(issues.map(\.file) == ["etc/apt/apt.conf.d/50broken"])
    }
}
