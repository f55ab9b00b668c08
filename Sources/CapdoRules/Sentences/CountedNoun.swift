import CapdoCore

/// What a collection holds, named so that a count reads right: Vietnamese has one form, English a singular and a
/// plural (`1 account`, `3 accounts`, `no accounts`).
struct CountedNoun: Sendable, Equatable {
    var vi: String
    var singular: String
    var plural: String

    init(vi: String, en singular: String, plural: String? = nil) {
        self.vi = vi
        self.singular = singular
        self.plural = plural ?? singular + "s"
    }

    /// The English form for `count` things.
    func en(_ count: Int) -> String { count == 1 ? singular : plural }

    /// `3 tài khoản` / `3 accounts`.
    func counted(_ count: Int) -> LocalizedText {
        LocalizedText(vi: "\(count) \(vi)", en: "\(count) \(en(count))")
    }

    static let account = CountedNoun(vi: "tài khoản", en: "account")
    static let antivirus = CountedNoun(vi: "phần mềm chống mã độc", en: "anti-malware product")
    static let socket = CountedNoun(vi: "cổng đang lắng nghe", en: "socket")
    static let packet = CountedNoun(vi: "gói tin", en: "packet")
    static let host = CountedNoun(vi: "máy", en: "host")
    static let item = CountedNoun(vi: "mục", en: "item")

    /// Nouns of the lists rules count with `items:`, by the list's path.
    static let lists: [String: CountedNoun] = [
        "backup.jobs": CountedNoun(vi: "tác vụ sao lưu", en: "backup job"),
        "lan.arp_conflicts": CountedNoun(vi: "xung đột ARP", en: "ARP conflict"),
        "lan.credentials": CountedNoun(
            vi: "thông tin đăng nhập gửi qua mạng", en: "credential seen on the network",
            plural: "credentials seen on the network"),
        "lan.dhcp_servers": CountedNoun(vi: "máy chủ DHCP", en: "DHCP server"),
        "lan.services": CountedNoun(vi: "dịch vụ mạng", en: "network service"),
        "lan.protocols_seen": CountedNoun(vi: "giao thức", en: "protocol"),
        "lan.hosts": CountedNoun(vi: "máy", en: "host"),
        "tls.endpoints": CountedNoun(vi: "điểm TLS", en: "TLS endpoint"),
        "tls.certificates": CountedNoun(vi: "chứng thư số", en: "certificate"),
        "windows.bitlocker_volumes": CountedNoun(vi: "ổ đĩa BitLocker", en: "BitLocker volume"),
        "windows.firewall_profiles": CountedNoun(vi: "cấu hình tường lửa", en: "firewall profile"),
        "updates.pending": CountedNoun(vi: "bản cập nhật đang chờ", en: "pending update"),
        "accounts.accounts": account,
        "antivirus.products": antivirus,
        "listeners.sockets": socket,
    ]

    /// The noun of the list at `path`; `mục trong <path>` / `item(s) in <path>` for a list without one.
    static func list(_ path: String) -> CountedNoun {
        lists[path] ?? CountedNoun(vi: "mục trong \(path)", en: "item in \(path)", plural: "items in \(path)")
    }
}
