import Foundation
import Testing

@testable import CapdoNet

/// Vendors from Debian's ieee-data, against its own oui.txt (the oracle), and without it.
@Suite struct OUIRegistryTests {
    static let directory = "/usr/share/ieee-data"
    static let installed = FileManager.default.fileExists(atPath: directory + "/oui.txt")

    /// Every MA-L assignment of oui.txt ("XXXXXX     (base 16)\t\tName") gives its name, unless a longer
    /// assignment (MA-M, MA-S) inside it takes precedence for that MAC (the IEEE's own blocks, skipped); all of
    /// them asked in one reading, as a capture's MACs are. oui.txt drops the double quotes some names hold in
    /// oui.csv (`UAB "Teltonika Telematics"`), so quotes are not compared.
    @Test(.enabled(if: installed, "needs Debian's ieee-data"))
    func maLAssignmentsMatchOuiTxt() throws {
        let registry = OUIRegistry(directory: Self.directory)
        #expect(registry.source == Self.directory)
        let text = try String(contentsOfFile: Self.directory + "/oui.txt", encoding: .utf8)
        var expected: [UInt64: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where line.contains("(base 16)") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true)
            let hex = String(line.prefix(6))
            guard parts.count >= 2, let prefix = UInt64(hex, radix: 16) else { continue }
            let name = parts.last!.trimmingCharacters(in: .whitespacesAndNewlines)
            if name == "IEEE Registration Authority" { continue }
            let mac = prefix << 24 | 0x12_3456
            if mac & 0x0200_0000_0000 != 0 { continue }
            expected[mac] = expected[mac] ?? name
        }
        let found = registry.vendors(of: expected.keys)
        #expect(expected.count > 15_000)
        #expect(found.count == expected.count)
        for (mac, name) in expected where found[mac]?.replacingOccurrences(of: "\"", with: "") != name {
            Issue.record("\(String(mac, radix: 16)): \(found[mac] ?? "nil"), oui.txt says \(name)")
        }
    }

    /// MA-M and MA-S blocks (mam.txt, oui36.txt: "XX-XX-XX   (hex)", then "X00000-XFFFFF     (base 16)\t\tName")
    /// name the MACs inside them, over the MA-L block that holds them. These .txt files drop the double quotes that
    /// some names hold in the .csv files (`"Smart Systems" LLC`), so quotes are not compared.
    @Test(.enabled(if: installed, "needs Debian's ieee-data"), arguments: ["mam.txt", "oui36.txt"])
    func longerAssignmentsMatchTheirTxt(_ file: String) throws {
        let text = try String(contentsOfFile: Self.directory + "/" + file, encoding: .utf8)
        var expected: [UInt64: String] = [:]
        var block: UInt64?
        for line in text.split(whereSeparator: \.isNewline) {
            if line.contains("(hex)") {
                block = UInt64(line.prefix(8).replacingOccurrences(of: "-", with: ""), radix: 16)
            } else if line.contains("(base 16)"), let high = block, let low = UInt64(line.prefix(6), radix: 16) {
                let name = line.split(separator: "\t", omittingEmptySubsequences: true).last!
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let mac = high << 24 | low | 0x7F
                expected[mac] = expected[mac] ?? name
            }
        }
        let found = OUIRegistry(directory: Self.directory).vendors(of: expected.keys)
        #expect(expected.count > 1_000)
        for (mac, name) in expected where found[mac]?.replacingOccurrences(of: "\"", with: "") != name {
            Issue.record("\(String(mac, radix: 16)): \(found[mac] ?? "nil"), \(file) says \(name)")
        }
    }

    @Test(.enabled(if: installed, "needs Debian's ieee-data"))
    func longerAssignmentsWin() throws {
        let registry = OUIRegistry(directory: Self.directory)
        // 70:B3:D5 is the IEEE's MA-S block: its 36-bit assignments name the holder.
        let line = try #require(
            try String(contentsOfFile: Self.directory + "/oui36.csv", encoding: .utf8).split(
                whereSeparator: \.isNewline
            ).first {
                $0.hasPrefix("MA-S,70B3D5F2F,")
            })
        #expect(line.contains("TELEPLATFORMS"))
        #expect(registry.vendor(UInt64(0x70B3_D5F2_F000) | 0x123) == "TELEPLATFORMS")
        #expect(registry.vendor(0x0200_0000_0001) == nil, "locally administered")
    }

    @Test func quotedFieldsAndAMissingRegistry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-oui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = """
            Registry,Assignment,Organization Name,Organization Address\r
            MA-L,F4BD9E,"Cisco Systems, Inc",80 West Tasman Drive San Jose CA US 94568 \r
            MA-L,5885E9,"Realme ""Chongqing"" Ltd","No.24 Nichang Boulevard,
             Huixing Block"\r
            MA-L,00D0EF,IGT,9295 PROTOTYPE DRIVE RENO NV US 89511 \r

            """
        try csv.write(to: folder.appendingPathComponent("oui.csv"), atomically: true, encoding: .utf8)
        let registry = OUIRegistry(directory: folder.path)
        let vendors = registry.vendors(of: [0xF4BD_9E01_0203, 0x5885_E900_0001, 0x00D0_EF00_0001, 0x00D0_F000_0001])
        #expect(
            vendors == [
                0xF4BD_9E01_0203: "Cisco Systems, Inc", 0x5885_E900_0001: "Realme \"Chongqing\" Ltd",
                0x00D0_EF00_0001: "IGT",
            ])
        let missing = OUIRegistry(directory: folder.appendingPathComponent("absent").path)
        #expect(missing.source == nil && missing.vendor(0xF4BD_9E01_0203) == nil)
    }
}
