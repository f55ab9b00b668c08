import CapdoCore

/// The LAN section's link-layer and IPv6 tables (neighbours, VLANs, spanning tree roots, router advertisements,
/// other link frames) and their risks, as plain strings: each table is a title, headers and rows, so any writer can
/// render it; the texts are `LanString`'s.
struct LanLinkTables {
    typealias Table = LanTable

    let facts: LanFacts
    let s: ReportStrings

    var tables: [Table] {
        [neighbours, vlans, spanningTree, routerAdvertisements, linkFrames].compactMap { $0 }
    }

    var neighbours: Table? {
        guard let list = facts.neighbours, !list.isEmpty else { return nil }
        return Table(
            title: s[LanString.neighboursTitle],
            headers: [
                s[LanString.protocolColumn], s[LanString.systemName], s[LanString.chassisID],
                s[.columnPort], s[LanString.portDescription], s[LanString.managementAddress],
                "VLAN", "MAC", s[LanString.packetsFirst],
            ],
            rows: list.map { n in
                [
                    n.protocol, n.systemName ?? "–", n.chassisId ?? "–", n.portId ?? "–", n.portDescription ?? "–",
                    n.managementAddresses.isEmpty ? "–" : n.managementAddresses.joined(separator: ", "),
                    n.vlan.map { "\($0)" } ?? "–", n.mac ?? "–", "\(n.packets) (#\(n.firstPacket))",
                ]
            })
    }

    var vlans: Table? {
        guard let list = facts.vlans, !list.isEmpty else { return nil }
        return Table(
            title: s[LanString.vlansTitle],
            headers: [
                "VLAN", s[LanString.tag], s[LanString.packets], s[LanString.hostsIP], "MAC",
                s[LanString.services], s[LanString.firstPacket],
            ],
            rows: list.map { v in
                [v.id, v.tag, "\(v.packets)", "\(v.hosts)", "\(v.macs)", "\(v.services)", "#\(v.firstPacket)"]
            })
    }

    var spanningTree: Table? {
        guard let list = facts.spanningTreeRoots, !list.isEmpty else { return nil }
        return Table(
            title: s[LanString.spanningTreeTitle],
            headers: [
                s[LanString.rootBridge], "VLAN", s[LanString.version], s[LanString.sentBy],
                s[LanString.packetsFirst], s[LanString.contested],
            ],
            rows: list.map { r in
                [
                    r.root, "\(r.vlan)", r.version, r.bridges.joined(separator: ", "),
                    "\(r.packets) (#\(r.firstPacket))", r.contested ? s[LanString.yes] : s[LanString.no],
                ]
            })
    }

    var routerAdvertisements: Table? {
        guard let list = facts.routerAdvertisements, !list.isEmpty else { return nil }
        return Table(
            title: s[LanString.routersTitle],
            headers: [
                s[LanString.router], "MAC", s[LanString.prefixes], s[LanString.lifetime],
                s[LanString.flags], s[LanString.advertisements], s[LanString.packets],
            ],
            rows: list.map { r in
                let flags = (r.managed ? "M" : "") + (r.otherConfiguration ? "O" : "")
                return [
                    r.ip, r.mac ?? "–", r.prefixes.isEmpty ? "–" : r.prefixes.joined(separator: ", "),
                    "\(r.routerLifetime)", flags.isEmpty ? "–" : flags, "\(r.advertisements)",
                    LanSection.packets(r.packets),
                ]
            })
    }

    var linkFrames: Table? {
        guard let frames = facts.linkFrames, !frames.isEmpty else { return nil }
        return Table(
            title: s[LanString.linkFramesTitle],
            headers: [s[LanString.kind], s[LanString.frames]],
            rows: frames.keys.sorted().map { [$0, "\(frames[$0]!)"] })
    }

    /// Router advertisements (each a possible rogue router: the rule decides against the declared ones) and
    /// spanning tree roots claimed twice for one VLAN.
    var risks: [LanSection.Risk] {
        var out: [LanSection.Risk] = []
        for router in facts.routerAdvertisements ?? [] {
            out.append(
                LanSection.Risk(
                    severity: .high,
                    text: s.format(
                        LanString.riskRouterAdvertisement, router.prefixes.joined(separator: ", "),
                        "\(router.routerLifetime)"), between: "\(router.ip) (\(router.mac ?? "?"))",
                    packets: LanSection.packets(router.packets)))
        }
        let contested = (facts.spanningTreeRoots ?? []).filter(\.contested)
        if !contested.isEmpty {
            out.append(
                LanSection.Risk(
                    severity: .medium,
                    text: s.format(LanString.riskContestedRoots, "\(contested.count)"),
                    between: contested.map { "\($0.root) (VLAN \($0.vlan))" }.joined(separator: ", "),
                    packets: LanSection.packets(contested.map(\.firstPacket))))
        }
        return out
    }
}
