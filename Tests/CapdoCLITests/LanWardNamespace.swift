import CapdoTestSupport
import Foundation

/// A small ward LAN in network namespaces: a bridge in the server namespace joins a client (192.0.2.10), a DHCP
/// client without an address, and a rogue host (192.0.2.66). Real programs talk on it — a Python `http.server`
/// login page and form posts (curl and a socket client that splits its request), dnsmasq as the legitimate
/// (192.0.2.2) and the rogue DHCP server answering a scripted DHCP client, scripted mDNS/LLMNR/NBNS answers and a
/// spoofed ARP reply — while tcpdump captures on the client's link. Everything is deleted by `tearDown()`; no address
/// outside the namespaces is used.
struct LanWardNamespace {
    let tag: String
    let folder: URL
    var capture: String { folder.appendingPathComponent("ward.pcap").path }

    static var available: Bool {
        getuid() == 0
            && ["/usr/sbin/ip", "/usr/sbin/dnsmasq", "/usr/bin/tcpdump", "/usr/bin/curl", "/usr/bin/python3"]
                .allSatisfy(Shell.exists)
    }

    init() throws {
        tag = String(getpid() % 10_000) + String(Int.random(in: 10...99))
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-ward-\(tag)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in [
            ("httpd.py", Self.httpd), ("client.py", Self.client), ("dhcpc.py", Self.dhcpClient),
            ("names.py", Self.names), ("arpspoof.py", Self.arpSpoof), ("run.sh", Self.script),
        ] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        do {
            try Spawn.run([
                "/usr/bin/env", "T=\(tag)", "D=\(folder.path)", "/bin/bash",
                folder.appendingPathComponent("run.sh").path,
            ])
        } catch {
            tearDown()
            throw error
        }
    }

    /// Kills what runs in the namespaces (all started by this test), deletes them and the folder.
    func tearDown() {
        for name in ["srv", "cli", "dhc", "rog"] {
            let namespace = "cd\(name)\(tag)"
            let pids = (try? Spawn.run(["/usr/sbin/ip", "netns", "pids", namespace]).output) ?? ""
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
            _ = try? Spawn.run(["/usr/sbin/ip", "netns", "del", namespace])
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Builds the LAN, starts the servers and the capture, makes the traffic, stops the capture.
    static let script = """
        set -e
        for n in srv cli dhc rog; do
            ip netns add cd$n$T
            ip netns exec cd$n$T sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
        done
        ip -n cdsrv$T link add br$T type bridge
        ip -n cdsrv$T link set br$T address 00:16:3e:00:00:02
        for n in cli dhc rog; do
            ip link add v$n$T type veth peer name p$n$T
            ip link set v$n$T netns cd$n$T
            ip link set p$n$T netns cdsrv$T
            ip -n cdsrv$T link set p$n$T master br$T
        done
        ip -n cdcli$T link set vcli$T address 00:1b:21:00:00:10
        ip -n cddhc$T link set vdhc$T address 3c:52:82:00:00:07
        ip -n cdrog$T link set vrog$T address 00:0c:29:00:00:66
        for n in cli dhc rog; do
            ip -n cdsrv$T link set p$n$T up
            ip -n cd$n$T link set v$n$T up
            ip -n cd$n$T link set lo up
        done
        ip -n cdsrv$T link set br$T up
        ip -n cdsrv$T link set lo up
        ip -n cdsrv$T addr add 192.0.2.2/24 dev br$T
        ip -n cdcli$T addr add 192.0.2.10/24 dev vcli$T
        ip -n cdrog$T addr add 192.0.2.66/24 dev vrog$T
        cd $D
        setsid ip netns exec cdsrv$T python3 $D/httpd.py 192.0.2.2 8080 </dev/null >/dev/null 2>&1 &
        setsid ip netns exec cdsrv$T dnsmasq --no-daemon --user=root --port=0 --interface=br$T --bind-interfaces --no-ping \\
            --dhcp-range=192.0.2.100,192.0.2.150,12h --dhcp-option=option:router,192.0.2.2 \\
            --dhcp-option=option:dns-server,192.0.2.53 --dhcp-leasefile=$D/legit.leases --pid-file=$D/legit.pid \\
            </dev/null >$D/legit.log 2>&1 &
        setsid ip netns exec cdrog$T dnsmasq --no-daemon --user=root --port=0 --interface=vrog$T --bind-interfaces --no-ping \\
            --dhcp-range=192.0.2.200,192.0.2.210,10m --dhcp-option=option:router,192.0.2.66 \\
            --dhcp-option=option:dns-server,192.0.2.66 --dhcp-leasefile=$D/rogue.leases --pid-file=$D/rogue.pid \\
            </dev/null >$D/rogue.log 2>&1 &
        setsid ip netns exec cdcli$T tcpdump -U -i vcli$T -w $D/ward.pcap </dev/null >/dev/null 2>$D/tcpdump.log &
        for i in $(seq 1 100); do
            if ip netns exec cdsrv$T ss -ltn | grep -q ':8080' && ip netns exec cdsrv$T ss -lun | grep -q ':67 ' \\
                && ip netns exec cdrog$T ss -lun | grep -q ':67 ' && grep -q listening $D/tcpdump.log 2>/dev/null; then
                break
            fi
            sleep 0.1
        done
        sleep 0.3
        ip netns exec cdcli$T python3 $D/client.py 192.0.2.2
        ip netns exec cddhc$T python3 $D/dhcpc.py vdhc$T 3c:52:82:00:00:07 ward-pc-07 192.0.2.2
        ip netns exec cdsrv$T python3 $D/names.py 192.0.2.10
        ip netns exec cdrog$T python3 $D/arpspoof.py vrog$T 00:0c:29:00:00:66 192.0.2.2
        # Stop only once the last frame sent (the spoofed ARP reply) is in the capture.
        for i in $(seq 1 100); do
            if tcpdump -r $D/ward.pcap 'arp and ether src 00:0c:29:00:00:66' 2>/dev/null | grep -q .; then break; fi
            sleep 0.1
        done
        # The test runner's children may inherit blocked signals: KILL ends tcpdump, and -U has written every packet.
        for p in $(ip netns pids cdcli$T); do kill -KILL $p; done
        for i in $(seq 1 50); do
            if [ -z "$(ip netns pids cdcli$T)" ]; then exit 0; fi
            sleep 0.1
        done
        echo "tcpdump did not stop" >&2
        exit 1
        """

    /// A login page (`type=password`) and a form handler, on Python's http.server.
    static let httpd = """
        import http.server, sys
        PAGE = (b'<!doctype html><html><body><form method="post" action="/dichvucong/login">'
                b"<input name='taikhoan'><input TYPE = 'Password' name='matkhau'></form></body></html>")
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.send_response(302)
                self.send_header("Location", "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
            def log_message(self, *args):
                pass
        http.server.HTTPServer((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
        """

    /// A login page fetched, a urlencoded post, a multipart post (curl), a post split over three segments.
    static let client = """
        import socket, subprocess, sys, time
        server = sys.argv[1]
        # A login page fetched over HTTP.
        subprocess.run(["curl", "-s", "-o", "/dev/null", "http://%s:8080/dichvucong/login" % server], check=True)
        # A urlencoded form post (curl, one segment).
        subprocess.run(["curl", "-s", "-o", "/dev/null", "--data", "taikhoan=canbo01&matkhau=Ns-Form-Secret1",
                        "http://%s:8080/dichvucong/login" % server], check=True)
        # A multipart form post (curl -F).
        subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", "Expect:", "-F", "username=admin", "-F", "password=Ns-Form-Secret2",
                        "http://%s:8080/admin/login" % server], check=True)
        # A urlencoded post whose head and body travel in separate TCP segments.
        s = socket.create_connection((server, 8080), timeout=5)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        body = b"user_name=ketoan&mat_khau=Ns-Form-Secret3&remember=1"
        s.sendall(b"POST /portal/dang-nhap?next=%2F HTTP/1.1\\r\\nHost: " + server.encode() +
                  b"\\r\\nContent-Type: application/x-www-form-urlencoded\\r\\nContent-Length: " + str(len(body)).encode() + b"\\r\\n\\r\\n")
        time.sleep(0.05)
        s.sendall(body[:20])
        time.sleep(0.05)
        s.sendall(body[20:])
        s.recv(4096)
        s.close()
        """

    /// DISCOVER with a host name (option 12), every OFFER collected, REQUEST to the chosen server, ACK.
    static let dhcpClient = """
        import fcntl, socket, struct, sys, time, random
        ifname, mac, hostname = sys.argv[1], bytes.fromhex(sys.argv[2].replace(":", "")), sys.argv[3].encode()
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, ifname.encode())
        s.bind(("0.0.0.0", 68))
        s.settimeout(0.5)
        xid = random.randint(0, 2**32 - 1)
        def message(kind, extra=b""):
            head = struct.pack("!BBBBIHH4s4s4s4s16s64s128sI", 1, 1, 6, 0, xid, 0, 0x8000, b"\\0"*4, b"\\0"*4, b"\\0"*4, b"\\0"*4,
                               mac + b"\\0"*10, b"\\0"*64, b"\\0"*128, 0x63825363)
            return head + bytes([53, 1, kind, 12, len(hostname)]) + hostname + extra + bytes([55, 4, 1, 3, 6, 51, 255])
        def collect(seconds):
            out, end = [], time.time() + seconds
            while time.time() < end:
                try:
                    data, _ = s.recvfrom(2048)
                except socket.timeout:
                    continue
                if len(data) >= 240 and data[0] == 2 and struct.unpack("!I", data[4:8])[0] == xid:
                    out.append(data)
            return out
        def option(data, code):
            i = 240
            while i < len(data) and data[i] != 255:
                if data[i] == 0:
                    i += 1; continue
                if data[i] == code:
                    return data[i + 2:i + 2 + data[i + 1]]
                i += 2 + data[i + 1]
            return None
        s.sendto(message(1), ("255.255.255.255", 67))
        offers = collect(2.0)
        chosen = [o for o in offers if option(o, 54) == socket.inet_aton(sys.argv[4])]
        if not chosen:
            sys.exit("no offer from %s among %d" % (sys.argv[4], len(offers)))
        offer = chosen[0]
        s.sendto(message(3, bytes([50, 4]) + offer[16:20] + bytes([54, 4]) + option(offer, 54)), ("255.255.255.255", 67))
        acks = collect(1.5)
        print("offers", len(offers), "acks", len(acks))
        """

    /// Scripted mDNS, LLMNR and NBNS answers binding names to 192.0.2.2, sent to the client.
    static let names = """
        import socket, struct, sys
        client = sys.argv[1]
        def name(text):
            return b"".join(bytes([len(p)]) + p.encode() for p in text.split(".")) + b"\\0"
        def nb(text, suffix):
            raw = (text.upper().ljust(15)[:15]).encode() + bytes([suffix])
            return bytes([32]) + bytes(b for c in raw for b in (0x41 + (c >> 4), 0x41 + (c & 15))) + b"\\0"
        a = socket.inet_aton("192.0.2.2")
        # mDNS response (unicast to the querier's port 5353): ward-printer.local A 192.0.2.2
        mdns = struct.pack("!HHHHHH", 0, 0x8400, 0, 1, 0, 0) + name("ward-printer.local") + struct.pack("!HHIH", 1, 0x8001, 120, 4) + a
        # LLMNR response: query wpad, answer A 192.0.2.2 (from port 5355)
        q = name("fileserver")
        llmnr = struct.pack("!HHHHHH", 0x1234, 0x8000, 1, 1, 0, 0) + q + struct.pack("!HH", 1, 1) + b"\\xc0\\x0c" + struct.pack("!HHIH", 1, 1, 30, 4) + a
        # NBNS positive name query response: WARD-NAS<20> → 192.0.2.2
        nbns = struct.pack("!HHHHHH", 0x4321, 0x8500, 0, 1, 0, 0) + nb("WARD-NAS", 0x20) + struct.pack("!HHIH", 0x20, 1, 300000, 6) + b"\\x00\\x00" + a
        for payload, port in ((mdns, 5353), (llmnr, 5355), (nbns, 137)):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("192.0.2.2", port))
            s.sendto(payload, (client, port if port != 5355 else 50000))
            s.close()
        """

    /// One spoofed ARP reply: the rogue host's MAC claims an address that is not its own.
    static let arpSpoof = """
        import socket, struct, sys
        ifname, mac, ip = sys.argv[1], bytes.fromhex(sys.argv[2].replace(":", "")), socket.inet_aton(sys.argv[3])
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        s.bind((ifname, 0))
        frame = b"\\xff" * 6 + mac + b"\\x08\\x06" + struct.pack("!HHBBH", 1, 0x0800, 6, 4, 2) + mac + ip + b"\\xff" * 6 + ip
        s.send(frame)
        """
}
