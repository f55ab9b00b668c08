import Foundation

/// MAC vendor names from Debian's `ieee-data` registry (`oui.csv` MA-L, `mam.csv` MA-M, `oui36.csv` MA-S and
/// `iab.csv`), read once when first asked, into sorted tables searched by the longest assigned prefix.
/// When the files are absent the registry is empty and says so (`source` is nil); capdo never ships a copy.
struct OUIRegistry: Sendable {
    /// The registry of this machine, read on first use.
    static let installed = OUIRegistry(directory: "/usr/share/ieee-data")

    /// One assignment: the first `bits` bits of a MAC (held left-aligned in 48 bits) and who holds them.
    private struct Block: Sendable {
        var prefix: UInt64
        var name: String
    }

    /// The folder read, when at least one registry file was there.
    let source: String?
    /// Tables for 36-, 28- and 24-bit assignments (longest first), each sorted by prefix.
    private let tables: [(bits: Int, blocks: [Block])]

    init(directory: String) {
        var byBits: [Int: [Block]] = [36: [], 28: [], 24: []]
        var readAny = false
        for file in ["oui36.csv", "iab.csv", "mam.csv", "oui.csv"] {
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { continue }
            readAny = true
            Self.parse(data) { assignment, name in
                let bits = assignment.count * 4
                guard byBits[bits] != nil, let value = UInt64(assignment, radix: 16) else { return }
                byBits[bits]!.append(Block(prefix: value << UInt64(48 - bits), name: name))
            }
        }
        source = readAny ? directory : nil
        tables = [36, 28, 24].map { bits in (bits, byBits[bits]!.sorted { $0.prefix < $1.prefix }) }
    }

    /// The vendor of a 48-bit MAC, from its longest registered prefix; nil when unregistered (or locally
    /// administered, which no vendor owns).
    func vendor(_ mac: UInt64) -> String? {
        if mac & 0x0200_0000_0000 != 0 { return nil }
        for (bits, blocks) in tables where !blocks.isEmpty {
            let key = (mac >> UInt64(48 - bits)) << UInt64(48 - bits)
            var low = 0, high = blocks.count
            while low < high {
                let middle = (low + high) / 2
                if blocks[middle].prefix < key { low = middle + 1 } else { high = middle }
            }
            if low < blocks.count && blocks[low].prefix == key { return blocks[low].name }
        }
        return nil
    }

    /// The vendor of a MAC written `aa:bb:cc:dd:ee:ff`.
    func vendor(_ text: String) -> String? {
        UInt64(text.replacingOccurrences(of: ":", with: ""), radix: 16).flatMap { vendor($0) }
    }

    /// Calls `row` with the assignment (hex) and organisation name of each data line of an IEEE CSV file
    /// (`Registry,Assignment,Organization Name,Organization Address`; quoted fields may hold commas, `""` and newlines).
    static func parse(_ data: Data, row: (String, String) -> Void) {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var field = 0
            var quoted = false
            var assignment: [UInt8] = []
            var name: [UInt8] = []
            var line = 0
            var index = 0
            func endLine() {
                if line > 0, !assignment.isEmpty {
                    let text = String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    row(String(decoding: assignment, as: UTF8.self), text)
                }
                line += 1
                field = 0
                assignment.removeAll(keepingCapacity: true)
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
                if field == 1 { assignment.append(byte) } else if field == 2 { name.append(byte) }
            }
            endLine()
        }
    }
}
