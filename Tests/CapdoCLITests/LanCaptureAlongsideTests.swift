import CapdoTestSupport
import Foundation
import Testing

/// `capdo lan --pcap` reads the capture while the rules load: what the user sees stays in the order of before (the
/// rules' warnings, then the capture's) and a rules error still ends the run before any report.
@Suite struct LanCaptureAlongsideTests {
    /// A rules folder: the shipped one with one file that is not YAML (its warning names it).
    static func rulesWithABrokenFile(in folder: TemporaryDirectory) throws -> String {
        let rules = folder.path("Rules")
        try FileManager.default.copyItem(atPath: CapdoProcess.repository.path + "/Rules", toPath: rules)
        try Data("id: [unclosed\n".utf8).write(to: URL(fileURLWithPath: rules + "/level2/server/zz-broken.yaml"))
        return rules
    }

    /// The ward sample capture cut inside its last record: libpcap's "truncated" warning.
    static func cutCapture(in folder: TemporaryDirectory) throws -> String {
        let sample = try Data(
            contentsOf: CapdoProcess.repository.appendingPathComponent("Samples/captures/ward-lan.pcap"))
        let path = folder.path("cut.pcap")
        try sample.prefix(sample.count - 7).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func rulesWarningsComeBeforeTheCapturesWarning() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = try Self.rulesWithABrokenFile(in: folder)
        let capture = try Self.cutCapture(in: folder)
        let run = CapdoProcess.run(
            ["lan", "--pcap", capture, "--rules", rules, "--format", "json", "--output", folder.path("out"), "--quiet"])
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let rulesWarning = try #require(lines.firstIndex { $0.contains("zz-broken.yaml") }, "\(run.stderr)")
        let captureWarning = try #require(lines.firstIndex { $0.contains("ends badly") }, "\(run.stderr)")
        #expect(rulesWarning < captureWarning, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("out")))
    }

    @Test func aRulesErrorEndsTheRunWithoutAReport() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let capture = try Self.cutCapture(in: folder)
        let run = CapdoProcess.run(
            [
                "lan", "--pcap", capture, "--rules", folder.path("no-such-rules"), "--format", "json", "--output",
                folder.path("out"), "--quiet",
            ])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no-such-rules"), "\(run.stderr)")
        #expect(!run.stderr.contains("ends badly"), "\(run.stderr)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("out"))) ?? []
        #expect(written.isEmpty, "\(written)")
    }
}
