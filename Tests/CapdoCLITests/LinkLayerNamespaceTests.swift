import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Link layer and IPv6 from real programs: a Linux bridge with spanning tree and `lldpd` (LLDP and CDP) as the
/// "switch", a kernel IPv6 TCP connection to a Python listener, and a router advertisement from a raw ICMPv6 socket,
/// captured by tcpdump in two namespaces the test creates and deletes. This kernel has no 8021q module (nor bridge
/// VLAN filtering), so the test tags the captured frames itself (802.1Q 10, and 802.1ad 100 over 802.1Q 20); tshark
/// is the oracle for every field.
@Suite(.serialized) struct LinkLayerNamespaceTests {
    static let canRun =
        LanNamespace.isRoot && Shell.exists("/usr/sbin/ip") && Shell.exists("/usr/sbin/lldpd")
        && Shell.exists("/usr/bin/tcpdump") && Shell.exists("/usr/bin/tshark")

    /// Builds the namespaces, runs the programs, and leaves `capture.pcap`, `vlan.pcap` and `qinq.pcap` in `folder`.
    static func setUp(tag: String, folder: String) -> String {
        """
        set -e
        A=capdo-ll-a\(tag); B=capdo-ll-b\(tag); F=\(folder)
        ip netns add $A; ip netns add $B
        ip link add ll\(tag)a type veth peer name ll\(tag)b
        ip link set ll\(tag)a netns $A; ip link set ll\(tag)b netns $B
        ip -n $A link set lo up; ip -n $B link set lo up
        ip -n $A addr add 198.51.100.1/24 dev ll\(tag)a
        ip -n $A addr add 2001:db8:10::1/64 dev ll\(tag)a nodad
        ip -n $A link set ll\(tag)a up
        ip -n $B link add br\(tag) type bridge stp_state 1 forward_delay 200 hello_time 100 priority 4096
        ip -n $B link set ll\(tag)b master br\(tag)
        ip -n $B link set ll\(tag)b alias "capdo uplink"
        ip -n $B link set ll\(tag)b up; ip -n $B link set br\(tag) up
        ip -n $B addr add 198.51.100.2/24 dev br\(tag)
        ip -n $B addr add 2001:db8:10::2/64 dev br\(tag) nodad
        setsid ip netns exec $A sh -c "echo \\$\\$ > $F/tcpdump.pid; exec tcpdump -U -i ll\(tag)a -w $F/capture.pcap" \\
            >/dev/null 2>&1 < /dev/null &
        for i in $(seq 1 100); do [ -s $F/capture.pcap ] && break; sleep 0.1; done
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout $F/key.pem -out $F/cert.pem \\
            -days 2 -subj /CN=capdo-ll-test >/dev/null 2>&1
        setsid ip netns exec $B openssl s_server -accept "[2001:db8:10::2]:8443" -cert $F/cert.pem -key $F/key.pem \\
            -quiet >/dev/null 2>&1 < /dev/null &
        for i in $(seq 1 50); do ip netns exec $B ss -ltn | grep -q ':8443' && break; sleep 0.1; done
        # Two lldpd: one sends LLDP, one CDP (lldpd forced to send CDP sends no LLDP until it hears an LLDP peer).
        printf 'configure system hostname capdo-switch\nconfigure lldp tx-interval 1\n' > $F/lldpd.conf
        for protocol in lldp cdp; do
            mkdir -p $F/$protocol
            flag=""; [ $protocol = cdp ] && flag="-cc"
            setsid ip netns exec $B /usr/sbin/lldpd -d $flag -I ll\(tag)b -u $F/$protocol/ctl -O $F/lldpd.conf \\
                -S "capdo test switch" -m 198.51.100.2 >$F/$protocol.log 2>&1 < /dev/null &
        done
        # The bridge port forwards after listening and learning (2 x 2 s): connect until it does.
        ip netns exec $A python3 -c '
        import socket, time
        for attempt in range(60):
            try:
                c = socket.create_connection(("2001:db8:10::2", 8443), timeout=1); c.sendall(b"hello"); c.close(); break
            except OSError:
                time.sleep(0.5)'
        ip netns exec $B python3 -c '
        import socket, struct
        s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b"br\(tag)")
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
        prefix = bytes([3, 4, 64, 0xC0]) + struct.pack("!III", 86400, 14400, 0) + socket.inet_pton(socket.AF_INET6, "2001:db8:66::")
        ra = bytes([134, 0, 0, 0, 64, 0]) + struct.pack("!HII", 1800, 0, 0) + prefix
        s.sendto(ra, ("ff02::1", 0, 0, socket.if_nametoindex("br\(tag)")))'
        for i in $(seq 1 100); do
            seen=$(tcpdump -nr $F/capture.pcap 2>/dev/null)
            if grep -q LLDP <<< "$seen" && grep -q CDP <<< "$seen" && grep -q "router advertisement" <<< "$seen" \\
                && [ "$(grep -c "STP" <<< "$seen")" -ge 2 ]; then break; fi
            sleep 0.2
        done
        # SIGKILL: tcpdump keeps SIGINT/SIGTERM ignored when it starts with them ignored (as under some test
        # runners); with -U every packet is already written whole.
        kill -KILL $(cat $F/tcpdump.pid)
        for i in $(seq 1 50); do kill -0 $(cat $F/tcpdump.pid) 2>/dev/null || break; sleep 0.1; done
        python3 - $F <<'PY'
        import struct, sys
        folder = sys.argv[1]
        data = open(folder + "/capture.pcap", "rb").read()
        def retag(name, tags):
            out = bytearray(data[:24]); at = 24
            while at + 16 <= len(data):
                sec, usec, caplen, length = struct.unpack("<IIII", data[at:at + 16])
                frame = data[at + 16:at + 16 + caplen]; at += 16 + caplen
                inserted = b"".join(struct.pack("!HH", tpid, vid) for tpid, vid in tags)
                frame = frame[:12] + inserted + frame[12:]
                out += struct.pack("<IIII", sec, usec, len(frame), length + len(inserted)) + frame
            open(folder + "/" + name, "wb").write(out)
        retag("vlan.pcap", [(0x8100, 10)])
        retag("qinq.pcap", [(0x88A8, 100), (0x8100, 20)])
        PY
        """
    }

    static func tearDown(tag: String, folder: URL) {
        for namespace in ["capdo-ll-a\(tag)", "capdo-ll-b\(tag)"] {
            let pids = (try? Spawn.run(["/usr/sbin/ip", "netns", "pids", namespace]).output) ?? ""
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
            _ = try? Spawn.run(["/usr/sbin/ip", "netns", "del", namespace])
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// tshark's fields for the frames that match `filter`, one line per frame, tab-separated.
    static func tshark(_ capture: String, _ filter: String, _ fields: [String]) throws -> [[String]] {
        let out = try Shell.run(
            "/usr/bin/tshark",
            ["-r", capture, "-Y", filter, "-T", "fields", "-E", "occurrence=f"] + fields.flatMap { ["-e", $0] })
        return out.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Rule id → status of every finding in the JSON report written to `folder`.
    static func statuses(in folder: URL) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let id = object["rule_id"] as? String, let status = object["status"] as? String { out[id] = status }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where file.hasSuffix(".json") {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                let json = try? JSONSerialization.jsonObject(with: data)
            {
                walk(json)
            }
        }
        return out
    }

    @Test(.enabled(if: canRun, "needs root, iproute2, lldpd, tcpdump and tshark: network namespaces (CI runs as root)"))
    func lldpCdpSpanningTreeRouterAdvertisementAndVlansFromRealPrograms() throws {
        let tag = String(getpid() % 100_000) + String(Int.random(in: 10...99))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-ll-\(tag)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { Self.tearDown(tag: tag, folder: folder) }
        try Spawn.run(["/bin/bash", "-c", Self.setUp(tag: tag, folder: folder.path)])

        for name in ["capture", "vlan", "qinq"] {
            let capture = folder.appendingPathComponent("\(name).pcap").path
            let snapshot = folder.appendingPathComponent("\(name).json").path
            let result = CapdoProcess.run([
                "lan", "--pcap", capture, "--snapshot", snapshot, "--output",
                folder.appendingPathComponent("r\(name)").path,
                "--format", "json", "--quiet",
            ])
            #expect(
                result.status == 2, "a rogue router advertisement makes the segment non-compliant: \(result.stderr)")
            let facts = try LanNamespaceTests.lan(snapshot)

            // LLDP against tshark.
            let lldp = try #require(facts.neighbours?.first { $0.protocol == "lldp" })
            let lldpOracle = try #require(
                try Self.tshark(
                    capture, "lldp",
                    [
                        "lldp.chassis.id.mac", "lldp.port.id", "lldp.tlv.system.name", "lldp.port.desc",
                        "lldp.mgn.addr.ip4",
                    ]
                ).first)
            #expect(
                [lldp.chassisId, lldp.portId, lldp.systemName, lldp.portDescription, lldp.managementAddresses.first]
                    == lldpOracle.map { Optional($0) })
            #expect(lldp.systemName == "capdo-switch" && lldp.portDescription == "capdo uplink")
            // CDP against tshark.
            let cdp = try #require(facts.neighbours?.first { $0.protocol == "cdp" })
            let cdpOracle = try #require(try Self.tshark(capture, "cdp", ["cdp.deviceid", "cdp.portid"]).first)
            #expect([cdp.chassisId, cdp.portId] == cdpOracle.map { Optional($0) })
            #expect(cdp.managementAddresses.contains("198.51.100.2"))
            // The bridge's root id, as tshark reads it.
            let root = try #require(facts.spanningTreeRoots?.first)
            let stpOracle = try #require(
                try Self.tshark(capture, "stp", ["stp.root.prio", "stp.root.ext", "stp.root.hw"]).first)
            #expect(["\(root.priority)", "\(root.vlan)", root.mac] == stpOracle)
            #expect(facts.spanningTreeRoots?.count == 1 && root.priority == 4096 && !root.contested)
            let stpFrames = try Self.tshark(capture, "stp", ["frame.number"]).count
            let lldpFrames = try Self.tshark(capture, "lldp", ["frame.number"]).count
            #expect(
                facts.linkFrames?["stp"] == stpFrames, "\(name): \(facts.linkFrames ?? [:]) tshark stp \(stpFrames)")
            #expect(root.packets == stpFrames, "\(name): \(root.packets) tshark \(stpFrames)")
            #expect(facts.linkFrames?["lldp"] == lldpFrames, "\(name): tshark lldp \(lldpFrames)")
            #expect(facts.counters.skipped["unsupported_ethertype"] == nil)
            // The router advertisement and the passive IPv6 service.
            let router = try #require(facts.routerAdvertisements?.first)
            let raOracle = try #require(
                try Self.tshark(
                    capture, "icmpv6.type == 134",
                    ["ipv6.src", "eth.src", "icmpv6.nd.ra.router_lifetime", "icmpv6.opt.prefix", "frame.number"]
                ).first)
            #expect(
                [router.ip, router.mac ?? "", "\(router.routerLifetime)", router.prefixes.first ?? ""]
                    == raOracle.prefix(3) + [raOracle[3] + "/64"])
            #expect(router.packets.first.map(String.init) == raOracle[4])
            #expect(facts.services.contains { $0.ip == "2001:db8:10::2" && $0.port == 8443 && $0.method == "passive" })
            #expect(
                Self.statuses(in: folder.appendingPathComponent("r\(name)"))["net.lan.no_rogue_router_advertisements"]
                    == "fail")
            #expect(
                Self.statuses(in: folder.appendingPathComponent("r\(name)"))["net.lan.single_spanning_tree_root"]
                    == "pass")

            // VLANs: none on the wire; the tagged copies give one VLAN each, holding every frame, host and service.
            let vlanOracle = Set(
                try Self.tshark(capture, "vlan", ["ieee8021ad.id", "vlan.id"]).map {
                    $0.filter { !$0.isEmpty }.joined(separator: ".")
                })
            switch name {
            case "capture":
                #expect(facts.vlans == [] && vlanOracle.isEmpty)
            case "vlan":
                let vlan = try #require(facts.vlans?.first)
                #expect(facts.vlans?.count == 1 && vlan.id == "10" && vlan.tag == "802.1q" && vlanOracle == ["10"])
                #expect(vlan.packets == facts.counters.packets && vlan.services == facts.services.count)
                #expect(vlan.hosts == facts.hosts.count)
            default:
                let vlan = try #require(facts.vlans?.first)
                #expect(facts.vlans?.count == 1 && vlan.id == "100.20" && vlan.tag == "802.1ad")
                #expect(vlanOracle == ["100.20"])
                #expect(vlan.packets == facts.counters.packets && vlan.services == facts.services.count)
            }
        }

        // --tls probes the IPv6 TLS service the capture proved, from the sensor's namespace, as `capdo tls` would.
        let tlsSnapshot = folder.appendingPathComponent("tls.json").path
        let probed = try Spawn.run(
            [
                "/usr/sbin/ip", "netns", "exec", "capdo-ll-a\(tag)", CapdoProcess.binary, "lan", "--pcap",
                folder.appendingPathComponent("capture.pcap").path, "--tls", "--snapshot", tlsSnapshot, "--output",
                folder.appendingPathComponent("rtls").path, "--format", "json", "--quiet",
            ], allowFailure: true)
        let data = try Data(contentsOf: URL(fileURLWithPath: tlsSnapshot))
        let host = try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data)
        let endpoint = try #require(host.tls?.endpoints.first, "\(probed.output)")
        #expect(host.tls?.endpoints.count == 1 && endpoint.port == 8443)
        #expect(endpoint.chain.first?.subject.contains("capdo-ll-test") == true)
        #expect(!endpoint.acceptedProtocols.isEmpty)
        let statuses = Self.statuses(in: folder.appendingPathComponent("rtls"))
        #expect(statuses.keys.contains { $0.contains(".tls.") }, "the TLS rules judged the probe")
    }
}
