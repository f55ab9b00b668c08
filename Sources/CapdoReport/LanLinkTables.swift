import CapdoCore

/// The LAN section's link-layer and IPv6 tables (neighbours, VLANs, spanning tree roots, router advertisements,
/// other link frames) and their risks, as plain strings: each table is a title, headers and rows, so any writer can
/// render it. The texts are kept here in both languages until they move to `ReportString`.
struct LanLinkTables {
    typealias Table = LanTable

    let facts: LanFacts
    let language: Language

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    var tables: [Table] {
        [neighbours, vlans, spanningTree, routerAdvertisements, linkFrames].compactMap { $0 }
    }

    var neighbours: Table? {
        guard let list = facts.neighbours, !list.isEmpty else { return nil }
        return Table(
            title: t(
                "Thiết bị mạng lân cận (LLDP/CDP): cảm biến được cắm vào đâu",
                "Network neighbours (LLDP/CDP): where the sensor is plugged in"),
            headers: [
                t("Giao thức", "Protocol"), t("Tên hệ thống", "System name"), t("Mã thiết bị", "Chassis id"),
                t("Cổng", "Port"), t("Mô tả cổng", "Port description"), t("Địa chỉ quản trị", "Management address"),
                "VLAN", "MAC", t("Gói (đầu tiên)", "Packets (first)"),
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
            title: t("VLAN thấy trong thẻ 802.1Q/802.1ad", "VLANs seen in 802.1Q/802.1ad tags"),
            headers: [
                "VLAN", t("Thẻ", "Tag"), t("Gói", "Packets"), t("Máy (IP)", "Hosts (IP)"), "MAC",
                t("Dịch vụ", "Services"), t("Gói đầu tiên", "First packet"),
            ],
            rows: list.map { v in
                [v.id, v.tag, "\(v.packets)", "\(v.hosts)", "\(v.macs)", "\(v.services)", "#\(v.firstPacket)"]
            })
    }

    var spanningTree: Table? {
        guard let list = facts.spanningTreeRoots, !list.isEmpty else { return nil }
        return Table(
            title: t("Cầu nối gốc spanning tree", "Spanning tree root bridges"),
            headers: [
                t("Cầu nối gốc", "Root bridge"), "VLAN", t("Phiên bản", "Version"), t("Gửi bởi", "Sent by"),
                t("Gói (đầu tiên)", "Packets (first)"), t("Tranh chấp", "Contested"),
            ],
            rows: list.map { r in
                [
                    r.root, "\(r.vlan)", r.version, r.bridges.joined(separator: ", "),
                    "\(r.packets) (#\(r.firstPacket))", r.contested ? t("có", "yes") : t("không", "no"),
                ]
            })
    }

    var routerAdvertisements: Table? {
        guard let list = facts.routerAdvertisements, !list.isEmpty else { return nil }
        return Table(
            title: t("Bộ định tuyến IPv6 quảng bá (RA)", "IPv6 routers advertising (RA)"),
            headers: [
                t("Bộ định tuyến", "Router"), "MAC", t("Tiền tố", "Prefixes"), t("Thời hạn (s)", "Lifetime (s)"),
                t("Cờ", "Flags"), t("Số RA", "Advertisements"), t("Gói", "Packets"),
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
            title: t("Khung tầng liên kết khác IP/ARP", "Link-layer frames other than IP/ARP"),
            headers: [t("Loại", "Kind"), t("Khung", "Frames")],
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
                    text: t(
                        "Quảng bá bộ định tuyến IPv6 (tiền tố \(router.prefixes.joined(separator: ", ")), thời hạn \(router.routerLifetime) s): bộ định tuyến hợp lệ hay giả mạo?",
                        "IPv6 router advertisement (prefixes \(router.prefixes.joined(separator: ", ")), lifetime \(router.routerLifetime) s): a legitimate or a rogue router?"
                    ), between: "\(router.ip) (\(router.mac ?? "?"))", packets: LanSection.packets(router.packets)))
        }
        let contested = (facts.spanningTreeRoots ?? []).filter(\.contested)
        if !contested.isEmpty {
            out.append(
                LanSection.Risk(
                    severity: .medium,
                    text: t(
                        "\(contested.count) cầu nối cùng nhận là gốc spanning tree",
                        "\(contested.count) bridges claim to be the spanning tree root"),
                    between: contested.map { "\($0.root) (VLAN \($0.vlan))" }.joined(separator: ", "),
                    packets: LanSection.packets(contested.map(\.firstPacket))))
        }
        return out
    }
}
