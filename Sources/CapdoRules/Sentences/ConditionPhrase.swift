import CapdoCore

/// One condition of a `where:` in words, fitted to follow the noun it selects (`tài khoản có mật khẩu rỗng`,
/// `accounts with an empty password`).
enum ConditionPhrase {
    /// Field names as people say them.
    static let labels: [String: LocalizedText] = [
        "password": LocalizedText(vi: "mật khẩu", en: "password"),
        "uid": LocalizedText("UID"),
        "name": LocalizedText(vi: "tên", en: "name"),
        "max_days": LocalizedText(vi: "hạn đổi mật khẩu (ngày)", en: "password maximum age (days)"),
        "last_login": LocalizedText(vi: "lần đăng nhập cuối", en: "last login"),
        "last_change": LocalizedText(vi: "lần đổi mật khẩu cuối", en: "last password change"),
        "signature_time": LocalizedText(vi: "ngày của mẫu nhận diện", en: "signature date"),
        "product": LocalizedText(vi: "sản phẩm", en: "product"),
        "last_update_error": LocalizedText(vi: "lỗi cập nhật gần nhất", en: "a last update error"),
        "last_full_scan": LocalizedText(vi: "lần quét toàn bộ gần nhất", en: "last full scan"),
        "port": LocalizedText(vi: "cổng", en: "port"),
        "protocol": LocalizedText(vi: "giao thức", en: "protocol"),
        "published": LocalizedText(vi: "ngày phát hành", en: "publication date"),
        "weak_suites_accepted": LocalizedText(vi: "bộ mã yếu được chấp nhận", en: "weak cipher suites accepted"),
        "error": LocalizedText(vi: "lỗi kết nối", en: "a connection error"),
        "not_after": LocalizedText(vi: "ngày hết hạn", en: "expiry date"),
        "not_before": LocalizedText(vi: "ngày bắt đầu hiệu lực", en: "start of validity"),
        "signature_hash": LocalizedText(vi: "hàm băm của chữ ký", en: "signature hash"),
        "key_type": LocalizedText(vi: "loại khóa", en: "key type"),
        "key_bits": LocalizedText(vi: "độ dài khóa (bit)", en: "key length (bits)"),
        "accepted_protocols": LocalizedText(vi: "giao thức được chấp nhận", en: "accepted protocols"),
        "target": LocalizedText(vi: "đích sao lưu", en: "a backup target"),
        "volume_type": LocalizedText(vi: "loại ổ", en: "volume type"),
        "default_inbound": LocalizedText(vi: "hành động mặc định cho kết nối vào", en: "default inbound action"),
    ]

    /// Yes/no fields: the phrase when true, then when false, in each language.
    static let flags: [String: (vi: (String, String), en: (String, String))] = [
        "interactive": (
            ("đăng nhập tương tác được", "không đăng nhập tương tác"),
            ("that can log in interactively", "that cannot log in interactively")
        ),
        "system": (
            ("là tài khoản hệ thống", "không phải tài khoản hệ thống"),
            ("that are system accounts", "that are not system accounts")
        ),
        "security": (("là bản vá bảo mật", "không phải bản vá bảo mật"), ("security", "not security")),
        "enabled": (("đang bật", "đang tắt"), ("enabled", "disabled")),
        "real_time": (
            ("bật bảo vệ thời gian thực", "tắt bảo vệ thời gian thực"),
            ("with real-time protection on", "with real-time protection off")
        ),
        "default_secret": (
            ("dùng chuỗi bí mật mặc định", "không dùng chuỗi bí mật mặc định"),
            ("using a default secret", "not using a default secret")
        ),
        "hostname_matches": (
            ("khớp tên máy chủ", "không khớp tên máy chủ"), ("matching the host name", "not matching the host name")
        ),
        "chain_verified": (
            ("có chuỗi chứng thư xác minh được", "có chuỗi chứng thư không xác minh được"),
            ("with a verified chain", "with an unverified chain")
        ),
        "self_signed": (("tự ký", "không tự ký"), ("self-signed", "not self-signed")),
        "is_ca": (("là chứng thư CA", "không phải chứng thư CA"), ("a CA", "not a CA")),
        "protection_on": (("đang bật bảo vệ", "chưa bật bảo vệ"), ("with protection on", "with protection off")),
        "signature_up_to_date": (
            ("có mẫu nhận diện mới", "có mẫu nhận diện chưa cập nhật"),
            ("with up-to-date signatures", "with outdated signatures")
        ),
    ]

    /// Fields whose presence (`exists: true` / `false`) has its own words: set, then not set, in each language.
    static let presence: [String: (vi: (String, String), en: (String, String))] = [
        "last_login": (("đã từng đăng nhập", "chưa từng đăng nhập"), ("that have logged in", "that never logged in")),
        "max_days": (
            ("có đặt hạn đổi mật khẩu", "không đặt hạn đổi mật khẩu"),
            ("with a password maximum age", "without a password maximum age")
        ),
        "last_update_error": (
            ("có lỗi cập nhật", "không có lỗi cập nhật"), ("with an update error", "without an update error")
        ),
        "target": (("có đích sao lưu", "không có đích sao lưu"), ("with a backup target", "without a backup target")),
        "error": (
            ("gặp lỗi kết nối", "không gặp lỗi kết nối"), ("with a connection error", "without a connection error")
        ),
        "signature_time": (
            ("có ngày của mẫu nhận diện", "không rõ ngày của mẫu nhận diện"),
            ("with a signature date", "without a signature date")
        ),
    ]

    /// Field values with a phrase of their own.
    static let values: [String: LocalizedText] = [
        "password=empty": LocalizedText(vi: "có mật khẩu rỗng", en: "with an empty password"),
        "password=set": LocalizedText(vi: "có đặt mật khẩu", en: "with a password set"),
        "password=locked": LocalizedText(vi: "bị khóa mật khẩu", en: "with a locked password"),
    ]

    /// The conditions of a `where:` joined (`có UID 0, có tên khác root`); empty without conditions.
    static func conditions(_ conditions: [(field: String, phrase: LocalizedText)]) -> LocalizedText {
        Wording.joined(conditions.map(\.phrase), separator: ", ")
    }

    /// One condition; `spec` is resolved (profile variables filled in), `requirement` the matcher phrase of it.
    static func phrase(field: String, spec: FactValue, requirement: LocalizedText) -> LocalizedText {
        let scalar = spec.objectValue == nil ? spec : (spec["equals"] ?? spec["in"])
        let single = spec.objectValue == nil || spec.objectValue?.count == 1
        if single, let scalar {
            if let flag = flags[field], let truth = scalar.boolValue, scalar.arrayValue == nil {
                return LocalizedText(vi: truth ? flag.vi.0 : flag.vi.1, en: truth ? flag.en.0 : flag.en.1)
            }
            if let text = scalar.stringValue, let phrase = values["\(field)=\(text)"] { return phrase }
            let label = labels[field] ?? LocalizedText(field)
            let shown = Wording.value(scalar)
            return LocalizedText(vi: "có \(label.vi) \(shown.vi)", en: "with \(label.en) \(shown.en)")
        }
        let label = labels[field] ?? LocalizedText(field)
        if single, let exists = spec["exists"]?.boolValue {
            if let words = presence[field] {
                return LocalizedText(vi: exists ? words.vi.0 : words.vi.1, en: exists ? words.en.0 : words.en.1)
            }
            return exists
                ? LocalizedText(vi: "có \(label.vi)", en: "with \(label.en)")
                : LocalizedText(vi: "không có \(label.vi)", en: "without \(label.en)")
        }
        return LocalizedText(vi: "có \(label.vi) \(requirement.vi)", en: "with \(label.en) \(requirement.en)")
    }
}
