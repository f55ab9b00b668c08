import CapdoCore
import Foundation

/// The LAN tables beyond hosts and services: logins over HTTP, what each DHCP server handed out, and the hosts'
/// vendors, names and further MACs (MACs without an address included). Each is a small function of the facts; an
/// empty table is left out. Texts are in both languages here, so the section can move between writers as it is.
struct LanDetailTables {
    let facts: LanFacts
    let strings: ReportStrings

    var tables: [LanTable] { [httpLogins, dhcpReplies, hostDetails].compactMap { $0 } }

    private func text(_ vi: String, _ en: String) -> String { strings.language == .vi ? vi : en }

    /// Web-form logins and login pages over HTTP, by packet.
    var httpLogins: LanTable? {
        let forms = facts.credentials.filter { $0.protocol == "http_form" }.map { credential in
            [
                text("Biểu mẫu gửi mật khẩu dạng rõ", "Form posting a password in clear"),
                "\(credential.client) → \(credential.server)", credential.path ?? "–", credential.user ?? "–",
                "#\(credential.packet)",
            ]
        }
        let pages = (facts.httpLoginPages ?? []).map { page in
            [
                text("Trang có ô mật khẩu qua HTTP", "Page with a password field over HTTP"),
                "\(page.server) → \(page.client)", page.path ?? "–", "–", "#\(page.packet)",
            ]
        }
        guard !forms.isEmpty || !pages.isEmpty else { return nil }
        return LanTable(
            title: text("Đăng nhập qua HTTP (không mã hóa)", "Logins over HTTP (unencrypted)"),
            headers: [
                text("Quan sát", "Observation"), text("Giữa", "Between"), text("Đường dẫn", "Path"),
                text("Tài khoản", "User"), text("Gói tin", "Packet"),
            ],
            rows: pages + forms,
            note: text(
                "Mật khẩu không bao giờ được lưu hay in ra: chỉ ghi nhận là có.",
                "Passwords are never stored or printed: only that one was sent."))
    }

    /// Each DHCP server's offers and acknowledgements: what it handed out and to whom.
    var dhcpReplies: LanTable? {
        let list = { (addresses: [String]) -> String in addresses.isEmpty ? "–" : addresses.joined(separator: ", ") }
        let rows = facts.dhcpServers.flatMap { server -> [[String]] in
            let name: String = server.ip + (server.mac.map { " (\($0))" } ?? "")
            let declared: String = server.declared.map { $0 ? text("có", "yes") : text("KHÔNG", "NO") } ?? "–"
            return (server.replies ?? []).map { reply -> [String] in
                let lease: String = reply.leaseSeconds.map { "\($0) s" } ?? "–"
                return [
                    name, declared, reply.type.uppercased(), reply.clientMAC ?? "–", reply.address, list(reply.routers),
                    list(reply.dnsServers), lease, "#\(reply.packet)",
                ]
            }
        }
        guard !rows.isEmpty else { return nil }
        let declared = facts.declaredDhcpServers ?? []
        return LanTable(
            title: text("Máy chủ DHCP và những gì chúng cấp", "DHCP servers and what they handed out"),
            headers: [
                text("Máy chủ", "Server"), text("Đã khai báo", "Declared"), text("Loại", "Type"),
                text("MAC máy khách", "Client MAC"), text("Địa chỉ cấp", "Address"), "Gateway", "DNS",
                text("Thời hạn", "Lease"), text("Gói tin", "Packet"),
            ],
            rows: rows,
            note: declared.isEmpty
                ? text(
                    "capdo.yaml không khai báo máy chủ DHCP hợp lệ (lan: { dhcp_servers: [...] }).",
                    "capdo.yaml declares no legitimate DHCP server (lan: { dhcp_servers: [...] }).")
                : text("Máy chủ DHCP hợp lệ theo capdo.yaml: ", "Legitimate DHCP servers per capdo.yaml: ")
                    + declared.joined(separator: ", "))
    }

    /// Hosts with a vendor, a name or a further MAC, then the MACs seen without an address of their own.
    var hostDetails: LanTable? {
        let time = { (date: Date?) in date.map(strings.timestamp) ?? "–" }
        let names = { (list: [LanHostName]?) in
            (list ?? []).map { "\($0.name) (\($0.source) #\($0.packet))" }.joined(separator: ", ")
        }
        var rows = facts.hosts.filter { $0.vendor != nil || $0.names != nil || $0.otherMACs != nil }
            .prefix(LanSection.hostLimit).map { host in
                [
                    host.ip, host.mac ?? "–", host.vendor ?? "–", (host.otherMACs ?? []).joined(separator: ", "),
                    names(host.names), time(host.firstSeen), time(host.lastSeen),
                ]
            }
        rows += (facts.macOnly ?? []).prefix(LanSection.hostLimit).map { entry in
            [
                "– (" + entry.seenIn.joined(separator: ", ") + ")", entry.mac, entry.vendor ?? "–", "",
                names(entry.names), time(entry.firstSeen), time(entry.lastSeen),
            ]
        }
        guard !rows.isEmpty else { return nil }
        return LanTable(
            title: text("Máy: hãng sản xuất, tên và các MAC khác", "Hosts: vendors, names and other MACs"),
            headers: [
                "IP", "MAC", text("Hãng (OUI)", "Vendor (OUI)"), text("MAC khác", "Other MACs"),
                text("Tên (nguồn, gói tin)", "Names (source, packet)"), text("Thấy lần đầu", "First seen"),
                text("Thấy lần cuối", "Last seen"),
            ],
            rows: rows,
            note: facts.vendorRegistry == nil
                ? text(
                    "Không có tên hãng: chưa cài sổ đăng ký OUI của IEEE (gói Debian ieee-data).",
                    "No vendor names: the IEEE OUI registry (Debian package ieee-data) is not installed.")
                : nil)
    }
}
