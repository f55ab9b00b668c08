import CapdoTestSupport
import Foundation

/// `LanNamespace` with IPv6 on the same veth: 2001:db8::1 (client) and 2001:db8::2 (server) on one prefix,
/// 2001:db8:1::100 and 2001:db8:1::2 on a second one (so a /120 sweep misses the client), and 2001:db8:2::5 on the
/// server's loopback, reached from the client through a route via the server's link-local address (an on-link
/// router). IPv6-only listeners in the server namespace: TCP 23 and 8080, a UDP echo on 5000. All addresses are
/// `nodad`; the link-local ones are waited for, as a router's must be usable. `tearDown()` deletes everything.
struct LanNamespaceIPv6 {
    let net: LanNamespace
    var serverLink: String { String(net.clientLink.dropLast()) + "b" }

    static let listener = """
        import socket, threading
        def tcp(port):
            s = socket.socket(socket.AF_INET6)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind(("::", port))
            s.listen(64)
            while True:
                c, _ = s.accept()
                c.close()
        def echo(port):
            s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind(("::", port))
            while True:
                data, peer = s.recvfrom(2048)
                s.sendto(data, peer)
        for port in (23, 8080):
            threading.Thread(target=tcp, args=(port,), daemon=True).start()
        threading.Thread(target=echo, args=(5000,), daemon=True).start()
        threading.Event().wait()
        """

    init() throws {
        net = try LanNamespace()
        let script = net.folder.appendingPathComponent("listen6.py").path
        try Self.listener.write(toFile: script, atomically: true, encoding: .utf8)
        let (client, server, link, peer) = (net.client, net.server, net.clientLink, serverLink)
        let setup = """
            set -e
            ip -n \(client) addr add 2001:db8::1/64 dev \(link) nodad
            ip -n \(server) addr add 2001:db8::2/64 dev \(peer) nodad
            ip -n \(client) addr add 2001:db8:1::100/64 dev \(link) nodad
            ip -n \(server) addr add 2001:db8:1::2/64 dev \(peer) nodad
            ip -n \(server) addr add 2001:db8:2::5/128 dev lo
            setsid ip netns exec \(server) python3 \(script) >/dev/null 2>&1 < /dev/null &
            for i in $(seq 1 100); do
                router=$(ip -n \(server) -6 addr show dev \(peer) scope link | awk '/inet6/ && !/tentative/ {print $2}')
                mine=$(ip -n \(client) -6 addr show dev \(link) scope link | awk '/inet6/ && !/tentative/ {print $2}')
                if [ -n "$router" ] && [ -n "$mine" ] && ip netns exec \(server) ss -6 -ltn | grep -q ':8080 ' \
                    && ip netns exec \(server) ss -6 -lun | grep -q ':5000 '; then
                    ip -n \(client) -6 route add 2001:db8:2::/64 via ${router%/*} dev \(link)
                    exit 0
                fi
                sleep 0.1
            done
            echo "IPv6 link-local addresses or listeners not ready" >&2; exit 1
            """
        do {
            try Spawn.run(["/bin/bash", "-c", setup])
        } catch {
            net.tearDown()
            throw error
        }
    }

    func tearDown() { net.tearDown() }
}
