import CapdoCore
import Foundation

/// Section 6 in plain text cells (renderers escape them): per LAN segment, its hosts, services and risky
/// observations with packet numbers. Secrets never reach it: the facts hold none.
struct LanSection {
    /// One risky observation.
    struct Risk {
        var severity: Severity
        var text: String
        var between: String
        var packets: String
    }

    static let hostLimit = 200
    static let riskyPorts: Set<Int> = [
        21, 22, 23, 69, 139, 161, 445, 1433, 1521, 3306, 3389, 5432, 5900, 5985, 8291, 27017,
    ]

    let host: String
    let facts: LanFacts
    let strings: ReportStrings

    static func sections(_ result: ScanResult, _ strings: ReportStrings) -> [LanSection] {
        result.hosts.compactMap { host in host.lan.map { LanSection(host: host.host, facts: $0, strings: strings) } }
    }

    var segmentLine: String { strings.format(.lanSegment, facts.segment, facts.mode) }

    var countersLine: String {
        let c = facts.counters
        var period = ""
        if let first = facts.firstPacketTime, let last = facts.lastPacketTime {
            period = strings.timestamp(first) + " – " + strings.timestamp(last)
        } else if let scan = facts.scan {
            period = strings.format(.lanScan, scan.method, "\(scan.addresses)", "\(scan.probes)", "\(scan.rate)")
            if let closed = scan.closed { period += ", " + strings.format(.lanScanClosed, "\(closed)") }
            if let filtered = scan.filtered { period += ", " + strings.format(.lanScanFiltered, "\(filtered)") }
        }
        return strings.format(.lanCounters, "\(c.packets)", "\(c.malformed)", facts.linkType ?? "–", period)
    }

    var hostRows: [[String]] {
        facts.hosts.prefix(Self.hostLimit).map { h in
            [
                h.ip, h.mac ?? "–", h.firstSeen.map(strings.timestamp) ?? "–", h.lastSeen.map(strings.timestamp) ?? "–",
                "\(h.packets)",
            ]
        }
    }

    /// Neighbours, VLANs, spanning tree roots, router advertisements and other link frames (when seen).
    var linkTables: [LanTable] { LanLinkTables(facts: facts, s: strings).tables }
    /// Logins over HTTP, DHCP replies, host vendors and names (`LanDetailTables`).
    var detailTables: [LanTable] { LanDetailTables(facts: facts, strings: strings).tables }

    var hiddenHosts: Int { max(0, facts.hosts.count - Self.hostLimit) }

    var serviceRows: [[String]] {
        facts.services.map { s in
            [s.ip, "\(s.port)/\(s.protocol)", s.name ?? "–", s.method, Self.packets(s.packets)]
        }
    }

    var risks: [Risk] {
        var out: [Risk] = []
        for credential in facts.credentials {
            if credential.defaultSecret {
                out.append(
                    Risk(
                        severity: .critical, text: strings.format(.lanRiskDefaultCommunity, credential.protocol),
                        between: "\(credential.client) → \(credential.server)", packets: "#\(credential.packet)"))
            } else {
                out.append(
                    Risk(
                        severity: .critical,
                        text: strings.format(.lanRiskCredential, credential.protocol, credential.user ?? "–"),
                        between: "\(credential.client) → \(credential.server)", packets: "#\(credential.packet)"))
            }
        }
        if facts.dhcpServers.count > 1 {
            out.append(
                Risk(
                    severity: .high, text: strings.format(.lanRiskDhcp, "\(facts.dhcpServers.count)"),
                    between: facts.dhcpServers.map { "\($0.ip) (\($0.mac ?? "?"))" }.joined(separator: ", "),
                    packets: Self.packets(facts.dhcpServers.compactMap(\.packets.first))))
        }
        for conflict in facts.arpConflicts {
            out.append(
                Risk(
                    severity: .high, text: strings.format(.lanRiskArp, conflict.ip, "\(conflict.macs.count)"),
                    between: conflict.macs.joined(separator: ", "), packets: Self.packets(conflict.packets)))
        }
        for seen in facts.protocolsSeen where ["telnet", "ftp", "tftp", "smb1"].contains(seen.protocol) {
            out.append(
                Risk(
                    severity: .high, text: strings.format(.lanRiskProtocol, seen.protocol),
                    between: (seen.sources + ["→"] + seen.destinations).joined(separator: " "),
                    packets: "#\(seen.firstPacket) (\(seen.packets))"))
        }
        out += LanLinkTables(facts: facts, s: strings).risks
        for service in facts.services where Self.riskyPorts.contains(service.port) {
            out.append(
                Risk(
                    severity: .medium,
                    text: strings.format(.lanRiskPort, "\(service.port)/\(service.protocol) \(service.name ?? "")"),
                    between: service.ip, packets: Self.packets(service.packets)))
        }
        return out.enumerated().sorted { ($0.element.severity.rank, $0.offset) < ($1.element.severity.rank, $1.offset) }
            .map(\.element)
    }

    static func packets(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "–" : numbers.prefix(10).map { "#\($0)" }.joined(separator: ", ")
    }
}
