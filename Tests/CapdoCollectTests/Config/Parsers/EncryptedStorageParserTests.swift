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
            ("/dev/sda1 / ext4 defaults 0 1\n/dev/mapper/cryptswap none swap sw 0 0\n", "no"),
            // Data encrypted but swap in clear.
            ("/dev/mapper/root_crypt / ext4 defaults 0 1\n/dev/sda2 none swap sw 0 0\n", "no"),
            // Debian's "encrypted LVM": the volume group's physical volume is a LUKS mapping.
            ("/dev/mapper/debian--vg-root / ext4 defaults 0 1\n/dev/debian-vg/home /home ext4 defaults 0 2\n", "yes"),
            // A logical volume of a group without a metadata backup, or a UUID, cannot be traced from files: no
            // verdict either way (see untracedDevicesGiveNoVerdict).
            ("/dev/mapper/other-root / ext4 defaults 0 1\n", nil),
            ("UUID=abcd / ext4 defaults 0 1\n/dev/mapper/cryptswap none swap sw 0 0\n", nil),
            // A proven gap decides even beside an untraced device.
            ("UUID=abcd / ext4 defaults 0 1\n/dev/sdb1 /srv ext4 defaults 0 2\n", "no"),
            ("# empty\n", "no"),
        ] as [(String, String?)])
    func judgesFstab(fstab: String, encrypted: String?) {
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
            "etc/fstab": "/dev/mapper/root_crypt / ext4 defaults 0 1\n/dev/vdb1 /srv ext4 defaults 0 2\n",
            "etc/crypttab": Self.crypttab,
        ])
        let (section, _) = EncryptedStorageParser.parse(files)
        #expect(section.entries["mount:/"]?.value == "luks")
        #expect(section.entries["mount:/srv"]?.value == "none")
        #expect(section.entries["data_encrypted"] == ConfigEntry(value: "no", file: "etc/fstab", line: 2))
    }

    @Test func untracedDevicesGiveNoVerdict() {
        let files = ConfigFiles.memory([
            "etc/fstab": "/dev/mapper/root_crypt / ext4 defaults 0 1\nLABEL=data /srv ext4 defaults 0 2\n",
            "etc/crypttab": Self.crypttab,
        ])
        let (section, _) = EncryptedStorageParser.parse(files)
        #expect(section.entries["mount:/srv"]?.value == "unknown")
        #expect(section.entries["data_encrypted"] == nil)
        #expect(
            section.entries["undetermined.data_encrypted"]
                == ConfigEntry(value: "LABEL=data (/srv)", file: "etc/fstab", line: 2))
    }

    /// A live host's sysfs and udev records: Debian's encrypted LVM (dm-1 root and dm-2 swap on dm-0, a LUKS2
    /// mapping of vda3), a plain partition vdb1 mounted by UUID, and a RAID md0 of two LUKS1 mappings.
    static let liveHost: [String: String] = [
        "sys/class/block/vda3/dev": "254:3\n",
        "sys/class/block/vdb1/dev": "254:17\n",
        "run/udev/data/b254:17": "S:disk/by-uuid/1111\nE:ID_FS_UUID=1111\nE:ID_FS_TYPE=ext4\n",
        "sys/class/block/dm-0/dev": "253:0\n",
        "sys/class/block/dm-0/dm/name": "vda3_crypt\n",
        "sys/class/block/dm-0/dm/uuid": "CRYPT-LUKS2-5d1c0e3a8b7f4c2e9a6d1b0c3e5f7a9b-vda3_crypt\n",
        "sys/class/block/dm-0/slaves/vda3": "",
        "sys/class/block/dm-1/dev": "253:1\n",
        "sys/class/block/dm-1/dm/name": "debian--vg-root\n",
        "sys/class/block/dm-1/dm/uuid": "LVM-AAAA\n",
        "sys/class/block/dm-1/slaves/dm-0": "",
        "run/udev/data/b253:1": "E:ID_FS_UUID=2222\nE:ID_FS_LABEL=root\n",
        "sys/class/block/dm-2/dev": "253:2\n",
        "sys/class/block/dm-2/dm/name": "debian--vg-swap_1\n",
        "sys/class/block/dm-2/dm/uuid": "LVM-BBBB\n",
        "sys/class/block/dm-2/slaves/dm-0": "",
        "sys/class/block/dm-3/dm/uuid": "CRYPT-LUKS1-aa-md_a\n",
        "sys/class/block/dm-4/dm/uuid": "CRYPT-LUKS1-bb-md_b\n",
        "sys/class/block/md0/dev": "9:0\n",
        "sys/class/block/md0/slaves/dm-3": "",
        "sys/class/block/md0/slaves/dm-4": "",
        "run/udev/data/b9:0": "E:ID_FS_UUID=3333\n",
    ]

    @Test(
        arguments: [
            ("UUID=2222 / ext4 defaults 0 1\n/dev/debian-vg/swap_1 none swap sw 0 0\n", "yes", "luks"),
            ("LABEL=root / ext4 defaults 0 1\n", "yes", "luks"),
            ("/dev/disk/by-uuid/2222 / ext4 defaults 0 1\n", "yes", "luks"),
            ("/dev/md0 / ext4 defaults 0 1\n", "yes", "luks"),
            ("UUID=3333 / ext4 defaults 0 1\n", "yes", "luks"),
            ("UUID=1111 / ext4 defaults 0 1\n", "no", "none"),
            ("UUID=9999 / ext4 defaults 0 1\n", nil, "unknown"),
        ] as [(String, String?, String)])
    func liveHostTracesDevices(fstab: String, encrypted: String?, root: String) {
        let files = ConfigFiles.memory(Self.liveHost.merging(["etc/fstab": fstab]) { $1 })
        let (section, issues) = EncryptedStorageParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.entries["data_encrypted"]?.value == encrypted, "\(section.entries)")
        #expect(section.entries["mount:/"]?.value == root)
    }

    @Test func aLiveHostWithoutCryptTargetsHasNoEncryptedFileSystem() {
        let files = ConfigFiles.memory([
            "etc/fstab": "UUID=abcd / ext4 defaults 0 1\n", "sys/class/block/vda/dev": "254:0\n",
            "sys/class/block/vda1/dev": "254:1\n",
        ])
        let (section, _) = EncryptedStorageParser.parse(files)
        #expect(section.entries["mount:/"]?.value == "none")
        #expect(section.entries["data_encrypted"] == ConfigEntry(value: "no", file: "etc/fstab", line: 1))
    }

    /// This machine's own sysfs, read as a live scan reads it: with no dm-crypt target here (checked with
    /// dmsetup's view, /sys/class/block/dm-*/dm/uuid), a UUID= root is proven not encrypted.
    @Test func thisMachinesSysfs() throws {
        let host = ConfigFiles.host(FileReader(root: "/"))
        let names = host.list("sys/class/block")
        try #require(!names.isEmpty, "sysfs is mounted")
        let crypt = names.contains {
            guard case .success(let uuid) = host.read("sys/class/block/\($0)/dm/uuid") else { return false }
            return uuid.hasPrefix("CRYPT-")
        }
        let files = ConfigFiles(
            read: { $0 == "etc/fstab" ? .success("UUID=not-a-real-one / ext4 defaults 0 1\n") : host.read($0) },
            list: host.list, isDirectory: host.isDirectory)
        let (section, _) = EncryptedStorageParser.parse(files)
        #expect(section.entries["mount:/"]?.value == (crypt ? "unknown" : "none"))
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
