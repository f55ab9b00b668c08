@testable import CapdoApp
import CapdoCollect
import CapdoCore
import CapdoNet
import CapdoRules
import Foundation
import Testing

/// TLS and LAN are collectors in the one list, reading through the sources the app registers.
@Suite struct FollowUpCollectorTests {
    /// A capture of one FTP login (SYN, SYN-ACK, USER, PASS) from 192.0.2.30 to 192.0.2.20.
    static func ftpCapture(_ path: String) throws {
        func frame(_ src: [UInt8], _ dst: [UInt8], _ sport: Int, _ dport: Int, _ flags: UInt8, _ text: String = "")
            -> [UInt8]
        {
            let tcp: [UInt8] =
                [
                    UInt8(sport >> 8), UInt8(sport & 255), UInt8(dport >> 8), UInt8(dport & 255), 0, 0, 0, 1, 0, 0, 0,
                    0, 0x50, flags, 255, 255, 0, 0, 0, 0,
                ] + Array(text.utf8)
            let length = 20 + tcp.count
            let ip: [UInt8] =
                [0x45, 0, UInt8(length >> 8), UInt8(length & 255), 0, 1, 0, 0, 64, 6, 0, 0] + src + dst + tcp
            return [2, 0, 0, 0, 0, dst[3], 2, 0, 0, 0, 0, src[3], 8, 0] + ip
        }
        let client: [UInt8] = [192, 0, 2, 30]
        let server: [UInt8] = [192, 0, 2, 20]
        let writer = try CaptureWriter(path: path)
        for bytes in [
            frame(client, server, 40000, 21, 0x02), frame(server, client, 21, 40000, 0x12),
            frame(client, server, 40000, 21, 0x18, "USER backup\r\n"),
            frame(client, server, 40000, 21, 0x18, "PASS App-Test-Secret\r\n"),
        ] { writer.write(bytes) }
        writer.close()
    }

    @Test func theListRunsTLSThenLAN() {
        #expect(Collectors.followUp.map(\.id) == ["tls", "lan"])
    }

    @Test func scanWithPcapGathersTheLanSectionWithoutListingARun() async throws {
        let work = try Workspace()
        let capture = work.path + "/ward.pcap"
        try Self.ftpCapture(capture)
        let root = Workspace.sampleHost("srv-hardened")
        let clock = try CommandClock("2026-11-28T09:00:00Z")
        let plain = try await HostFacts.gather(
            FactChoice(root: root), root: root, config: CapdoConfig(), clock: clock, warn: { _ in })
        let withCapture = try await HostFacts.gather(
            FactChoice(root: root, pcap: capture), root: root, config: CapdoConfig(), clock: clock, warn: { _ in })
        #expect(plain.lan == nil)
        let lan = try #require(withCapture.lan)
        #expect(lan.credentials.count == 1)
        #expect(lan.hosts.map(\.ip).sorted() == ["192.0.2.20", "192.0.2.30"])
        #expect(!withCapture.collectors.contains { $0.id == "lan" })
        #expect(plain.collectors.map(\.id) == withCapture.collectors.map(\.id))
        #expect(!String(decoding: try SnapshotFile.bytes(withCapture), as: UTF8.self).contains("App-Test-Secret"))
    }

    @Test func unreadableCaptureEndsTheScan() async throws {
        let root = Workspace.sampleHost("srv-hardened")
        let clock = try CommandClock(nil)
        let error = try #require(
            await thrown { () async throws(CapdoError) in
                try await HostFacts.gather(
                    FactChoice(root: root, pcap: "/nonexistent/x.pcap"), root: root, config: CapdoConfig(),
                    clock: clock, warn: { _ in })
            })
        #expect(error.code == .capture)
        #expect(error.exitCode == 1)
    }

    @Test func badTLSEndpointIsAUsageErrorNamingItsFlag() async throws {
        let root = Workspace.sampleHost("srv-hardened")
        let clock = try CommandClock(nil)
        let error = try #require(
            await thrown { () async throws(CapdoError) in
                try await HostFacts.gather(
                    FactChoice(root: root, tlsEndpoints: ["host:notaport"]), root: root, config: CapdoConfig(),
                    clock: clock, warn: { _ in })
            })
        #expect(error.exitCode == 64)
        #expect(error.message == "--tls: 'host:notaport': port is not a number")
    }

    @Test func lanSourcesMergeHostsByAddress() async throws {
        let work = try Workspace()
        let capture = work.path + "/ward.pcap"
        try Self.ftpCapture(capture)
        let once = try await LanSource(pcap: capture).collect().facts
        let twice = LanSource.merge([once, once])
        #expect(twice.segment == "ward.pcap + ward.pcap")
        #expect(twice.mode == "pcap+pcap")
        #expect(twice.hosts.count == once.hosts.count)
        #expect(twice.credentials.count == 2 * once.credentials.count)
        #expect(LanSource.merge([]).mode == "none")
    }
}
