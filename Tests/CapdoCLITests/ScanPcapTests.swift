import CapdoCore
import CapdoNet
import Foundation
import Testing

/// `capdo scan --pcap F` and `capdo lan --pcap F`: the LAN section and network rules in the host's report.
@Suite struct ScanPcapTests {
    static func ftpCapture(_ path: String) throws {
        func frame(_ src: [UInt8], _ dst: [UInt8], _ sport: Int, _ dport: Int, _ flags: UInt8, _ text: String = "")
            -> [UInt8]
        {
            let payload = Array(text.utf8)
            let tcp: [UInt8] =
                [
                    UInt8(sport >> 8), UInt8(sport & 255), UInt8(dport >> 8), UInt8(dport & 255), 0, 0, 0, 1, 0, 0, 0,
                    0, 0x50, flags, 255, 255, 0, 0, 0, 0,
                ] + payload
            let length = 20 + tcp.count
            let ip: [UInt8] =
                [0x45, 0, UInt8(length >> 8), UInt8(length & 255), 0, 1, 0, 0, 64, 6, 0, 0] + src + dst + tcp
            return [2, 0, 0, 0, 0, dst[3], 2, 0, 0, 0, 0, src[3], 8, 0] + ip
        }
        let client: [UInt8] = [192, 0, 2, 30], server: [UInt8] = [192, 0, 2, 20]
        let writer = try CaptureWriter(path: path)
        for bytes in [
            frame(client, server, 40000, 21, 0x02), frame(server, client, 21, 40000, 0x12),
            frame(client, server, 40000, 21, 0x18, "USER backup\r\n"),
            frame(client, server, 40000, 21, 0x18, "PASS Scan-Pcap-Secret\r\n"),
        ] { writer.write(bytes) }
        writer.close()
    }

    @Test func scanWithPcapIncludesLanSectionAndFindings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capdo-scanpcap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("ward.pcap").path
        try Self.ftpCapture(capture)
        let sample = try SampleRoot("srv-hardened")
        let output = folder.appendingPathComponent("out").path
        let result = CapdoProcess.run([
            "scan", "--root", sample.path, "--pcap", capture, "--output", output, "--format", "json,md,html", "--lang",
            "en",
            "--now", "2026-11-28T09:00:00Z",
        ])
        #expect(result.status == 2, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        let json = try #require(files.first { $0.hasSuffix(".json") })
        let report = try SnapshotCodec.decoder().decode(
            ScanResult.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/" + json)))
        let lan = try #require(report.hosts.first?.lan)
        #expect(lan.services.map(\.port) == [21])
        #expect(lan.credentials.first?.user == "backup" && lan.credentials.first?.packet == 4)
        let failing = Set(report.allFindings.filter { $0.status == .fail }.map(\.ruleID))
        #expect(failing.isSuperset(of: ["net.lan.no_cleartext_credentials", "net.lan.no_ftp_tftp"]))
        for file in files {
            let text = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            #expect(!text.contains("Scan-Pcap-Secret"), "\(file) leaks the secret")
            if file.hasSuffix(".md") {
                #expect(text.contains(". LAN findings\n") && text.contains("#4") && text.contains("user: backup"))
            }
        }
    }

    /// DHCP offers from the declared server 192.0.2.2 and from a rogue 192.0.2.66 to one client.
    static func dhcpCapture(_ path: String) throws {
        func offer(server: [UInt8], mac: UInt8, offered: UInt8) -> [UInt8] {
            var bootp = [UInt8](repeating: 0, count: 236)
            bootp[0] = 2
            bootp[1] = 1
            bootp[2] = 6
            bootp[16..<20] = [192, 0, 2, offered][...]
            bootp[28..<34] = [0x3C, 0x52, 0x82, 0, 0, 7][...]
            bootp +=
                [0x63, 0x82, 0x53, 0x63, 53, 1, 2, 54, 4] + server + [3, 4] + server + [51, 4, 0, 0, 2, 0x58, 255]
            let udp: [UInt8] =
                [0, 67, 0, 68, UInt8((8 + bootp.count) >> 8), UInt8((8 + bootp.count) & 255), 0, 0] + bootp
            let length = 20 + udp.count
            let broadcast: [UInt8] = [255, 255, 255, 255]
            let ip =
                [0x45, 0, UInt8(length >> 8), UInt8(length & 255), 0, 1, 0, 0, 64, 17, 0, 0] + server + broadcast + udp
            return [255, 255, 255, 255, 255, 255, 0x00, 0x0C, 0x29, 0, 0, mac, 8, 0] + ip
        }
        let writer = try CaptureWriter(path: path)
        writer.write(offer(server: [192, 0, 2, 2], mac: 0x02, offered: 100))
        writer.write(offer(server: [192, 0, 2, 66], mac: 0x66, offered: 209))
        writer.close()
    }

    /// capdo.yaml's `lan: {dhcp_servers}` reaches the LAN facts by both routes that read a capture: the rogue
    /// server's finding from `capdo scan --pcap` is the one `capdo lan --pcap` gives, naming the declared server.
    @Test func declaredDhcpServersJudgeAlikeInLanAndScan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capdo-dhcpdecl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("dhcp.pcap").path
        try Self.dhcpCapture(capture)
        let config = folder.appendingPathComponent("capdo.yaml").path
        try "lan:\n  dhcp_servers: [192.0.2.2]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let sample = try SampleRoot("srv-hardened")
        func finding(_ arguments: [String], _ output: String) throws -> (Finding?, LanFacts?) {
            let run = CapdoProcess.run(
                arguments + [
                    "--pcap", capture, "--config", config, "--output", output, "--format", "json", "--lang", "en",
                    "--now", "2026-11-28T09:00:00Z",
                ])
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            let json = try #require(try FileManager.default.contentsOfDirectory(atPath: output).first)
            let report = try SnapshotCodec.decoder().decode(
                ScanResult.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/" + json)))
            return (
                report.allFindings.first { $0.ruleID == "net.lan.only_declared_dhcp_servers" }, report.hosts.first?.lan
            )
        }
        let (lan, lanFacts) = try finding(["lan", "--quiet"], folder.appendingPathComponent("lan").path)
        let (scan, scanFacts) = try finding(
            ["scan", "--root", sample.path], folder.appendingPathComponent("scan").path)
        #expect(lan?.status == .fail)
        #expect(scan?.status == lan?.status)
        #expect(scan?.evidence == lan?.evidence)
        #expect(lanFacts?.declaredDhcpServers == ["192.0.2.2"])
        #expect(scanFacts?.declaredDhcpServers == ["192.0.2.2"])
        #expect(
            scanFacts?.dhcpServers.map { "\($0.ip) \($0.declared == true)" } == ["192.0.2.2 true", "192.0.2.66 false"])
    }

    /// A LAN report names the information system it belongs to (the Mẫu 08 table), like a host scan's.
    @Test func lanReportCarriesTheSystemTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-lansys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("ward.pcap").path
        try Self.ftpCapture(capture)
        let config = folder.appendingPathComponent("capdo.yaml").path
        try "systems:\n  - name: Mạng LAN phường\n    owner: UBND phường\n    lan_targets: [\"192.0.2.0/24\"]\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out").path
        let result = CapdoProcess.run([
            "lan", "--pcap", capture, "--config", config, "--output", output, "--format", "json,md", "--quiet",
        ])
        #expect(result.status == 2, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        let json = try #require(files.first { $0.hasSuffix(".json") })
        let report = try SnapshotCodec.decoder().decode(
            ScanResult.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/" + json)))
        #expect(report.systems?.map(\.name) == ["Mạng LAN phường"])
        #expect(report.systems?.first?.hosts == ["ward.pcap"])
    }

    @Test func lanErrorsAreClear() throws {
        let missing = CapdoProcess.run(["lan", "--pcap", "/nonexistent/capdo.pcap", "--quiet"])
        #expect(missing.status == 1 && missing.stderr.contains("not found"))
        let none = CapdoProcess.run(["lan"])
        #expect(none.status == 64)
        let broad = CapdoProcess.run(["lan", "--targets", "10.0.0.0/16", "--quiet"])
        #expect(broad.status == 64 && broad.stderr.contains("--i-have-authorisation"))
        let empty = CapdoProcess.run(["lan", "--targets", ",", "--quiet"])
        #expect(empty.status == 64)
        if getuid() != 0 {
            let denied = CapdoProcess.run(["lan", "--interface", "lo", "--duration", "1", "--quiet"])
            #expect(
                denied.status == 1 && denied.stderr.contains("CAP_NET_RAW") || denied.stderr.contains("cap_net_raw"))
        }
    }
}
