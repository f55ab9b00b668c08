import CapdoCore
import Foundation
import Testing

/// The sample Windows snapshots against docs/snapshot.schema.json (python3-jsonschema as an independent
/// draft 2020-12 validator) and through capdo's own decoder.
@Suite("Snapshot JSON Schema and the sample Windows snapshots")
struct SnapshotSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = [
        "Samples/snapshots/pc-protected.json", "Samples/snapshots/pc-neglected.json",
        "Samples/snapshots/pc-ketoan-05.json", "Samples/snapshots/pc-vanthu-02.json",
    ]
    /// What the fixed script writes where its steps fail (the old script's nulls excepted: the schema refuses them).
    static let fixtures = [
        "no-localaccounts-module", "no-bitlocker-cmdlets", "non-admin", "vi-vn", "third-party-antimalware",
        "cdxml-failures",
    ].map { "Tests/CapdoAppTests/Fixtures/windows/\($0).json" }

    static var jsonschemaAvailable: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import jsonschema"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Validates JSON files against `schema` (docs/snapshot.schema.json unless given); the exit status and one line
    /// per violation.
    static func validate(_ paths: [String], schema: String = "docs/snapshot.schema.json") throws -> (
        status: Int32, violations: String
    ) {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            bad = 0
            for path in sys.argv[2:]:
                for error in jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(path))):
                    bad += 1
                    print(path + ": " + "/".join(map(str, error.absolute_path)) + ": " + error.message)
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, schema] + paths
        process.currentDirectoryURL = Self.repository
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(
        "samples validate against the draft 2020-12 schema",
        .enabled(if: jsonschemaAvailable, "needs python3 with jsonschema (apt install python3-jsonschema)"))
    func samplesMatchTheSchema() throws {
        let (status, violations) = try Self.validate(Self.samples + Self.fixtures)
        #expect(status == 0, "\(violations)")
    }

    /// What `capdo collect` writes for the sample hosts, TLS certificate facts included, is what the schema describes.
    @Test(
        "collected snapshots validate against the schema",
        .enabled(if: jsonschemaAvailable, "needs python3 with jsonschema (apt install python3-jsonschema)"),
        arguments: ["srv-hardened", "ws-neglected"])
    func collectedSnapshotsMatchTheSchema(_ name: String) throws {
        let sample = try SampleRoot(name)
        let snapshot = NSTemporaryDirectory() + "capdo-schema-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        let run = CapdoProcess.run(["collect", "--root", sample.path, "--output", snapshot])
        #expect(run.status == 0, "\(run.stderr)")
        if name == "srv-hardened" {
            let collected = try SnapshotCodec.decoder().decode(
                HostSnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: snapshot)))
            #expect(collected.tls?.certificates.map(\.file) == ["etc/ssl/certs/portal.lechan.local.crt"])
        }
        let (status, violations) = try Self.validate([snapshot])
        #expect(status == 0, "\(violations)")
    }

    @Test(arguments: samples)
    func samplesDecodeAsWindowsSnapshots(path: String) throws {
        let data = try Data(contentsOf: Self.repository.appendingPathComponent(path))
        let snapshot = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data)
        #expect(snapshot.system?.osFamily == "windows")
        #expect(snapshot.windows != nil)
        #expect(snapshot.antivirus?.products.isEmpty == false)
        #expect(snapshot.config["windows_policy"]?.entries["MinimumPasswordLength"] != nil)
    }

    /// The fixed script's new facts reach the typed snapshot: none is dropped as an unknown member.
    @Test func fixedScriptFactsDecode() throws {
        let data = try Data(
            contentsOf: Self.repository.appendingPathComponent("Samples/snapshots/pc-ketoan-05.json"))
        let snapshot = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data)
        #expect(snapshot.accounts?.accounts.allSatisfy { $0.passwordNotRequired != nil } == true)
        #expect(snapshot.windows?.smb1ClientEnabled == false)
        #expect(snapshot.antivirus?.products.map(\.signatureUpToDate) == [true])
    }
}
