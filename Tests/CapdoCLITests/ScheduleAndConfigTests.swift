import Foundation
import Testing

/// `capdo schedule` and `capdo config check`.
@Suite("Schedule and config check")
struct ScheduleAndConfigTests {
    @Test func systemdUnitsAreComplete() {
        let run = CapdoProcess.run(["schedule", "--systemd", "--config", "/etc/capdo/capdo.yaml"])
        #expect(run.status == 0)
        for line in [
            "ExecStart=/usr/local/bin/capdo scan --config /etc/capdo/capdo.yaml --quiet", "RandomizedDelaySec=",
            "IOSchedulingClass=idle", "Nice=10", "ProtectSystem=strict", "ReadWritePaths=", "OnCalendar=*-*-* 02:30:00",
            "SuccessExitStatus=2 3", "WantedBy=timers.target",
        ] {
            #expect(run.stdout.contains(line), "missing \(line)")
        }
    }

    @Test func cronLineHasNoFlockWrapper() {
        let run = CapdoProcess.run(["schedule", "--cron", "--time", "03:15"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("15 3 * * * root /usr/local/bin/capdo scan --config /etc/capdo/capdo.yaml"))
        #expect(run.stdout.contains("--quiet"))
        #expect(!run.stdout.contains("flock"))
        #expect(CapdoProcess.run(["schedule"]).status == 64)
    }

    @Test func evaluateWithoutArgumentsReadsTheConfiguredSnapshotFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshots = CapdoProcess.repository.appendingPathComponent("Samples/snapshots").path
        let config = folder.appendingPathComponent("capdo.yaml").path
        try "systems:\n  - name: Một cửa\n    snapshots: [\"\(snapshots)\"]\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let run = CapdoProcess.run([
            "evaluate", "--config", config, "--output", folder.path + "/r", "--format", "json", "--quiet", "--name",
            "w",
        ])
        #expect([0, 2].contains(run.status), "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("r/w.json")))
        // The hosts, and the system that holds their management items (`members`).
        let entries = (report as? [String: Any])?["hosts"] as? [[String: Any]] ?? []
        let hosts = entries.filter { $0["members"] == nil }.compactMap { $0["host"] as? String }
        #expect(hosts.sorted() == ["pc-ketoan-05", "pc-motcua-07", "pc-vanthu-02", "pc-vhxh-01"], "\(hosts)")
        #expect(entries.filter { $0["members"] != nil }.compactMap { $0["host"] as? String } == ["Một cửa"])

        try "organisation: {name: X}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let none = CapdoProcess.run(["evaluate", "--config", config, "--output", folder.path + "/r"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("systems[].snapshots"), "\(none.stderr)")
    }

    @Test func configCheckPrintsTheEffectiveConfig() {
        let run = CapdoProcess.run(["config", "check", "Samples/capdo.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("history: off"))
        #expect(run.stdout.contains("variable: ssh_max_auth_tries = 3"))
    }

    @Test(arguments: [
        ("systems:\n  - name: x\n    tls_endpoints: [\"portal:99999\"]\n", ":3: tls_endpoints"),
        ("systems:\n  - name: x\n    lan_targets: [\"10.0.0.0/33\"]\n", ":3: lan_targets"),
        ("retention: {days: 0}\n", ":1: retention days"),
        ("histroy: /tmp/h.sqlite\n", ":1: unknown key 'histroy'"),
        ("lan:\n  dhcp_servers: [192.0.2.300]\n", ":2: lan.dhcp_servers: '192.0.2.300'"),
        ("lan:\n  dhcp: [192.0.2.3]\n", ":2: unknown key 'dhcp' in lan"),
    ])
    func configCheckNamesFileAndLine(_ text: String, _ expected: String) throws {
        let path = NSTemporaryDirectory() + "capdo-config-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = CapdoProcess.run(["config", "check", path])
        #expect(run.status == 64)
        #expect(run.stderr.contains(path + expected), "\(run.stderr)")
    }
}
