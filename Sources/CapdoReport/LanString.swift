import CapdoCore

/// The fixed texts of the LAN section's link-layer and detail tables (`LanLinkTables`, `LanDetailTables`), in
/// Vietnamese and English; templates take `{0}`, `{1}`… like `ReportString`.
enum LanString: String, CaseIterable, Sendable, TextCatalogue {
    // Link layer
    case neighboursTitle, protocolColumn, systemName, chassisID, portDescription, managementAddress, packetsFirst
    case vlansTitle, tag, packets, hostsIP, services, firstPacket
    case spanningTreeTitle, rootBridge, version, sentBy, contested, yes, no
    case routersTitle, router, prefixes, lifetime, flags, advertisements
    case linkFramesTitle, kind, frames
    case riskRouterAdvertisement, riskContestedRoots
    // HTTP logins, DHCP replies, host details
    case formLogin, loginPage, httpLoginsTitle, observation, between, path, user, packet, httpNote
    case declaredNo, dhcpTitle, server, declared, type, clientMAC, address, lease, dhcpNoneDeclared, dhcpDeclared
    case hostDetailsTitle, vendor, otherMACs, names, noVendorRegistry
}

extension LanString {
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func pair(_ key: LanString) -> (vi: String, en: String) {
        switch key {
        case .neighboursTitle:
            return (
                "Thiết bị mạng lân cận (LLDP/CDP): cảm biến được cắm vào đâu",
                "Network neighbours (LLDP/CDP): where the sensor is plugged in"
            )
        case .protocolColumn: return ("Giao thức", "Protocol")
        case .systemName: return ("Tên hệ thống", "System name")
        case .chassisID: return ("Mã thiết bị", "Chassis id")
        case .portDescription: return ("Mô tả cổng", "Port description")
        case .managementAddress: return ("Địa chỉ quản trị", "Management address")
        case .packetsFirst: return ("Gói (đầu tiên)", "Packets (first)")
        case .vlansTitle: return ("VLAN thấy trong thẻ 802.1Q/802.1ad", "VLANs seen in 802.1Q/802.1ad tags")
        case .tag: return ("Thẻ", "Tag")
        case .packets: return ("Gói", "Packets")
        case .hostsIP: return ("Máy (IP)", "Hosts (IP)")
        case .services: return ("Dịch vụ", "Services")
        case .firstPacket: return ("Gói đầu tiên", "First packet")
        case .spanningTreeTitle: return ("Cầu nối gốc spanning tree", "Spanning tree root bridges")
        case .rootBridge: return ("Cầu nối gốc", "Root bridge")
        case .version: return ("Phiên bản", "Version")
        case .sentBy: return ("Gửi bởi", "Sent by")
        case .contested: return ("Tranh chấp", "Contested")
        case .yes: return ("có", "yes")
        case .no: return ("không", "no")
        case .routersTitle: return ("Bộ định tuyến IPv6 quảng bá (RA)", "IPv6 routers advertising (RA)")
        case .router: return ("Bộ định tuyến", "Router")
        case .prefixes: return ("Tiền tố", "Prefixes")
        case .lifetime: return ("Thời hạn (s)", "Lifetime (s)")
        case .flags: return ("Cờ", "Flags")
        case .advertisements: return ("Số RA", "Advertisements")
        case .linkFramesTitle: return ("Khung tầng liên kết khác IP/ARP", "Link-layer frames other than IP/ARP")
        case .kind: return ("Loại", "Kind")
        case .frames: return ("Khung", "Frames")
        case .riskRouterAdvertisement:
            return (
                "Quảng bá bộ định tuyến IPv6 (tiền tố {0}, thời hạn {1} s): bộ định tuyến hợp lệ hay giả mạo?",
                "IPv6 router advertisement (prefixes {0}, lifetime {1} s): a legitimate or a rogue router?"
            )
        case .riskContestedRoots:
            return ("{0} cầu nối cùng nhận là gốc spanning tree", "{0} bridges claim to be the spanning tree root")
        case .formLogin: return ("Biểu mẫu gửi mật khẩu dạng rõ", "Form posting a password in clear")
        case .loginPage: return ("Trang có ô mật khẩu qua HTTP", "Page with a password field over HTTP")
        case .httpLoginsTitle: return ("Đăng nhập qua HTTP (không mã hóa)", "Logins over HTTP (unencrypted)")
        case .observation: return ("Quan sát", "Observation")
        case .between: return ("Giữa", "Between")
        case .path: return ("Đường dẫn", "Path")
        case .user: return ("Tài khoản", "User")
        case .packet: return ("Gói tin", "Packet")
        case .httpNote:
            return (
                "Mật khẩu không bao giờ được lưu hay in ra: chỉ ghi nhận là có.",
                "Passwords are never stored or printed: only that one was sent."
            )
        case .declaredNo: return ("KHÔNG", "NO")
        case .dhcpTitle: return ("Máy chủ DHCP và những gì chúng cấp", "DHCP servers and what they handed out")
        case .server: return ("Máy chủ", "Server")
        case .declared: return ("Đã khai báo", "Declared")
        case .type: return ("Loại", "Type")
        case .clientMAC: return ("MAC máy khách", "Client MAC")
        case .address: return ("Địa chỉ cấp", "Address")
        case .lease: return ("Thời hạn", "Lease")
        case .dhcpNoneDeclared:
            return (
                "capdo.yaml không khai báo máy chủ DHCP hợp lệ (lan: { dhcp_servers: [...] }).",
                "capdo.yaml declares no legitimate DHCP server (lan: { dhcp_servers: [...] })."
            )
        case .dhcpDeclared:
            return ("Máy chủ DHCP hợp lệ theo capdo.yaml: {0}", "Legitimate DHCP servers per capdo.yaml: {0}")
        case .hostDetailsTitle:
            return ("Máy: hãng sản xuất, tên và các MAC khác", "Hosts: vendors, names and other MACs")
        case .vendor: return ("Hãng (OUI)", "Vendor (OUI)")
        case .otherMACs: return ("MAC khác", "Other MACs")
        case .names: return ("Tên (nguồn, gói tin)", "Names (source, packet)")
        case .noVendorRegistry:
            return (
                "Không có tên hãng: chưa cài sổ đăng ký OUI của IEEE (gói Debian ieee-data).",
                "No vendor names: the IEEE OUI registry (Debian package ieee-data) is not installed."
            )
        }
    }
}
