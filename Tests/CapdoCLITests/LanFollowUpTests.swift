import CapdoCore
import CapdoRules
import Foundation
import Testing

@testable import CapdoApp

/// `capdo scan --pcap F` through the library: the capture is read by the `lan` follow-up collector.
@Suite struct LanFollowUpTests {
    static func workspace() throws -> String {
        let folder = NSTemporaryDirectory() + "capdo-lanfollowup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func scanWithPcapGathersTheLanSectionWithoutListingARun() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let capture = folder + "/ward.pcap"
        try ScanPcapTests.ftpCapture(capture)
        let root = CapdoProcess.repository.appendingPathComponent("Samples/hosts/srv-hardened").path
        let clock = try CommandClock("2026-11-28T09:00:00Z")
        let plain = try await HostFacts.gather(
            FactChoice(root: root), root: root, config: CapdoConfig(), clock: clock, warn: { _ in })
        let withCapture = try await HostFacts.gather(
            FactChoice(root: root, pcap: capture), root: root, config: CapdoConfig(), clock: clock, warn: { _ in })
        #expect(plain.lan == nil)
        let lan = try #require(withCapture.lan)
        #expect(lan.credentials.count == 1)
        #expect(lan.hosts.map { $0.ip }.sorted() == ["192.0.2.20", "192.0.2.30"])
        #expect(!withCapture.collectors.contains { $0.id == "lan" })
        #expect(plain.collectors.map { $0.id } == withCapture.collectors.map { $0.id })
        #expect(!String(decoding: try SnapshotFile.bytes(withCapture), as: UTF8.self).contains("Scan-Pcap-Secret"))
    }

    @Test func lanSourcesMergeHostsByAddress() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let capture = folder + "/ward.pcap"
        try ScanPcapTests.ftpCapture(capture)
        let once = try await LanSource(pcap: capture).collect().facts
        let twice = LanSource.merge([once, once])
        #expect(twice.segment == "ward.pcap + ward.pcap")
        #expect(twice.mode == "pcap+pcap")
        #expect(twice.hosts.count == once.hosts.count)
        #expect(twice.credentials.count == 2 * once.credentials.count)
        #expect(LanSource.merge([]).mode == "none")
    }
}
