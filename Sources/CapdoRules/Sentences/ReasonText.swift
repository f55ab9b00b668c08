import CapdoCore

/// Why a check could not be judged, in words: which facts were not collected (and how to collect them), which
/// collector could not look. Collector messages themselves stay as the collector wrote them (they name files).
enum ReasonText {
    /// Plain names of the fact sections a rule may find missing, with how to collect them where that is an option.
    static let sections: [String: LocalizedText] = [
        "accounts": LocalizedText(vi: "danh sách tài khoản", en: "the account list"),
        "accounts.shadow": LocalizedText(
            vi: "tệp etc/shadow (không đọc được, cần quyền root)", en: "etc/shadow (unreadable; needs root)"),
        "antivirus": LocalizedText(vi: "phần mềm chống mã độc", en: "anti-malware status"),
        "backup": LocalizedText(vi: "cấu hình sao lưu", en: "backup configuration"),
        "config.sysctl_runtime": LocalizedText(
            vi: "tham số nhân đang áp dụng (/proc/sys; không đọc được khi quét một thư mục gốc ngoại tuyến)",
            en: "kernel parameters in force (/proc/sys; not readable when scanning an offline root)"),
        "evidence": LocalizedText(
            vi: "thư mục hồ sơ (đặt --evidence hoặc evidence: trong capdo.yaml)",
            en: "the evidence folder (set --evidence, or evidence: in capdo.yaml)"),
        "files": LocalizedText(vi: "thông tin các tệp", en: "file metadata"),
        "lan": LocalizedText(
            vi: "dữ liệu mạng LAN (chưa có bản ghi gói tin: chạy capdo lan hoặc dùng --pcap)",
            en: "LAN data (no capture: run capdo lan or pass --pcap)"),
        "listeners": LocalizedText(vi: "các cổng đang lắng nghe", en: "listening sockets"),
        "logs": LocalizedText(vi: "nhật ký hệ thống", en: "system logs"),
        "packages": LocalizedText(vi: "danh sách gói phần mềm", en: "the package list"),
        "services": LocalizedText(vi: "danh sách dịch vụ", en: "the service list"),
        "system": LocalizedText(vi: "thông tin hệ điều hành", en: "operating-system details"),
        "tls": LocalizedText(
            vi: "dữ liệu TLS (chưa kiểm tra điểm TLS nào: dùng --tls HOST:PORT)",
            en: "TLS data (no endpoint probed: pass --tls HOST:PORT)"),
        "updates": LocalizedText(vi: "thông tin cập nhật", en: "update status"),
        "windows": LocalizedText(vi: "thông tin Windows", en: "Windows details"),
    ]

    /// The plain name of a section or path (`config.sshd` → "cấu hình sshd"), or the path itself.
    static func section(_ key: String) -> LocalizedText {
        if let name = sections[key] { return name }
        if key.hasPrefix("config.") {
            let source = key.dropFirst("config.".count)
            return LocalizedText(vi: "cấu hình \(source)", en: "the \(source) configuration")
        }
        return LocalizedText(key)
    }

    /// `chưa thu thập: <section>` / `not collected: <section>`.
    static func notCollected(_ key: String) -> LocalizedText {
        let name = section(key)
        return LocalizedText(vi: "chưa thu thập: \(name.vi)", en: "not collected: \(name.en)")
    }

    /// Collector messages, the same in both languages (they quote files and tools).
    static func issues(_ messages: [String]) -> LocalizedText {
        LocalizedText(messages.joined(separator: "; "))
    }

    static func undefinedVariable(_ name: String) -> LocalizedText {
        LocalizedText(
            vi: "biến hồ sơ '\(name)' chưa được định nghĩa", en: "profile variable '\(name)' is not defined")
    }

    static func unknownResource(_ name: String) -> LocalizedText {
        LocalizedText(vi: "loại tài nguyên '\(name)' không tồn tại", en: "unknown resource '\(name)'")
    }

    /// A parser could not decide from what it read (`LABEL=data (/srv)` at `etc/fstab:2`).
    static func undetermined(_ what: String, at location: String) -> LocalizedText {
        let place = location.isEmpty ? "" : " (\(location))"
        return LocalizedText(
            vi: "không xác định được từ tệp cấu hình: \(what)\(place); cần quét máy đang chạy",
            en: "cannot be determined from the configuration files: \(what)\(place); needs a scan of the running host")
    }

    static func fileNotExamined(_ path: String) -> LocalizedText {
        LocalizedText(vi: "tệp \(path) chưa được xem xét", en: "file \(path) was not examined")
    }

    static func fileMissing(_ path: String) -> LocalizedText {
        LocalizedText(vi: "tệp \(path) không tồn tại", en: "file \(path) does not exist")
    }
}

extension Outcome {
    /// An unknown outcome whose reason is collector messages (the same in both languages).
    static func unknown(issues messages: [String], error: Bool) -> Outcome {
        .unknown(reason: ReasonText.issues(messages), error: error)
    }
}
