import CapdoTestSupport
import Foundation

/// Two network namespaces joined by a veth pair (192.0.2.1 client, 192.0.2.2 server), with real listeners in the
/// server namespace: an HTTP server (8080), a Telnet-like cleartext login (23), `openssl s_server` (4433).
/// Everything is deleted by `tearDown()`; no address outside the namespaces is ever used.
struct LanNamespace {
    let client: String
    let server: String
    let clientLink: String
    let folder: URL

    static var isRoot: Bool { getuid() == 0 }
    static var available: Bool { isRoot && Shell.exists("/usr/sbin/ip") || Shell.exists("/usr/bin/ip") }

    init() throws {
        let tag = String(getpid() % 100_000) + String(Int.random(in: 10...99))
        client = "capdo-lan-c\(tag)"
        server = "capdo-lan-s\(tag)"
        clientLink = "cl\(tag)a"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-lan-\(tag)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let telnet = folder.appendingPathComponent("telnetd.py").path
        try Self.telnetServer.write(toFile: telnet, atomically: true, encoding: .utf8)
        let script = """
            set -e
            ip netns add \(client)
            ip netns add \(server)
            ip link add \(clientLink) type veth peer name cl\(tag)b
            ip link set \(clientLink) netns \(client)
            ip link set cl\(tag)b netns \(server)
            ip -n \(client) addr add 192.0.2.1/24 dev \(clientLink)
            ip -n \(server) addr add 192.0.2.2/24 dev cl\(tag)b
            ip -n \(client) link set \(clientLink) up
            ip -n \(server) link set cl\(tag)b up
            ip -n \(client) link set lo up
            ip -n \(server) link set lo up
            cd \(folder.path)
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem -out cert.pem \
                -days 2 -subj /CN=capdo-test >/dev/null 2>&1
            setsid ip netns exec \(server) python3 -m http.server 8080 --bind 192.0.2.2 >/dev/null 2>&1 < /dev/null &
            setsid ip netns exec \(server) python3 \(telnet) >/dev/null 2>&1 < /dev/null &
            setsid ip netns exec \(server) openssl s_server -accept 4433 -cert cert.pem -key key.pem -quiet \
                >/dev/null 2>&1 < /dev/null &
            for i in $(seq 1 50); do
                if ip netns exec \(server) ss -ltn | grep -q ':4433' && ip netns exec \(server) ss -ltn | grep -q ':8080' \
                    && ip netns exec \(server) ss -ltn | grep -q ':23 '; then exit 0; fi
                sleep 0.1
            done
            echo "listeners did not start" >&2; exit 1
            """
        do {
            try Spawn.run(["/bin/bash", "-c", script])
        } catch {
            tearDown()
            throw error
        }
    }

    /// Runs a command inside the client namespace.
    @discardableResult
    func inClient(_ arguments: [String]) throws -> String {
        try Spawn.run(["/usr/sbin/ip", "netns", "exec", client] + arguments, allowFailure: true).output
    }

    /// Talks to every listener from the client: HTTP with Basic auth, a Telnet-like login, a TLS handshake,
    /// and a connect to a closed port.
    func generateTraffic() throws {
        let script = folder.appendingPathComponent("client.py").path
        try Self.clientScript.write(toFile: script, atomically: true, encoding: .utf8)
        try inClient(["python3", script])
        try inClient([
            "/bin/bash", "-c",
            "openssl s_client -connect 192.0.2.2:4433 -servername capdo-test </dev/null >/dev/null 2>&1 || true",
        ])
    }

    /// Kills what runs in the two namespaces (all started by this test), deletes them and the folder.
    func tearDown() {
        for namespace in [client, server] {
            let pids = (try? Spawn.run(["/usr/sbin/ip", "netns", "pids", namespace]).output) ?? ""
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
            _ = try? Spawn.run(["/usr/sbin/ip", "netns", "del", namespace])
        }
        try? FileManager.default.removeItem(at: folder)
    }

    static let telnetServer = """
        import socket
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("192.0.2.2", 23))
        s.listen(5)
        def line(c):
            buf = b""
            while not buf.endswith(b"\\n"):
                d = c.recv(1)
                if not d:
                    break
                buf += d
            return buf
        while True:
            c, _ = s.accept()
            try:
                c.sendall(b"capdo-test login: ")
                line(c)
                c.sendall(b"Password: ")
                line(c)
                c.sendall(b"\\r\\nWelcome\\r\\n")
            except OSError:
                pass
            c.close()
        """

    static let clientScript = """
        import base64, socket, time
        auth = base64.b64encode(b"alice:Ns-Http-Secret").decode()
        s = socket.create_connection(("192.0.2.2", 8080), timeout=5)
        s.sendall(("GET / HTTP/1.1\\r\\nHost: 192.0.2.2\\r\\nAuthorization: Basic " + auth + "\\r\\nConnection: close\\r\\n\\r\\n").encode())
        while s.recv(4096):
            pass
        s.close()
        t = socket.create_connection(("192.0.2.2", 23), timeout=5)
        t.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buf = b""
        while b"login:" not in buf:
            buf += t.recv(100)
        for ch in b"admin\\r\\n":
            t.sendall(bytes([ch])); time.sleep(0.01)
        buf = b""
        while b"Password:" not in buf:
            buf += t.recv(100)
        for ch in b"Ns-Telnet-Secret\\r\\n":
            t.sendall(bytes([ch])); time.sleep(0.01)
        while t.recv(100):
            pass
        t.close()
        try:
            socket.create_connection(("192.0.2.2", 9999), timeout=2)
        except OSError:
            pass
        """
}
