import Foundation

/// MAC vendor names from Debian's `ieee-data` registry (`oui.csv` MA-L, `mam.csv` MA-M, `oui36.csv` MA-S and
/// `iab.csv`), looked up by the longest assigned prefix. Nothing is read until vendors are asked for, and then only
/// the names of the prefixes asked about are built: a capture names a few MACs, the registry holds ~50,000 blocks.
/// When the files are absent the registry is empty and says so (`source` is nil); capdo never ships a copy.
struct OUIRegistry: Sendable {
    /// The registry of this machine.
    static let installed = OUIRegistry(directory: "/usr/share/ieee-data")

    /// The files in the order their assignments take precedence when one prefix is listed twice.
    static let files = ["oui36.csv", "iab.csv", "mam.csv", "oui.csv"]
    /// Assignment lengths in bits, longest (most specific) first.
    static let lengths = [36, 28, 24]

    let directory: String
    /// The folder, when at least one registry file can be read there.
    let source: String?

    init(directory: String) {
        self.directory = directory
        let readable = Self.files.contains { FileManager.default.isReadableFile(atPath: directory + "/" + $0) }
        source = readable ? directory : nil
    }

    /// The vendor of each of `macs` that has one, from its longest registered prefix; unregistered and locally
    /// administered MACs (which no vendor owns) are absent. Reads the registry files once per call.
    func vendors<S: Sequence<UInt64>>(of macs: S) -> [UInt64: String] {
        let owned = Set(macs.filter { $0 & 0x0200_0000_0000 == 0 })
        guard source != nil, !owned.isEmpty else { return [:] }
        // The prefixes wanted, held left-aligned in 48 bits, per assignment length.
        var wanted: [Int: Set<UInt64>] = [:]
        for bits in Self.lengths { wanted[bits] = Set(owned.map { Self.prefix($0, bits: bits) }) }
        var names: [Int: [UInt64: String]] = [:]
        for file in Self.files {
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { continue }
            Self.parse(data) { value, digits, name in
                let bits = digits * 4
                guard let keys = wanted[bits] else { return }
                let key = value << UInt64(48 - bits)
                // The first listing of a prefix wins, as in the files' order.
                guard keys.contains(key), names[bits]?[key] == nil else { return }
                names[bits, default: [:]][key] = name()
            }
        }
        var found: [UInt64: String] = [:]
        for mac in owned {
            for bits in Self.lengths {
                if let name = names[bits]?[Self.prefix(mac, bits: bits)] {
                    found[mac] = name
                    break
                }
            }
        }
        return found
    }

    /// The vendor of one 48-bit MAC (reads the registry: for a few MACs, ask `vendors(of:)` once).
    func vendor(_ mac: UInt64) -> String? {
        vendors(of: [mac])[mac]
    }

    /// The first `bits` bits of `mac`, left-aligned in 48 bits.
    @inline(__always) static func prefix(_ mac: UInt64, bits: Int) -> UInt64 {
        (mac >> UInt64(48 - bits)) << UInt64(48 - bits)
    }

    /// Calls `row` with the assignment (its value and number of hex digits) and a function that makes the organisation
    /// name, for each data line of an IEEE CSV file (`Registry,Assignment,Organization Name,Organization Address`;
    /// quoted fields may hold commas, `""` and newlines). Assignments that are not hex are skipped. The name is built
    /// only when asked for: most lines are not wanted.
    static func parse(_ data: Data, row: (_ value: UInt64, _ digits: Int, _ name: () -> String) -> Void) {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var field = 0
            var quoted = false
            var value: UInt64 = 0
            var digits = 0
            var hex = true
            var name: [UInt8] = []
            var line = 0
            var index = 0
            func endLine() {
                if line > 0, digits > 0, hex, digits <= 16 {
                    row(value, digits) {
                        String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    }
                }
                line += 1
                field = 0
                value = 0
                digits = 0
                hex = true
                name.removeAll(keepingCapacity: true)
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if quoted {
                    if byte == 0x22 {
                        if index < bytes.count && bytes[index] == 0x22 {
                            index += 1
                        } else {
                            quoted = false
                            continue
                        }
                    }
                } else if byte == 0x22 {
                    quoted = true
                    continue
                } else if byte == 0x2C {
                    field += 1
                    continue
                } else if byte == 0x0A {
                    endLine()
                    continue
                } else if byte == 0x0D {
                    continue
                }
                if field == 1 {
                    digits += 1
                    if let nibble = HexDigit.value(byte) { value = value << 4 | UInt64(nibble) } else { hex = false }
                } else if field == 2 {
                    name.append(byte)
                }
            }
            endLine()
        }
    }
}
