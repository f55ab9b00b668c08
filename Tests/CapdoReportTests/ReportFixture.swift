import CapdoCore
import Foundation

/// The fixed scan every report test renders: two hosts, every status and severity, a waiver in force and an
/// expired one, Vietnamese text with diacritics, and hostile host-derived strings.
enum ReportFixture {
    /// The inputs the escaping tests push through every format.
    static let hostileInputs = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "| injected | cell |",
        "[link](javascript:alert(1))",
        "dòng một\ndòng hai\r\n| x | y |\n# tiêu đề",
    ]

    static func date(_ text: String) -> Date {
        guard let date = CapdoDate.parse(text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    static let server = "srv-01.lechan.local"
    static let workstation = "pc-motcua-01"

    static func scan() -> ScanResult {
        ScanResult(
            scanner: ScannerInfo(name: "capdo", version: "0.1.0-test"),
            startedAt: date("2026-11-29T03:10:40Z"), finishedAt: date("2026-11-29T03:12:05Z"),
            organisation: Organisation(
                name: "Ủy ban nhân dân phường Lê Chân", department: "Phòng Văn hóa – Xã hội",
                address: "Lê Chân, Hải Phòng", system: "Hệ thống thông tin nội bộ UBND phường"),
            profile: ProfileInfo(
                id: "level2", title: LocalizedText(vi: "Cấp độ 2 (mặc định)", en: "Level 2 (default)"),
                variables: [
                    VariableUse(
                        name: "password_min_length", value: "8", source: "TCVN14423",
                        description: LocalizedText(vi: "Độ dài mật khẩu tối thiểu", en: "Minimum password length")),
                    VariableUse(
                        name: "av_signature_max_age_days", value: "1", source: "proposal",
                        description: LocalizedText(vi: "Tuổi tối đa của mẫu nhận diện mã độc", en: "AV signature age")),
                    VariableUse(name: "log_retention_days", value: "30", source: "TCVN14423"),
                ]),
            ruleSet: RuleSetInfo(
                version: "2026.11.0", ruleCount: 42,
                digest: "3f1c9a0e5b7d2c4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5"),
            hosts: [serverHost(), workstationHost()],
            controls: controls(),
            waivers: [
                WaiverStatus(
                    waiver: Waiver(
                        rule: "srv.auth.ssh_root_login_disabled", hosts: [workstation],
                        justification: "Phần mềm một cửa cũ cần đăng nhập root <b>tạm thời</b>",
                        approvedBy: "Trần Thị Bình", issued: date("2026-05-02"), expires: date("2026-10-31"),
                        location: CapdoCore.SourceLocation(file: "waivers.yaml", line: 9)),
                    expired: true, applied: 0),
                WaiverStatus(
                    waiver: Waiver(
                        rule: "srv.access.ssh_idle_timeout", hosts: [server],
                        justification: "Phiên sao lưu đêm cần giữ kết nối | tạm thời đến khi đổi công cụ",
                        approvedBy: "Nguyễn Văn An, Trưởng phòng Văn hóa – Xã hội", issued: date("2026-09-01"),
                        expires: date("2027-03-31"), ticket: "VHXH-2026-014",
                        location: CapdoCore.SourceLocation(file: "waivers.yaml", line: 2)),
                    expired: false, applied: 1),
            ])
    }
}

private extension ReportFixture {
    static func ref(_ item: String, _ tcvn: String, new: String? = nil, decree: String? = nil) -> RequirementRef {
        RequirementRef(tt12: item, tcvn11930: tcvn, tcvn14423: new, nd331: decree)
    }

    static func control(
        _ section: String, _ id: String, _ group: RequirementGroup, vi: String, en: String, tcvn: String?,
        new: Bool = false, coverage: ControlItem.Coverage = .automated, rules: [String]
    ) -> ControlItem {
        ControlItem(
            id: id, section: section, group: group, title: LocalizedText(vi: vi, en: en), tcvn11930: tcvn,
            newAtLevel2: new, coverage: coverage, rules: rules)
    }

    static func controls() -> [ControlItem] {
        [
            control(
                "I", "1.5.4", .management, vi: "Quản lý sự cố an toàn thông tin", en: "Incident management",
                tcvn: "6.1.5.4", new: true, coverage: .manual, rules: ["mgmt.incident.response_plan"]),
            control(
                "II.1", "1.a", .network, vi: "Phân vùng mạng", en: "Network zoning", tcvn: nil, coverage: .partial,
                rules: []),
            control(
                "II.2", "1.2.1", .server, vi: "Xác thực", en: "Authentication", tcvn: "6.2.2.1",
                rules: ["srv.auth.ssh_root_login_disabled", "srv.auth.password_min_length"]),
            control(
                "II.2", "1.2.2", .server, vi: "Kiểm soát truy cập", en: "Access control", tcvn: "6.2.2.2",
                rules: ["srv.access.no_telnet", "srv.access.ssh_idle_timeout"]),
            control(
                "II.2", "1.2.3", .server, vi: "Nhật ký hệ thống", en: "System logs", tcvn: "6.2.2.3",
                rules: ["srv.log.retention"]),
            control(
                "II.2", "1.2.4", .server, vi: "Phòng chống xâm nhập", en: "Intrusion prevention", tcvn: "6.2.2.4",
                rules: ["srv.ids.firewall_enabled", "srv.ids.security_updates"]),
            control(
                "II.2", "1.2.5", .server, vi: "Phòng chống phần mềm độc hại", en: "Anti-malware", tcvn: "6.2.2.5",
                rules: ["srv.av.signatures_fresh"]),
            control(
                "II.2", "1.2.6", .server, vi: "Xử lý máy chủ khi chuyển giao", en: "Server hand-over",
                tcvn: "6.2.2.6", new: true, coverage: .partial, rules: ["srv.disposal.disk_encryption"]),
            control(
                "II.2", "1.3.4", .application, vi: "An toàn ứng dụng và mã nguồn", en: "Application and code security",
                tcvn: "6.2.3.4", new: true, rules: ["app.web.security_headers"]),
            control(
                "II.2", "1.4.2", .data, vi: "Sao lưu dự phòng", en: "Backup", tcvn: "6.2.4.2",
                rules: ["data.backup.recent"]),
        ]
    }

    // swiftlint:disable:next function_parameter_count
    static func finding(
        _ rule: String, _ host: String, _ ref: RequirementRef, _ group: RequirementGroup, _ severity: Severity,
        _ status: FindingStatus, vi: String, en: String, reason: LocalizedText? = nil, evidence: [Evidence] = [],
        fixVi: String, fixEn: String, source: String = "proposal", line: Int, waiver: AppliedWaiver? = nil
    ) -> Finding {
        Finding(
            ruleID: rule, host: host, title: LocalizedText(vi: vi, en: en), requirement: ref, group: group,
            severity: severity, status: status, reason: reason, evidence: evidence,
            remediation: LocalizedText(vi: fixVi, en: fixEn), thresholdSource: source,
            ruleLocation: "Rules/level2/\(group.rawValue)/\(ref.item).yaml:\(line)", waiver: waiver)
    }

    static let rootLogin = (vi: "Không cho phép đăng nhập root qua SSH", en: "SSH root login is disabled")
    static let rootLoginFix = (
        vi: "Đặt 'PermitRootLogin no' trong /etc/ssh/sshd_config và nạp lại sshd.",
        en: "Set 'PermitRootLogin no' in /etc/ssh/sshd_config and reload sshd."
    )

    static func serverHost() -> HostResult {
        let auth = ref("II.2 1.2.1", "6.2.2.1", new: "4.6")
        return HostResult(
            host: server, root: "/", live: true, os: "Debian GNU/Linux 12 (bookworm)", kernel: "6.1.0-27-amd64",
            collectedAt: date("2026-11-29T03:10:41Z"), packageCount: 612,
            findings: [
                finding(
                    "srv.auth.ssh_root_login_disabled", server, auth, .server, .critical, .fail, vi: rootLogin.vi,
                    en: rootLogin.en,
                    evidence: [
                        Evidence(
                            subject: "config sshd: permitrootlogin", expected: "in [no, prohibit-password]",
                            found: "yes", location: "etc/ssh/sshd_config:33", outcome: .fail)
                    ], fixVi: rootLoginFix.vi, fixEn: rootLoginFix.en, line: 4),
                finding(
                    "srv.auth.password_min_length", server, auth, .server, .high, .warn,
                    vi: "Mật khẩu dài tối thiểu 8 ký tự (14 nếu không có MFA)",
                    en: "Passwords are at least 8 characters (14 without MFA)",
                    reason: LocalizedText(vi: "Đạt 8 ký tự nhưng không có MFA", en: "8 characters but no MFA"),
                    evidence: [
                        Evidence(
                            subject: "config pwquality: minlen", expected: "≥ 14", found: "8",
                            location: "etc/security/pwquality.conf:11", outcome: .fail)
                    ], fixVi: "Đặt minlen = 14 trong /etc/security/pwquality.conf hoặc bật MFA.",
                    fixEn: "Set minlen = 14 in /etc/security/pwquality.conf or enable MFA.", source: "TCVN14423",
                    line: 30),
                finding(
                    "srv.access.ssh_idle_timeout", server, ref("II.2 1.2.2", "6.2.2.2"), .server, .medium, .waived,
                    vi: "Phiên SSH tự ngắt sau 900 giây không hoạt động", en: "Idle SSH sessions end after 900 s",
                    reason: LocalizedText(vi: "Được miễn trừ", en: "Waived"),
                    evidence: [
                        Evidence(
                            subject: "config sshd: clientaliveinterval", expected: "≤ 900 và > 0", found: "0",
                            location: "default", outcome: .fail)
                    ], fixVi: "Đặt ClientAliveInterval 300 và ClientAliveCountMax 3.",
                    fixEn: "Set ClientAliveInterval 300 and ClientAliveCountMax 3.", line: 18,
                    waiver: AppliedWaiver(
                        justification: "Phiên sao lưu đêm cần giữ kết nối | tạm thời đến khi đổi công cụ",
                        approvedBy: "Nguyễn Văn An, Trưởng phòng Văn hóa – Xã hội", expires: date("2027-03-31"),
                        expired: false, location: "waivers.yaml:2")),
                finding(
                    "srv.ids.firewall_enabled", server, ref("II.2 1.2.4", "6.2.2.4"), .server, .high, .pass,
                    vi: "Tường lửa máy chủ bật, mặc định chặn kết nối vào",
                    en: "Host firewall on with default-deny inbound",
                    evidence: [
                        Evidence(
                            subject: "service nftables", expected: "active", found: "active",
                            location: "etc/systemd/system/multi-user.target.wants/nftables.service", outcome: .pass)
                    ], fixVi: "Bật nftables với chính sách input drop.",
                    fixEn: "Enable nftables with an input drop policy.",
                    line: 3),
                finding(
                    "srv.ids.security_updates", server, ref("II.2 1.2.4", "6.2.2.4"), .server, .low, .warn,
                    vi: "Không còn bản cập nhật bảo mật tồn đọng quá 30 ngày",
                    en: "No security update pending for more than 30 days",
                    evidence: [
                        Evidence(
                            subject: "packages: pending security updates", expected: "0 gói quá 30 ngày",
                            found: "openssl 3.0.15-1~deb12u1\nlibc6 2.36-9+deb12u9\n[link](javascript:alert(1))",
                            location: "var/lib/apt/lists", outcome: .fail)
                    ], fixVi: "Chạy apt-get update && apt-get upgrade theo lịch bảo trì.",
                    fixEn: "Run apt-get update && apt-get upgrade in the maintenance window.", line: 40),
                finding(
                    "srv.disposal.disk_encryption", server, ref("II.2 1.2.6", "6.2.2.6"), .server, .low, .manual,
                    vi: "Ổ đĩa được mã hóa để có thể xóa an toàn khi chuyển giao",
                    en: "Disks are encrypted so they can be crypto-erased",
                    reason: LocalizedText(
                        vi: "Không thấy LUKS trong /etc/crypttab; cần biên bản xác nhận phương án xóa dữ liệu",
                        en: "No LUKS in /etc/crypttab; attest the data-wipe procedure"),
                    fixVi: "Mã hóa ổ đĩa bằng LUKS hoặc lập biên bản phương án xóa dữ liệu.",
                    fixEn: "Encrypt disks with LUKS or document the wipe procedure.", line: 2),
                finding(
                    "app.web.security_headers", server, ref("II.2 1.3.4", "6.2.3.4", decree: "Đ27"), .application,
                    .info, .warn, vi: "Cổng thông tin gửi các header bảo mật", en: "The portal sends security headers",
                    evidence: [
                        Evidence(
                            subject: "http header X-Frame-Options", expected: "DENY hoặc SAMEORIGIN",
                            found: "(không có)", location: "https://portal.lechan.local/", outcome: .fail)
                    ], fixVi: "Thêm header X-Frame-Options: DENY.", fixEn: "Add the header X-Frame-Options: DENY.",
                    line: 7),
                finding(
                    "data.backup.recent", server, ref("II.2 1.4.2", "6.2.4.2"), .data, .high, .pass,
                    vi: "Có bản sao lưu trong 24 giờ qua", en: "A backup was made in the last 24 hours",
                    evidence: [
                        Evidence(
                            subject: "backup restic: newest snapshot", expected: "≤ 1 ngày", found: "0,4 ngày",
                            location: "/srv/backup/restic", outcome: .pass)
                    ], fixVi: "Kiểm tra tác vụ sao lưu restic.", fixEn: "Check the restic backup job.", line: 5),
                finding(
                    "mgmt.incident.response_plan", server, ref("I 1.5.4", "6.1.5.4", new: "5.3"), .management,
                    .medium, .manual, vi: "Có phương án ứng phó sự cố được phê duyệt",
                    en: "An approved incident response plan exists",
                    reason: LocalizedText(
                        vi: "Chưa có tài liệu trong evidence/1.5.4/", en: "No document in evidence/1.5.4/"),
                    fixVi: "Lập và phê duyệt phương án ứng phó sự cố (báo cáo 24 giờ / 72 giờ).",
                    fixEn: "Write and approve an incident response plan (24 h / 72 h reporting).", line: 1),
            ],
            issues: [
                CollectionIssue(
                    collector: "config.sshd", level: .warning, file: "etc/ssh/sshd_config", line: 12,
                    message: "unknown keyword 'PermitRootLogn' <script>alert(1)</script>")
            ],
            collectors: [
                CollectorRun(id: "config.sshd", milliseconds: 2.5, issues: 1),
                CollectorRun(id: "packages", milliseconds: 40, issues: 0),
            ])
    }

    static func workstationHost() -> HostResult {
        HostResult(
            host: workstation, root: "/mnt/snapshots/pc-motcua-01", live: false, os: "Ubuntu 22.04.4 LTS",
            collectedAt: date("2026-11-28T23:55:00Z"),
            findings: [
                finding(
                    "srv.auth.ssh_root_login_disabled", workstation, ref("II.2 1.2.1", "6.2.2.1", new: "4.6"), .server,
                    .critical, .fail, vi: rootLogin.vi, en: rootLogin.en,
                    reason: LocalizedText(vi: "Miễn trừ đã hết hạn", en: "Waiver expired"),
                    evidence: [
                        Evidence(
                            subject: "config sshd: permitrootlogin", expected: "in [no, prohibit-password]",
                            found: "yes", location: "etc/ssh/sshd_config.d/| injected | cell |.conf:1", outcome: .fail)
                    ], fixVi: rootLoginFix.vi, fixEn: rootLoginFix.en, line: 4,
                    waiver: AppliedWaiver(
                        justification: "Phần mềm một cửa cũ cần đăng nhập root <b>tạm thời</b>",
                        approvedBy: "Trần Thị Bình", expires: date("2026-10-31"), expired: true,
                        location: "waivers.yaml:9")),
                finding(
                    "srv.auth.password_min_length", workstation, ref("II.2 1.2.1", "6.2.2.1", new: "4.6"), .server,
                    .high, .pass, vi: "Mật khẩu dài tối thiểu 8 ký tự (14 nếu không có MFA)",
                    en: "Passwords are at least 8 characters (14 without MFA)",
                    evidence: [
                        Evidence(
                            subject: "config pwquality: minlen", expected: "≥ 14", found: "14",
                            location: "etc/security/pwquality.conf:11", outcome: .pass)
                    ], fixVi: "Đặt minlen = 14.", fixEn: "Set minlen = 14.", source: "TCVN14423", line: 30),
                finding(
                    "srv.access.no_telnet", workstation, ref("II.2 1.2.2", "6.2.2.2"), .server, .high, .fail,
                    vi: "Không có dịch vụ Telnet đang lắng nghe", en: "No Telnet service is listening",
                    evidence: [
                        Evidence(
                            subject: "port tcp/23 banner", expected: "không lắng nghe",
                            found: "<script>alert(1)</script>", location: "0.0.0.0:23", outcome: .fail),
                        Evidence(
                            subject: "package telnetd", expected: "không cài đặt",
                            found: "\"><img src=x onerror=alert(1)>",
                            location: "var/lib/dpkg/status:1204", outcome: .fail),
                    ], fixVi: "Gỡ gói telnetd: apt-get purge telnetd.", fixEn: "Remove telnetd: apt-get purge telnetd.",
                    line: 9),
                finding(
                    "srv.log.retention", workstation, ref("II.2 1.2.3", "6.2.2.3", new: "4.9"), .server, .medium,
                    .error,
                    vi: "Nhật ký xác thực được lưu ít nhất 30 ngày", en: "Authentication logs are kept for 30 days",
                    reason: LocalizedText(
                        vi: "Không đọc được var/log: permission denied. Chạy với quyền root.",
                        en: "Cannot read var/log: permission denied. Run as root."),
                    evidence: [
                        Evidence(
                            subject: "logs: oldest auth log", expected: "≥ 30 ngày", found: "không đọc được",
                            location: "var/log/auth.log", outcome: .unknown)
                    ], fixVi: "Chạy capdo với quyền root.", fixEn: "Run capdo as root.", source: "TCVN14423", line: 12),
                finding(
                    "srv.av.signatures_fresh", workstation, ref("II.2 1.2.5", "6.2.2.5"), .server, .medium, .fail,
                    vi: "Mẫu nhận diện mã độc được cập nhật trong 1 ngày", en: "AV signatures are at most 1 day old",
                    evidence: [
                        Evidence(
                            subject: "antivirus clamav: daily.cvd build time", expected: "≤ 1 ngày", found: "9 ngày",
                            location: "var/lib/clamav/daily.cvd", outcome: .fail)
                    ], fixVi: "Bật freshclam và kiểm tra kết nối tới máy chủ cập nhật.",
                    fixEn: "Enable freshclam and check it can reach the update mirror.", line: 21),
                finding(
                    "data.backup.recent", workstation, ref("II.2 1.4.2", "6.2.4.2"), .data, .high, .notApplicable,
                    vi: "Có bản sao lưu trong 24 giờ qua", en: "A backup was made in the last 24 hours",
                    reason: LocalizedText(
                        vi: "Máy trạm không lưu dữ liệu nghiệp vụ", en: "Workstation holds no business data"),
                    fixVi: "Không cần.", fixEn: "None needed.", line: 5),
                finding(
                    "app.web.security_headers", workstation, ref("II.2 1.3.4", "6.2.3.4", decree: "Đ27"), .application,
                    .info, .notApplicable, vi: "Cổng thông tin gửi các header bảo mật",
                    en: "The portal sends security headers",
                    reason: LocalizedText(vi: "Không chạy máy chủ web", en: "No web server runs here"),
                    fixVi: "Không cần.", fixEn: "None needed.", line: 7),
            ],
            issues: [
                CollectionIssue(collector: "logs", level: .error, file: "var/log", message: "permission denied")
            ],
            collectors: [CollectorRun(id: "logs", milliseconds: 1, issues: 1)])
    }
}

extension ReportFixture {
    /// The fixture with `value` in every host-derived field: host names, OS, roots, evidence, reasons,
    /// issues, waivers, profile variables, organisation.
    static func hostileScan(_ value: String) -> ScanResult {
        var result = scan()
        result.organisation.system = value
        result.profile.variables.append(VariableUse(name: value, value: value, source: value))
        result.ruleSet.version = value
        for hostIndex in result.hosts.indices {
            result.hosts[hostIndex].os = value
            result.hosts[hostIndex].kernel = value
            result.hosts[hostIndex].root = value
            result.hosts[hostIndex].issues.append(
                CollectionIssue(collector: value, level: .error, file: value, line: 1, message: value))
            for findingIndex in result.hosts[hostIndex].findings.indices {
                result.hosts[hostIndex].findings[findingIndex].reason = LocalizedText(value)
                result.hosts[hostIndex].findings[findingIndex].evidence.append(
                    Evidence(subject: value, expected: value, found: value, location: value, outcome: .fail))
                // A sentence carrying the host's string, inside a group of options.
                result.hosts[hostIndex].findings[findingIndex].evidence.append(
                    Evidence(
                        subject: value, expected: value, found: value, location: value, outcome: .pass,
                        text: LocalizedText(vi: "Thiết lập \(value)", en: "Setting \(value)"),
                        alternative: EvidenceAlternative(group: 1, option: 1, outcome: .pass, decided: true)))
            }
        }
        // The second host's name itself is hostile.
        let last = result.hosts.count - 1
        result.hosts[last].host = value
        for findingIndex in result.hosts[last].findings.indices {
            result.hosts[last].findings[findingIndex].host = value
        }
        for waiverIndex in result.waivers.indices {
            result.waivers[waiverIndex].waiver.justification = value
            result.waivers[waiverIndex].waiver.approvedBy = value
            result.waivers[waiverIndex].waiver.ticket = value
            result.waivers[waiverIndex].waiver.hosts.append(value)
        }
        return result
    }
}
