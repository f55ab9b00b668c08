import CapdoTestSupport
import Foundation
import Testing

/// A resolver that never answers must cost an endpoint its timeout, not glibc's 5 s × attempts × servers.
/// `ip netns exec` bind-mounts /etc/netns/NAME/resolv.conf over /etc/resolv.conf, so the namespace gets a silent
/// name server on its own loopback; nothing outside the namespace (and its /etc/netns entry) is touched.
@Suite struct ResolverTimeoutTests {
    static let canRun = LanNamespace.isRoot && Shell.exists("/usr/sbin/ip") && Shell.exists("/usr/bin/python3")

    @Test(.enabled(if: canRun, "needs root and iproute2: a network namespace with its own resolv.conf"))
    func silentResolverCostsTheTimeoutOnly() throws {
        let tag = String(getpid() % 100_000) + String(Int.random(in: 10...99))
        let namespace = "capdo-dns-\(tag)"
        let etc = "/etc/netns/\(namespace)"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-dns-\(tag)")
        defer {
            let pids = (try? Spawn.run(["/usr/sbin/ip", "netns", "pids", namespace]).output) ?? ""
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
            _ = try? Spawn.run(["/usr/sbin/ip", "netns", "del", namespace])
            try? FileManager.default.removeItem(atPath: etc)
            rmdir("/etc/netns")  // only when empty: another namespace may still use it
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: etc, withIntermediateDirectories: true)
        // glibc would wait 5 s per try, twice, before giving up on this server.
        try "nameserver 127.0.0.1\noptions timeout:5 attempts:2\n".write(
            toFile: etc + "/resolv.conf", atomically: true, encoding: .utf8)
        let sink = folder.appendingPathComponent("silent-dns.py").path
        try """
        import socket
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 53))
        while True:
            s.recvfrom(4096)
        """.write(toFile: sink, atomically: true, encoding: .utf8)
        try Spawn.run(["/usr/sbin/ip", "netns", "add", namespace])
        try Spawn.run(["/usr/sbin/ip", "-n", namespace, "link", "set", "lo", "up"])
        let server = try Spawn.start(["/usr/sbin/ip", "netns", "exec", namespace, "/usr/bin/python3", sink])
        defer { server.signal(SIGKILL) }
        let reports = folder.appendingPathComponent("reports").path
        let run = try Spawn.run(
            [
                "/usr/sbin/ip", "netns", "exec", namespace, CapdoProcess.binary, "tls", "portal.capdo-test.example:443",
                "--timeout", "1", "--format", "json", "--output", reports, "--quiet",
            ], allowFailure: true)
        #expect([0, 2].contains(run.status), "\(run.output)")
        let json = try #require(
            try FileManager.default.contentsOfDirectory(atPath: reports).first { $0.hasSuffix(".json") })
        let report = try String(contentsOfFile: reports + "/" + json, encoding: .utf8)
        #expect(
            report.contains("cannot resolve 'portal.capdo-test.example' (no answer from the resolver within 1 s)"),
            "\(report.prefix(3_000))")
    }
}
