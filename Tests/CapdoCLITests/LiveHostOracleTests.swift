import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// On this very machine, capdo's facts agree with the system's own tools.
@Suite("Live host agrees with dpkg-query and sshd -T", .serialized)
struct LiveHostOracleTests {
    func liveSnapshot() throws -> HostSnapshot {
        let path = NSTemporaryDirectory() + "capdo-live-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = CapdoProcess.run(["collect", "--output", path])
        guard result.status == 0 else { throw Shell.Failure(description: result.stderr) }
        return try SnapshotCodec.decoder().decode(HostSnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test(.enabled(if: Shell.exists("/usr/bin/dpkg-query"), "dpkg-query is not installed"))
    func packagesEqualDpkgQuery() throws {
        let snapshot = try liveSnapshot()
        let oracle = try Shell.run(
            "/usr/bin/dpkg-query", ["-W", "-f=${db:Status-Abbrev}\t${Package}\t${Architecture}\t${Version}\n"])
        var expected: Set<String> = []
        for line in oracle.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, fields[0].hasPrefix("ii") else { continue }
            expected.insert("\(fields[1]) \(fields[3])")
        }
        let ours = Set(
            (snapshot.packages?.packages ?? []).filter { $0.state == "installed" }.map { "\($0.name) \($0.version)" })
        #expect(!expected.isEmpty)
        #expect(
            ours == expected,
            "only capdo: \(ours.subtracting(expected).sorted().prefix(5)); only dpkg-query: \(expected.subtracting(ours).sorted().prefix(5))"
        )
    }

    @Test(
        .enabled(
            if: Shell.exists("/usr/sbin/sshd") && FileManager.default.fileExists(atPath: "/etc/ssh/sshd_config"),
            "openssh-server is not installed"))
    func sshdValuesEqualSshdT() throws {
        let snapshot = try liveSnapshot()
        let section = try #require(snapshot.config["sshd"])
        let oracle: String
        do {
            oracle = try Shell.run("/usr/sbin/sshd", ["-T"])
        } catch {
            // sshd -T needs host keys; without them there is nothing to compare (the collector tests use temp keys).
            withKnownIssue("sshd -T could not run here (no host keys?)") { throw error }
            return
        }
        var compared = 0
        var seen: Set<String> = []
        var oracleValues: [String: [String]] = [:]
        for line in oracle.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            oracleValues[parts[0], default: []].append(parts[1])
        }
        for (key, values) in oracleValues {
            guard let entry = section.entries[key] else { continue }
            seen.insert(key)
            let expected = values.joined(separator: " ")
            #expect(
                entry.value == expected || values.contains(entry.value),
                "\(key): capdo '\(entry.value)', sshd -T '\(expected)'")
            compared += 1
        }
        #expect(compared >= 40, "only \(compared) keys compared")
    }
}
