import CapdoCore
import Foundation

/// Block devices as the running kernel shows them (`sys/class/block`) and udev names them (`run/udev/data`): which
/// device an fstab device (`UUID=`, `LABEL=`, `PARTUUID=`, `/dev/disk/by-…`, `/dev/mapper/…`, `/dev/VG/LV`) is,
/// and what it sits on. A device-mapper crypt target is known by its `dm/uuid` (`CRYPT-LUKS2-…`); logical volumes,
/// RAID and other stacked devices are followed through `slaves/`. Every encryption the storage rules count is a
/// dm-crypt target, so on a host with none of them no file system is encrypted whatever its device.
///
/// Only a live host has these files: under `--root` an image's `sys` is empty and `init` gives nil.
struct LiveBlockDevices {
    let files: ConfigFiles
    let names: [String]
    static let maxDepth = 8

    init?(_ files: ConfigFiles) {
        self.files = files
        names = files.list("sys/class/block")
        guard !names.isEmpty else { return nil }
    }

    /// The kind of volume `device` sits on (`luks`, `plain`, …, `none`), or nil when it cannot be told.
    func kind(of device: String) -> String? {
        if let name = resolve(device) { return kind(name: name, depth: 0) }
        return names.contains { dmUUID($0)?.hasPrefix("CRYPT-") ?? false } ? nil : "none"
    }

    func kind(name: String, depth: Int) -> String? {
        guard depth <= Self.maxDepth else { return nil }
        if let uuid = dmUUID(name), uuid.hasPrefix("CRYPT-") {
            let type = uuid.split(separator: "-").dropFirst().first.map { $0.lowercased() } ?? ""
            return type.hasPrefix("luks") ? "luks" : type
        }
        let below = files.list("sys/class/block/\(name)/slaves").map { kind(name: $0, depth: depth + 1) }
        guard let first = below.first else { return "none" }
        if below.contains(where: { $0 == "none" }) { return "none" }
        return below.allSatisfy({ $0 == first }) ? first : nil
    }

    func dmUUID(_ name: String) -> String? {
        text("sys/class/block/\(name)/dm/uuid")
    }

    /// The kernel name (`dm-1`, `sda2`) of an fstab device.
    func resolve(_ device: String) -> String? {
        let udevKeys = [
            ("UUID=", "ID_FS_UUID"), ("LABEL=", "ID_FS_LABEL"), ("PARTUUID=", "ID_PART_ENTRY_UUID"),
            ("PARTLABEL=", "ID_PART_ENTRY_NAME"), ("/dev/disk/by-uuid/", "ID_FS_UUID"),
            ("/dev/disk/by-label/", "ID_FS_LABEL"), ("/dev/disk/by-partuuid/", "ID_PART_ENTRY_UUID"),
        ]
        for (prefix, key) in udevKeys where device.hasPrefix(prefix) {
            return udev(key, String(device.dropFirst(prefix.count)))
        }
        if device.hasPrefix("/dev/mapper/") {
            let mapped = String(device.dropFirst("/dev/mapper/".count))
            return names.first { text("sys/class/block/\($0)/dm/name") == mapped }
        }
        let parts = device.split(separator: "/")
        if parts.count == 2, parts[0] == "dev", names.contains(String(parts[1])) { return String(parts[1]) }
        if parts.count == 3, parts[0] == "dev" {
            let escape = { (part: Substring) in part.replacingOccurrences(of: "-", with: "--") }
            return resolve("/dev/mapper/" + escape(parts[1]) + "-" + escape(parts[2]))
        }
        return nil
    }

    /// The device whose udev record has `key=value` (`E:ID_FS_UUID=…` in `run/udev/data/b<major>:<minor>`).
    func udev(_ key: String, _ value: String) -> String? {
        names.first { name in
            guard let number = text("sys/class/block/\(name)/dev"), let record = text("run/udev/data/b\(number)")
            else { return false }
            return record.split(separator: "\n").contains { $0 == "E:\(key)=\(value)" }
        }
    }

    func text(_ path: String) -> String? {
        guard case .success(let text) = files.read(path) else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
