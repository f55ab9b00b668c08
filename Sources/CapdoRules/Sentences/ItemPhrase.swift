import CapdoCore

/// How one matching item of a collection is named in a sentence: an account by its name, a LAN observation by
/// IP:port and packet numbers, a certificate by its name and expiry. Never a raw record, never a secret.
enum ItemPhrase {
    /// Fields never written into a sentence, whatever the collection (a credential's secret or user, a hash).
    static let secretFields: Set<String> = ["secret", "user", "password", "hash", "password_hash", "community"]

    /// The item of the list at `path`, in words.
    static func describe(_ item: FactValue, path: String) -> LocalizedText {
        switch path {
        case "lan.credentials": return credential(item)
        case "lan.dhcp_servers": return dhcpServer(item)
        case "lan.arp_conflicts": return arpConflict(item)
        case "lan.services": return service(item)
        case "lan.protocols_seen": return protocolSeen(item)
        case "tls.endpoints": return LocalizedText(endpoint(item))
        case "tls.certificates": return certificate(item)
        case "backup.jobs": return backupJob(item)
        case "windows.bitlocker_volumes": return volume(item)
        default: return generic(item)
        }
    }

    /// `IP:port`, an IPv6 address in brackets.
    static func endpoint(ip: String, port: FactValue?) -> String {
        let host = ip.contains(":") ? "[\(ip)]" : ip
        guard let port = port?.numberValue else { return host }
        return "\(host):\(FactValue.format(port))"
    }

    /// `gói 3, 7` / `packets 3, 7` (`packet 3` for one), up to five numbers, then how many more.
    static func packets(_ numbers: [Int]) -> LocalizedText {
        guard !numbers.isEmpty else { return LocalizedText("") }
        let shown = numbers.prefix(5).map(String.init).joined(separator: ", ")
        let more = numbers.count > 5 ? " (+\(numbers.count - 5))" : ""
        return LocalizedText(
            vi: "gói \(shown)\(more)", en: "\(CountedNoun.packet.en(numbers.count)) \(shown)\(more)")
    }

    private static func numbers(_ value: FactValue?) -> [Int] {
        if let one = value?.integerValue { return [one] }
        return value?.arrayValue?.compactMap(\.integerValue) ?? []
    }

    private static func text(_ item: FactValue, _ key: String) -> String? { item[key]?.stringValue }

    private static func credential(_ item: FactValue) -> LocalizedText {
        let proto = text(item, "protocol") ?? "?"
        let client = text(item, "client") ?? "?"
        let server = text(item, "server") ?? "?"
        let packet = packets(numbers(item["packet"]))
        let byDefault = item["default_secret"]?.boolValue == true
        return LocalizedText(
            vi: "\(proto) từ \(client) tới \(server), \(packet.vi)"
                + (byDefault ? ", dùng chuỗi bí mật mặc định (đã che)" : ", thông tin đã che"),
            en: "\(proto) from \(client) to \(server), \(packet.en)"
                + (byDefault ? ", a default secret (redacted)" : ", redacted"))
    }

    private static func dhcpServer(_ item: FactValue) -> LocalizedText {
        let ip = text(item, "ip") ?? "?"
        let mac = text(item, "mac").map { " (MAC \($0))" } ?? ""
        let offers = item["offers"]?.integerValue ?? 0
        let acks = item["acks"]?.integerValue ?? 0
        let packet = packets(numbers(item["packets"]))
        return LocalizedText(
            vi: "\(ip)\(mac): \(offers) lần đề nghị (offer), \(acks) lần xác nhận (ack), \(packet.vi)",
            en:
                "\(ip)\(mac): \(offers) offer\(offers == 1 ? "" : "s"), \(acks) ack\(acks == 1 ? "" : "s"), \(packet.en)"
        )
    }

    private static func arpConflict(_ item: FactValue) -> LocalizedText {
        let ip = text(item, "ip") ?? "?"
        let macs = item["macs"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let packet = packets(numbers(item["packets"]))
        let list = Wording.list(macs, and: true)
        return LocalizedText(
            vi: "\(ip) được \(macs.count) địa chỉ MAC cùng nhận: \(list.vi) (\(packet.vi))",
            en: "\(ip) claimed by \(macs.count) MAC addresses: \(list.en) (\(packet.en))")
    }

    private static func service(_ item: FactValue) -> LocalizedText {
        let place = endpoint(ip: text(item, "ip") ?? "?", port: item["port"])
        let proto = text(item, "protocol") ?? "tcp"
        let name = text(item, "name").map { " (\($0))" } ?? ""
        let packet = packets(numbers(item["packets"]))
        return LocalizedText(vi: "\(place)/\(proto)\(name), \(packet.vi)", en: "\(place)/\(proto)\(name), \(packet.en)")
    }

    private static func protocolSeen(_ item: FactValue) -> LocalizedText {
        let proto = text(item, "protocol") ?? "?"
        let count = item["packets"]?.integerValue ?? 0
        let first = item["first_packet"]?.integerValue.map(String.init) ?? "?"
        let noun = CountedNoun.packet.counted(count)
        return LocalizedText(
            vi: "\(proto): \(noun.vi), gói đầu tiên số \(first)", en: "\(proto): \(noun.en), first packet \(first)")
    }

    private static func endpoint(_ item: FactValue) -> String {
        let place = endpoint(ip: text(item, "host") ?? text(item, "name") ?? "?", port: item["port"])
        return place
    }

    private static func certificate(_ item: FactValue) -> LocalizedText {
        let name = text(item, "name") ?? text(item, "subject") ?? "?"
        guard let expiry = text(item, "not_after").flatMap(CapdoDate.parse) else { return LocalizedText(name) }
        let day = Wording.day(expiry)
        return LocalizedText(vi: "\(name) (hết hạn \(day.vi))", en: "\(name) (expires \(day.en))")
    }

    private static func backupJob(_ item: FactValue) -> LocalizedText {
        let tool = text(item, "tool") ?? "?"
        let schedule = [text(item, "scheduler"), text(item, "schedule")].compactMap { $0 }.joined(separator: " ")
        let target = text(item, "target")
        return LocalizedText(
            vi: tool + (schedule.isEmpty ? "" : " (\(schedule))") + (target.map { " → \($0)" } ?? ""),
            en: tool + (schedule.isEmpty ? "" : " (\(schedule))") + (target.map { " → \($0)" } ?? ""))
    }

    private static func volume(_ item: FactValue) -> LocalizedText {
        let mount = text(item, "mount_point") ?? "?"
        let on = item["protection_on"]?.boolValue == true
        return LocalizedText(
            vi: "ổ \(mount) (\(on ? "đang bật bảo vệ" : "chưa bật bảo vệ"))",
            en: "volume \(mount) (protection \(on ? "on" : "off"))")
    }

    /// An item of any other list: an anti-malware product, a name, a tool, a socket; else its fields without
    /// secrets, as `field value` pairs.
    private static func generic(_ item: FactValue) -> LocalizedText {
        if item["product"] != nil, let name = text(item, "name") { return product(item, name: name) }
        if let name = text(item, "name") { return LocalizedText(name) }
        if let tool = text(item, "tool") { return LocalizedText(tool) }
        if item["port"]?.numberValue != nil { return LocalizedText(PortResolver.describeSocket(item)) }
        guard let members = item.objectValue else { return Wording.value(item) }
        let pairs = members.filter { !secretFields.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key) \(Wording.value($0.value).en)" }
        return LocalizedText(pairs.joined(separator: ", "))
    }

    private static func product(_ item: FactValue, name: String) -> LocalizedText {
        let signatures = text(item, "signature_time").flatMap(CapdoDate.parse).map(Wording.day)
        let realTime = item["real_time"]?.boolValue
        let vi = [
            signatures.map { "mẫu nhận diện ngày \($0.vi)" } ?? "chưa rõ ngày mẫu nhận diện",
            realTime.map { $0 ? "bật bảo vệ thời gian thực" : "tắt bảo vệ thời gian thực" }
                ?? "chưa rõ bảo vệ thời gian thực",
        ]
        let en = [
            signatures.map { "signatures of \($0.en)" } ?? "signature date unknown",
            realTime.map { $0 ? "real-time protection on" : "real-time protection off" }
                ?? "real-time protection unknown",
        ]
        return LocalizedText(
            vi: "\(name) (\(vi.joined(separator: ", ")))", en: "\(name) (\(en.joined(separator: ", ")))")
    }
}
