import CapdoCore

/// Works out from `etc/fstab`, `etc/crypttab` and LVM's metadata backups whether the data on disk is encrypted
/// (`config.encrypted_storage`).
///
/// Each local file system in fstab (not `/boot`, `/boot/efi`, `/efi`, pseudo or network file systems, bind mounts)
/// and each swap is traced to its device: `/dev/mapper/NAME` of a crypttab volume, or a logical volume
/// (`/dev/mapper/VG-LV`, `/dev/VG/LV`) whose volume group's physical volumes in `etc/lvm/backup/VG` are all
/// crypttab volumes. A file system counts as encrypted on a LUKS, TrueCrypt or BitLocker volume; swap also on a
/// plain volume with a random key. Other devices (`UUID=`, `LABEL=`, `/dev/disk/by-…`, a logical volume without a
/// metadata backup) are traced on a live host through the kernel (`LiveBlockDevices`), else they are `unknown`.
/// Keys: `mount:<mount point>` = `luks`, `plain`, …, `none` or `unknown`; `data_encrypted` = `yes` when there is at
/// least one such file system and every one (and every swap) is encrypted, `no` at the first that is proven not to
/// be, and left out when the only gaps are `unknown` ones: `undetermined.data_encrypted` then names those devices,
/// and a rule on `data_encrypted` is not assessed (absence of proof either way).
public enum EncryptedStorageParser: ConfigFileParser {
    public static let collector = "config.encrypted_storage"
    public static let summary = "Whether fstab's file systems and swap sit on encrypted volumes"
    public static let fstab = "etc/fstab"
    static let skippedMounts: Set<String> = ["/boot", "/boot/efi", "/efi", "none"]
    static let skippedTypes: Set<String> = [
        "tmpfs", "proc", "sysfs", "devpts", "devtmpfs", "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "virtiofs",
        "efivarfs", "securityfs", "cgroup", "cgroup2", "debugfs", "tracefs", "autofs", "iso9660", "udf", "ramfs",
    ]
    static let dataKinds: Set<String> = ["luks", "tcrypt", "bitlk"]

    /// The volume group and logical volume of a device path, with device-mapper's `--` escaping undone.
    public static func logicalVolume(_ device: String) -> (group: String, volume: String)? {
        if device.hasPrefix("/dev/mapper/") {
            let name = Array(device.dropFirst("/dev/mapper/".count))
            var index = 0
            while index < name.count {
                if name[index] == "-" {
                    if index + 1 < name.count && name[index + 1] == "-" {
                        index += 2
                        continue
                    }
                    let unescape = { (part: ArraySlice<Character>) in
                        String(part).replacingOccurrences(of: "--", with: "-")
                    }
                    return (unescape(name[..<index]), unescape(name[(index + 1)...]))
                }
                index += 1
            }
            return nil
        }
        let parts = device.split(separator: "/")
        guard parts.count == 3, parts[0] == "dev", !["mapper", "disk"].contains(parts[1]) else { return nil }
        return (String(parts[1]), String(parts[2]))
    }

    /// The `device = "…"` lines of an LVM metadata backup: the physical volumes of the group.
    public static func physicalVolumes(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("device"), let open = trimmed.firstIndex(of: "\""),
                let close = trimmed[trimmed.index(after: open)...].firstIndex(of: "\"")
            else { return nil }
            return String(trimmed[trimmed.index(after: open)..<close])
        }
    }

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        guard let text = reader.text(fstab) else { return (reader.section([:]), reader.issues) }
        let (crypttab, _) = CrypttabParser.parse(files)
        var kinds: [String: String] = [:]
        for (key, entry) in crypttab.entries where key.hasPrefix("volume.") {
            kinds["/dev/mapper/" + key.dropFirst("volume.".count)] = entry.value
        }
        let live = LiveBlockDevices(files)
        var entries: [String: ConfigEntry] = [:]
        var covered = 0
        var firstGap: (Int, String)?
        var untraced: [(Int, String)] = []
        for line in reader.lines(text, file: fstab) {
            let fields = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            guard fields.count >= 3 else {
                reader.report(file: fstab, line: line.number, "expected 'device mount-point type …'")
                continue
            }
            let (device, mount, type) = (fields[0], fields[1], fields[2])
            let options = fields.count > 3 ? fields[3].split(separator: ",").map(String.init) : []
            let swap = type == "swap"
            if !swap
                && (skippedMounts.contains(mount) || skippedTypes.contains(type) || type.hasPrefix("fuse")
                    || options.contains("bind"))
            {
                continue
            }
            var kind = volumeKind(device, kinds: kinds, reader: &reader)
            if kind == "unknown", let traced = live?.kind(of: device) { kind = traced }
            let name = swap ? "swap:" + device : mount
            entries["mount:" + name] = ConfigEntry(value: kind, file: fstab, line: line.number)
            let encrypted = swap ? kind != "none" && kind != "unknown" : dataKinds.contains(kind)
            if encrypted {
                if !swap { covered += 1 }
            } else if kind == "unknown" {
                untraced.append((line.number, "\(device) (\(name))"))
            } else if firstGap == nil {
                firstGap = (line.number, name)
            }
        }
        if firstGap != nil || untraced.isEmpty {
            let yes = covered > 0 && firstGap == nil
            entries["data_encrypted"] = ConfigEntry(value: yes ? "yes" : "no", file: fstab, line: firstGap?.0)
        } else {
            entries["undetermined.data_encrypted"] = ConfigEntry(
                value: untraced.map(\.1).joined(separator: ", "), file: fstab, line: untraced[0].0)
        }
        return (reader.section(entries), reader.issues)
    }

    /// What `device` sits on from the files alone: a crypttab volume's kind, a logical volume's (when every
    /// physical volume of its group is the same kind), `none` for a plain disk or partition path, else `unknown`.
    static func volumeKind(_ device: String, kinds: [String: String], reader: inout ConfigFileReader) -> String {
        if let kind = kinds[device] { return kind }
        guard let (group, _) = logicalVolume(device) else {
            let plain =
                device.hasPrefix("/dev/") && !device.hasPrefix("/dev/mapper/") && !device.hasPrefix("/dev/dm-")
                && !device.hasPrefix("/dev/disk/") && !device.hasPrefix("/dev/md")
            return plain ? "none" : "unknown"
        }
        let backup = "etc/lvm/backup/" + group
        guard let text = reader.text(backup) else { return "unknown" }
        let volumes = physicalVolumes(text).map { kinds[$0] ?? "none" }
        guard let first = volumes.first, volumes.allSatisfy({ $0 == first }) else { return "none" }
        return first
    }
}
