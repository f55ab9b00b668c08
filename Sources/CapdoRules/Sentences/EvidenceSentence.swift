import CapdoCore

/// The evidence of one check as a sentence in Vietnamese and English: what was found, where, and what the rule
/// requires (`Thiết lập minlen của pwquality là “8” (etc/security/pwquality.conf:11) (yêu cầu: tối thiểu 8)`).
/// One template per resource kind (this file and its extensions); the requirement half comes from `MatcherPhrase`.
/// Host strings go in as they are: every report format escapes the whole sentence.
enum EvidenceSentence {
    /// Where a setting's value came from.
    enum SettingOrigin: Equatable {
        /// Set in a file (the location names it).
        case file
        /// Not set in any file: the program's built-in default is in force.
        case builtInDefault
        /// Not set: the rule's `default:` stands in for it.
        case ruleDefault
        /// Not set; `looked` names the files searched.
        case notSet(looked: String)
        /// The source has no configuration file at all.
        case noFile
    }

    /// What a check is about, for sentences that cannot say what was found (`Thiết lập minlen của pwquality`).
    static func subject(_ check: ResourceCheck) -> LocalizedText {
        let selector = check.selector
        func text(_ key: String) -> String { selector[key]?.stringValue ?? "" }
        switch check.kind.rawValue {
        case "config":
            return LocalizedText(
                vi: "Thiết lập \(text("key")) của \(text("source"))", en: "The \(text("source")) setting \(text("key"))"
            )
        case "file": return LocalizedText(vi: "Tệp \(text("path"))", en: "File \(text("path"))")
        case "package", "service":
            let names = selector["names"]?.arrayValue?.compactMap(\.stringValue) ?? [text("name")]
            let list = names.joined(separator: ", ")
            let package = check.kind.rawValue == "package"
            return LocalizedText(
                vi: "\(package ? "Gói" : "Dịch vụ") \(list)",
                en: "\(package ? "Package" : "Service")\(names.count == 1 ? "" : "s") \(list)")
        case "port":
            let ports = ([selector["port"]].compactMap { $0 } + (selector["ports"]?.arrayValue ?? [])).map(\.display)
            return portsSubject(protocol: selector["protocol"]?.stringValue ?? "tcp", ports: ports)
        case "account": return LocalizedText(vi: "Danh sách tài khoản", en: "The account list")
        case "antivirus": return LocalizedText(vi: "Phần mềm chống mã độc", en: "Anti-malware status")
        case "items":
            let noun = CountedNoun.list(text("path"))
            return LocalizedText(vi: "Danh sách \(noun.vi)", en: "The list of \(noun.plural)")
        case "fact": return LocalizedText(vi: "Giá trị \(text("path"))", en: "The value \(text("path"))")
        case "evidence":
            let items = selector["item"]?.arrayValue?.compactMap(\.stringValue) ?? [text("item")]
            return LocalizedText(
                vi: "Hồ sơ cho mục \(items.joined(separator: ", "))",
                en: "Evidence documents for item\(items.count == 1 ? "" : "s") \(items.joined(separator: ", "))")
        case "system":
            return LocalizedText(
                vi: "Thông tin hệ điều hành (\(text("field")))", en: "Operating-system field \(text("field"))")
        default: return LocalizedText(check.kind.rawValue)
        }
    }

    /// A check that could not be judged: its subject, then why (`… — chưa thu thập: danh sách gói phần mềm`).
    static func unknown(_ subject: LocalizedText, reason: LocalizedText) -> LocalizedText {
        LocalizedText(vi: "\(subject.vi) — \(reason.vi)", en: "\(subject.en) — \(reason.en)")
    }

    /// One setting of a configuration source.
    static func setting(
        source: String, key: String, value: FactValue?, origin: SettingOrigin, location: String?,
        requirement: LocalizedText
    ) -> LocalizedText {
        let shown = Wording.quoted(value)
        let observation: LocalizedText
        switch origin {
        case .file:
            observation = LocalizedText(
                vi: "Thiết lập \(key) của \(source) là \(shown.vi)\(Wording.place(location))",
                en: "The \(source) setting \(key) is \(shown.en)\(Wording.place(location))")
        case .builtInDefault:
            observation = LocalizedText(
                vi: "Thiết lập \(key) của \(source) không đặt trong tệp nào, giá trị mặc định là \(shown.vi)",
                en: "The \(source) setting \(key) is not set in any file; its built-in default is \(shown.en)")
        case .ruleDefault:
            observation = LocalizedText(
                vi: "Thiết lập \(key) của \(source) không đặt; theo quy tắc, giá trị mặc định là \(shown.vi)",
                en: "The \(source) setting \(key) is not set; the rule takes its default, \(shown.en)")
        case .notSet(let looked):
            observation = LocalizedText(
                vi: "Thiết lập \(key) của \(source) không được đặt (đã xem: \(looked))",
                en: "The \(source) setting \(key) is not set (looked in \(looked))")
        case .noFile:
            observation = LocalizedText(
                vi: "Không có tệp cấu hình \(source) nào, nên \(key) không được đặt",
                en: "There is no \(source) configuration file, so \(key) is not set")
        }
        return Wording.withRequirement(observation, requirement)
    }

    /// Names of the facts rules read with `fact:`; a path without one is shown as it is.
    static let factLabels: [String: LocalizedText] = [
        "accounts.shadow_readable": LocalizedText(vi: "Đọc được tệp etc/shadow", en: "etc/shadow readable"),
        "config.sysctl_runtime": LocalizedText(
            vi: "Tham số nhân đang áp dụng (/proc/sys)", en: "Kernel parameters in force (/proc/sys)"),
        "backup.newest_artefact_time": LocalizedText(vi: "Bản sao lưu mới nhất", en: "Newest backup"),
        "lan.counters.packets": LocalizedText(vi: "Số gói tin đã ghi", en: "Packets captured"),
        "lan.scan.port_ranges": LocalizedText(vi: "Dải cổng đã quét", en: "Port ranges scanned"),
        "lan.segment": LocalizedText(vi: "Phân đoạn mạng", en: "Network segment"),
        "logs.auth.oldest_entry": LocalizedText(
            vi: "Bản ghi cũ nhất của nhật ký xác thực", en: "Oldest authentication log entry"),
        "logs.journal.oldest_entry": LocalizedText(vi: "Bản ghi cũ nhất của journal", en: "Oldest journal entry"),
        "updates.lists_date": LocalizedText(vi: "Ngày làm mới danh sách gói", en: "Package lists refreshed"),
        "windows.autorun_disabled": LocalizedText(vi: "Tắt AutoRun", en: "AutoRun disabled"),
        "windows.last_hotfix": LocalizedText(vi: "Bản vá gần nhất", en: "Last hotfix"),
        "windows.rdp_enabled": LocalizedText(vi: "Bật Remote Desktop", en: "Remote Desktop enabled"),
        "windows.rdp_nla": LocalizedText(vi: "Remote Desktop yêu cầu NLA", en: "Remote Desktop requires NLA"),
        "windows.screen_lock_seconds": LocalizedText(
            vi: "Thời gian chờ khóa màn hình (giây)", en: "Screen lock timeout (seconds)"),
        "windows.security_log_max_bytes": LocalizedText(
            vi: "Dung lượng tối đa của nhật ký Security (byte)", en: "Security log maximum size (bytes)"),
        "windows.smb1_enabled": LocalizedText(vi: "Bật SMB1", en: "SMB1 enabled"),
    ]

    /// A value at a dotted path of the facts (`Bản ghi cũ nhất của journal: 02/11/2026`).
    static func fact(path: String, value: FactValue?, location: String?, requirement: LocalizedText) -> LocalizedText {
        let label = factLabels[path] ?? LocalizedText(path)
        let date = value?.stringValue.flatMap { $0.count >= 10 && $0.contains("-") ? CapdoDate.parse($0) : nil }
        // A whole section (an object) is only said to be there: its contents are other rules' evidence.
        let shown =
            value?.objectValue != nil
            ? LocalizedText(vi: "đã thu thập", en: "collected") : date.map(Wording.day) ?? Wording.quoted(value)
        let observation =
            value == nil || value?.isNull == true
            ? LocalizedText(
                vi: "\(label.vi): không có giá trị\(Wording.place(location))",
                en: "\(label.en): no value\(Wording.place(location))")
            : LocalizedText(
                vi: "\(label.vi): \(shown.vi)\(Wording.place(location))",
                en: "\(label.en): \(shown.en)\(Wording.place(location))")
        return Wording.withRequirement(observation, requirement)
    }

    /// A field of the operating-system facts; `os_family` reads as who the rule is for and what this machine is.
    static func system(
        field: String, value: FactValue?, prettyName: String?, matchers: [Matcher], location: String?,
        requirement: LocalizedText
    ) -> LocalizedText {
        guard field == "os_family", let family = value?.stringValue,
            let wanted = matchers.first(where: { $0.op == .in || $0.op == .equals }), matchers.count == 1
        else {
            let observation = LocalizedText(
                vi: "Trường \(field) của hệ điều hành là \(Wording.quoted(value).vi)\(Wording.place(location))",
                en: "The operating-system field \(field) is \(Wording.quoted(value).en)\(Wording.place(location))")
            return Wording.withRequirement(observation, requirement)
        }
        let families = (wanted.operand.arrayValue ?? [wanted.operand]).compactMap(\.stringValue).map(familyName)
        let ruleFor = Wording.list(families)
        let machine = prettyName.map { "\($0) (\(familyName(family)))" } ?? familyName(family)
        let machineVi = prettyName.map { "\($0) (họ \(familyName(family)))" } ?? "họ \(familyName(family))"
        let machineEn = prettyName.map { "\($0) (\(familyName(family)) family)" } ?? "of the \(machine) family"
        return LocalizedText(
            vi: "Quy tắc dành cho máy \(ruleFor.vi); máy này là \(machineVi)",
            en: "The rule is for \(ruleFor.en) machines; this one is \(machineEn)")
    }

    /// `Debian`, `Windows`, `Red Hat (RHEL)`: an `os_family` value as people name it.
    static func familyName(_ family: String) -> String {
        switch family.lowercased() {
        case "debian": return "Debian"
        case "ubuntu": return "Ubuntu"
        case "rhel": return "Red Hat (RHEL)"
        case "alpine": return "Alpine"
        case "windows": return "Windows"
        default: return family
        }
    }

    static func portsSubject(protocol proto: String, ports: [String]) -> LocalizedText {
        let listed = ports.prefix(6).joined(separator: ", ") + (ports.count > 6 ? ", …" : "")
        return LocalizedText(
            vi: "Cổng \(proto) \(listed)", en: "\(proto.uppercased()) port\(ports.count == 1 ? "" : "s") \(listed)")
    }
}
