import CapdoCollect
import CapdoCore
import Testing

@Suite("Encrypted storage from fstab and crypttab")
struct EncryptedStorageParserTests {
    static let crypttab = """
        root_crypt UUID=2c4e6a1b-9d3f-4e7a-8b05-6f1d2e3c4a59 none luks,discard
        sda5_crypt UUID=0b7e3c41-6a2f-4d8e-b5c9-1e4f7a2d9c30 none luks
        cryptswap /dev/sda3 /dev/urandom swap,cipher=aes-xts-plain64,size=512

        """

    @Test(
        arguments: [
            // Root on LUKS, swap on a random-key plain volume, /boot and tmpfs left out.
            (
                "/dev/mapper/root_crypt / ext4 defaults 0 1\nUUID=abcd /boot ext4 defaults 0 2\n"
                    + "/dev/mapper/cryptswap none swap sw 0 0\ntmpfs /tmp tmpfs defaults 0 0\n", "yes"
            ),
            // Only swap encrypted: the data is not.
            ("UUID=abcd / ext4 defaults 0 1\n/dev/mapper/cryptswap none swap sw 0 0\n", "no"),
            // Data encrypted but swap in clear.
            ("/dev/mapper/root_crypt / ext4 defaults 0 1\n/dev/sda2 none swap sw 0 0\n", "no"),
            // Debian's "encrypted LVM": the volume group's physical volume is a LUKS mapping.
            ("/dev/mapper/debian--vg-root / ext4 defaults 0 1\n/dev/debian-vg/home /home ext4 defaults 0 2\n", "yes"),
            // A logical volume of a group without a metadata backup cannot be traced.
            ("/dev/mapper/other-root / ext4 defaults 0 1\n", "no"),
            ("# empty\n", "no"),
        ] as [(String, String)])
    func judgesFstab(fstab: String, encrypted: String) {
        let files = ConfigFiles.memory([
            "etc/fstab": fstab,
            "etc/crypttab": Self.crypttab,
            "etc/lvm/backup/debian-vg": """
            debian-vg {
            \tphysical_volumes {
            \t\tpv0 {
            \t\t\tid = "aaaa-bbbb"
            \t\t\tdevice = "/dev/mapper/sda5_crypt"\t# Hint only
            \t\t}
            \t}
            }

            """,
        ])
        let (section, issues) = EncryptedStorageParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.entries["data_encrypted"]?.value == encrypted, "\(section.entries)")
    }

    @Test func mountsAreLabelledAndTheGapLocated() {
        let files = ConfigFiles.memory([
            "etc/fstab": "/dev/mapper/root_crypt / ext4 defaults 0 1\nLABEL=data /srv ext4 defaults 0 2\n",
            "etc/crypttab": Self.crypttab,
        ])
        let (section, _) = EncryptedStorageParser.parse(files)
        #expect(section.entries["mount:/"]?.value == "luks")
        #expect(section.entries["mount:/srv"]?.value == "none")
        #expect(section.entries["data_encrypted"] == ConfigEntry(value: "no", file: "etc/fstab", line: 2))
    }

    @Test(
        arguments: [
            ("/dev/mapper/debian--vg-root", "debian-vg", "root"),
            ("/dev/mapper/vg0-lv--data", "vg0", "lv-data"),
            ("/dev/vg0/data", "vg0", "data"),
        ])
    func logicalVolumeNames(device: String, group: String, volume: String) throws {
        let found = try #require(EncryptedStorageParser.logicalVolume(device))
        #expect(found.group == group)
        #expect(found.volume == volume)
        #expect(EncryptedStorageParser.logicalVolume("/dev/mapper/srv_crypt") == nil)
        #expect(EncryptedStorageParser.logicalVolume("/dev/disk/by-uuid/x") == nil)
    }
}
