import Foundation
import Testing

@testable import CapdoNet

/// Vendors from Debian's ieee-data, against its own oui.txt (the oracle), and without it.
@Suite struct OUIRegistryTests {
    static let directory = "/usr/share/ieee-data"
    static let installed = FileManager.default.fileExists(atPath: directory + "/oui.txt")

    /// Every MA-L assignment of oui.txt ("XXXXXX     (base 16)\t\tName") gives its name, unless a longer
    /// assignment (MA-M, MA-S) inside it takes precedence for that MAC — so the MACs tried end in ff:ff:ff only where
    /// no such block exists; every 50th line is checked.
    @Test(.enabled(if: installed, "needs Debian's ieee-data"))
    func maLAssignmentsMatchOuiTxt() throws {
        let registry = OUIRegistry(directory: Self.directory)
        #expect(registry.source == Self.directory)
        let text = try String(contentsOfFile: Self.directory + "/oui.txt", encoding: .utf8)
        var checked = 0
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated()
        where line.contains("(base 16)") && index % 50 == 0 {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true)
            let hex = String(line.prefix(6))
            guard parts.count >= 2, let prefix = UInt64(hex, radix: 16) else { continue }
            let name = parts.last!.trimmingCharacters(in: .whitespacesAndNewlines)
            if name == "IEEE Registration Authority" { continue }
            let mac = prefix << 24 | 0x12_3456
            if mac & 0x0200_0000_0000 != 0 { continue }
            #expect(registry.vendor(mac) == name, "\(hex)")
            checked += 1
        }
        #expect(checked > 300)
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
        #expect(registry.vendor("02:00:00:00:00:01") == nil, "locally administered")
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
        #expect(registry.vendor("f4:bd:9e:01:02:03") == "Cisco Systems, Inc")
        #expect(registry.vendor("58:85:e9:00:00:01") == "Realme \"Chongqing\" Ltd")
        #expect(registry.vendor("00:d0:ef:00:00:01") == "IGT")
        #expect(registry.vendor("00:d0:f0:00:00:01") == nil)
        let missing = OUIRegistry(directory: folder.appendingPathComponent("absent").path)
        #expect(missing.source == nil && missing.vendor("f4:bd:9e:01:02:03") == nil)
    }
}
