import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Form logins, login pages, DHCP in full, names and vendors on a capture that real programs made in namespaces,
/// each checked against tshark's decoding of the same capture (and ieee-data's oui.txt for vendors).
@Suite(.serialized) struct LanWardNamespaceTests {
    static let canRun = LanWardNamespace.available && Shell.exists("/usr/bin/tshark")

    /// tshark's fields for the frames `filter` selects, one array of fields per frame.
    static func tshark(_ capture: String, _ filter: String, _ fields: [String]) throws -> [[String]] {
        let out = try Shell.run(
            "/usr/bin/tshark", ["-r", capture, "-Y", filter, "-T", "fields"] + fields.flatMap { ["-e", $0] })
        return out.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The organisation oui.txt names for a MAC's first three bytes (the MA-L assignment).
    static func ouiTxtVendor(_ mac: String) throws -> String? {
        let hex = mac.replacingOccurrences(of: ":", with: "").prefix(6).uppercased()
        let text = try String(contentsOfFile: "/usr/share/ieee-data/oui.txt", encoding: .utf8)
        let line = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix(hex + "     (base 16)") }
        return line.map { $0.split(separator: "\t").last!.trimmingCharacters(in: .whitespaces) }
    }

    @Test(.enabled(if: canRun, "needs root, iproute2, dnsmasq, tcpdump, curl, python3 and tshark"))
    func wardLanFindingsEqualTsharksDecoding() throws {
        let net = try LanWardNamespace()
        defer { net.tearDown() }
        let config = net.folder.appendingPathComponent("capdo.yaml")
        try "lan:\n  dhcp_servers: [192.0.2.2]\n".write(to: config, atomically: true, encoding: .utf8)
        let snapshot = net.folder.appendingPathComponent("ward.json").path
        let reports = net.folder.appendingPathComponent("reports").path
        let run = CapdoProcess.run([
            "lan", "--pcap", net.capture, "--config", config.path, "--snapshot", snapshot, "--output", reports,
            "--format", "json,md,html", "--lang", "en", "--quiet",
        ])
        #expect(run.status == 2, "\(run.stderr)")
        let facts = try LanNamespaceTests.lan(snapshot)
        let capture = net.capture

        // Form posts: the frames tshark decodes as urlencoded or multipart forms.
        let forms = try Self.tshark(capture, "urlencoded-form || mime_multipart", ["frame.number"]).map { Int($0[0])! }
        let posted = facts.credentials.filter { $0.protocol == "http_form" }
        #expect(posted.map(\.packet) == forms)
        #expect(
            posted.map { "\($0.user ?? "-") \($0.path ?? "-")" } == [
                "canbo01 /dichvucong/login", "admin /admin/login", "ketoan /portal/dang-nhap",
            ])
        #expect(posted.allSatisfy { $0.server == "192.0.2.2:8080" && $0.client == "192.0.2.10" })

        // The login page: the response frame holding the password input.
        let page = try Self.tshark(
            capture, "http.response && frame matches \"(?i)type *= *.password\"", ["frame.number"])
        #expect(facts.httpLoginPages?.map(\.packet) == page.map { Int($0[0])! })
        #expect(facts.httpLoginPages?.first?.path == "/dichvucong/login")

        // DHCP: every offer and ack, field by field.
        let replies = try Self.tshark(
            capture, "dhcp.option.dhcp == 2 || dhcp.option.dhcp == 5",
            [
                "frame.number", "dhcp.option.dhcp_server_id", "dhcp.ip.your", "dhcp.option.router",
                "dhcp.option.domain_name_server", "dhcp.option.ip_address_lease_time", "dhcp.hw.mac_addr",
                "dhcp.option.dhcp",
            ])
        var mine: [[String]] = []
        for server in facts.dhcpServers {
            for reply in server.replies ?? [] {
                let lease: String = reply.leaseSeconds.map(String.init) ?? ""
                let type: String = reply.type == "offer" ? "2" : "5"
                let routers: String = reply.routers.joined(separator: ",")
                let dns: String = reply.dnsServers.joined(separator: ",")
                mine.append([
                    "\(reply.packet)", server.ip, reply.address, routers, dns, lease, reply.clientMAC ?? "", type,
                ])
            }
        }
        mine.sort { Int($0[0])! < Int($1[0])! }
        #expect(mine == replies)
        #expect(replies.count == 3, "two offers (legitimate, rogue) and one ack")
        #expect(facts.dhcpServers.map { "\($0.ip) \($0.declared == true)" } == ["192.0.2.2 true", "192.0.2.66 false"])

        // Names: mDNS, LLMNR, NBNS answers for 192.0.2.2, the DHCP host name of the client without an address.
        let server = try #require(facts.hosts.first { $0.ip == "192.0.2.2" })
        let names = try Self.tshark(capture, "(mdns || llmnr || nbns) && !icmp", ["dns.resp.name", "nbns.name"])
        let theirs = Set(names.flatMap { $0 }.filter { !$0.isEmpty }.map { $0.components(separatedBy: "<")[0] })
        #expect(Set((server.names ?? []).map(\.name)) == theirs)
        #expect((server.names ?? []).map(\.source) == ["mdns", "llmnr", "nbns"])
        let hostName = try Self.tshark(capture, "dhcp.option.hostname", ["dhcp.option.hostname"])
        let client = try #require(facts.macOnly?.first { $0.mac == "3c:52:82:00:00:07" })
        #expect(client.names?.map(\.name) == [hostName.first?.first ?? "?"])

        // Every MAC, with its vendor as oui.txt names it; the spoofing MAC beside the address it claimed.
        #expect(server.otherMACs == ["00:0c:29:00:00:66"])
        let macs =
            facts.hosts.compactMap { host in host.mac.map { ($0, host.vendor) } }
            + (facts.macOnly ?? []).map { ($0.mac, $0.vendor) }
        #expect(
            Set(macs.map(\.0)) == ["00:16:3e:00:00:02", "00:1b:21:00:00:10", "00:0c:29:00:00:66", "3c:52:82:00:00:07"])
        for (mac, vendor) in macs { #expect(vendor == (try Self.ouiTxtVendor(mac)), "\(mac)") }
        #expect(facts.vendorRegistry == "/usr/share/ieee-data")

        // The findings, and no secret anywhere.
        let json = try #require(
            try FileManager.default.contentsOfDirectory(atPath: reports).first { $0.hasSuffix(".json") })
        let report = try String(contentsOfFile: reports + "/" + json, encoding: .utf8)
        for rule in ["net.lan.only_declared_dhcp_servers", "net.lan.no_http_login_pages", "net.lan.no_arp_conflicts"] {
            #expect(report.contains(rule), "\(rule)")
        }
        #expect(report.contains("192.0.2.66") && report.contains("192.0.2.209"), "the rogue and what it offered")
        for file in try FileManager.default.contentsOfDirectory(atPath: reports).map({ reports + "/" + $0 }) + [
            snapshot
        ] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("Ns-Form-Secret"), "\(file)")
        }
        let markdown = try #require(
            try FileManager.default.contentsOfDirectory(atPath: reports).first { $0.hasSuffix(".md") })
        let md = try String(contentsOfFile: reports + "/" + markdown, encoding: .utf8)
        #expect(md.contains("DHCP servers and what they handed out") && md.contains("Hewlett Packard"))
        #expect(md.contains("Logins over HTTP") && md.contains("ward-printer.local"))
    }
}
