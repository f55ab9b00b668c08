import CapdoCore
import Foundation

/// The LAN tables beyond hosts and services: logins over HTTP, what each DHCP server handed out, and the hosts'
/// vendors, names and further MACs (MACs without an address included). Each is a small function of the facts; an
/// empty table is left out. The texts are `LanString`'s.
struct LanDetailTables {
    let facts: LanFacts
    let strings: ReportStrings

    var tables: [LanTable] { [httpLogins, dhcpReplies, hostDetails].compactMap { $0 } }

    /// Web-form logins and login pages over HTTP, by packet.
    var httpLogins: LanTable? {
        let forms = facts.credentials.filter { $0.protocol == "http_form" }.map { credential in
            [
                strings[LanString.formLogin],
                "\(credential.client) → \(credential.server)", credential.path ?? "–", credential.user ?? "–",
                "#\(credential.packet)",
            ]
        }
        let pages = (facts.httpLoginPages ?? []).map { page in
            [
                strings[LanString.loginPage],
                "\(page.server) → \(page.client)", page.path ?? "–", "–", "#\(page.packet)",
            ]
        }
        guard !forms.isEmpty || !pages.isEmpty else { return nil }
        return LanTable(
            title: strings[LanString.httpLoginsTitle],
            headers: [
                strings[LanString.observation], strings[LanString.between], strings[LanString.path],
                strings[LanString.user], strings[LanString.packet],
            ],
            rows: pages + forms,
            note: strings[LanString.httpNote])
    }

    /// Each DHCP server's offers and acknowledgements: what it handed out and to whom.
    var dhcpReplies: LanTable? {
        let list = { (addresses: [String]) -> String in addresses.isEmpty ? "–" : addresses.joined(separator: ", ") }
        let rows = facts.dhcpServers.flatMap { server -> [[String]] in
            let name: String = server.ip + (server.mac.map { " (\($0))" } ?? "")
            let declared: String =
                server.declared.map { $0 ? strings[LanString.yes] : strings[LanString.declaredNo] } ?? "–"
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
            title: strings[LanString.dhcpTitle],
            headers: [
                strings[LanString.server], strings[LanString.declared], strings[LanString.type],
                strings[LanString.clientMAC], strings[LanString.address], "Gateway", "DNS",
                strings[LanString.lease], strings[LanString.packet],
            ],
            rows: rows,
            note: declared.isEmpty
                ? strings[LanString.dhcpNoneDeclared]
                : strings.format(LanString.dhcpDeclared, declared.joined(separator: ", ")))
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
            title: strings[LanString.hostDetailsTitle],
            headers: [
                "IP", "MAC", strings[LanString.vendor], strings[LanString.otherMACs],
                strings[LanString.names], strings[.columnFirstSeen],
                strings[.columnLastSeen],
            ],
            rows: rows,
            note: facts.vendorRegistry == nil
                ? strings[LanString.noVendorRegistry] : nil)
    }
}
