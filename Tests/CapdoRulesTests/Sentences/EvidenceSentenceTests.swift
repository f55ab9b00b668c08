import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// The evidence sentence of each resource kind, judged by the real engine on fact fragments, in both languages.
@Suite("Evidence sentences")
struct EvidenceSentenceTests {
    /// One rule check, the facts it is judged on, and the sentence expected.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var check: String
        var facts: String
        var vi: String
        var en: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "config set in a file",
            check: #"config: { source: sshd, key: permitrootlogin, in: ["no", "prohibit-password"] }"#,
            facts:
                #"{"config":{"sshd":{"entries":{"permitrootlogin":{"value":"yes","file":"etc/ssh/sshd_config","line":32}}}}}"#,
            vi: "Thiết lập permitrootlogin của sshd là “yes” (etc/ssh/sshd_config:32) (yêu cầu: một trong “no” hoặc "
                + "“prohibit-password”)",
            en: "The sshd setting permitrootlogin is “yes” (etc/ssh/sshd_config:32) (required: one of “no” or "
                + "“prohibit-password”)"),
        Case(
            name: "config not set",
            check: #"config: { source: pwquality, key: minlen, ge: 8 }"#,
            facts: #"{"config":{"pwquality":{"entries":{},"files":["etc/security/pwquality.conf"]}}}"#,
            vi: "Thiết lập minlen của pwquality không được đặt (đã xem: etc/security/pwquality.conf) (yêu cầu: tối "
                + "thiểu 8)",
            en: "The pwquality setting minlen is not set (looked in etc/security/pwquality.conf) (required: at least 8)"
        ),
        Case(
            name: "config from the rule's default",
            check: #"config: { source: faillock, key: deny, default: "3", le: 5 }"#,
            facts: #"{"config":{"faillock":{"entries":{},"files":["etc/security/faillock.conf"]}}}"#,
            vi: "Thiết lập deny của faillock không đặt; theo quy tắc, giá trị mặc định là “3” (yêu cầu: tối đa 5)",
            en: "The faillock setting deny is not set; the rule takes its default, “3” (required: at most 5)"),
        Case(
            name: "file mode and owner",
            check: #"file: { path: /etc/shadow, mode_within: "0640", uid: 0 }"#,
            facts: #"{"files":{"/etc/shadow":{"exists":true,"mode":"0640","uid":0}}}"#,
            vi: "Tệp /etc/shadow có quyền 0640, chủ sở hữu root (uid 0) (yêu cầu: quyền tối đa 0640 và chủ sở hữu "
                + "(uid) 0)",
            en: "File /etc/shadow has permissions 0640, owner root (uid 0) (required: permissions at most 0640 and "
                + "owner (uid) 0)"),
        Case(
            name: "package with a version",
            check: #"package: { name: openssh-server, version_ge: "1:9.2" }"#,
            facts:
                #"{"packages":{"packages":[{"name":"openssh-server","version":"1:8.4p1-5","file":"var/lib/dpkg/status","line":1204}]}}"#,
            vi: "Gói openssh-server đã cài, phiên bản 1:8.4p1-5 (var/lib/dpkg/status:1204) (yêu cầu: phiên bản 1:9.2 "
                + "trở lên)",
            en: "Package openssh-server is installed, version 1:8.4p1-5 (var/lib/dpkg/status:1204) (required: version "
                + "1:9.2 or later)"),
        Case(
            name: "package that must be absent",
            check: #"package: { name: telnetd, installed: false }"#,
            facts: #"{"packages":{"packages":[{"name":"bash","version":"5.2"}],"sources":["var/lib/dpkg/status"]}}"#,
            vi: "Gói telnetd chưa được cài (var/lib/dpkg/status) (yêu cầu: không cài)",
            en: "Package telnetd is not installed (var/lib/dpkg/status) (required: not installed)"),
        Case(
            name: "service",
            check: #"service: { name: auditd, enabled: true, active: true }"#,
            facts:
                #"{"services":{"units":{"auditd.service":{"enabled":false,"active":"inactive","unit_file":"lib/systemd/system/auditd.service"}}}}"#,
            vi: "Dịch vụ auditd.service không được bật khi khởi động, không chạy (inactive) "
                + "(lib/systemd/system/auditd.service) (yêu cầu: bật khi khởi động và đang chạy)",
            en: "Service auditd.service is not enabled at boot, not running (inactive) "
                + "(lib/systemd/system/auditd.service) (required: enabled at boot and running)"),
        Case(
            name: "listening port",
            check: #"port: { protocol: tcp, ports: [21, 23] }"#,
            facts:
                #"{"listeners":{"sockets":[{"protocol":"tcp","address":"0.0.0.0","port":23,"process":"inetd"}],"source":"proc/net/tcp"}}"#,
            vi: "Có 1 dịch vụ lắng nghe trên cổng tcp 21, 23 (ngoài loopback): 0.0.0.0:23/tcp (inetd) (proc/net/tcp) "
                + "(yêu cầu: không có dịch vụ nào lắng nghe)",
            en: "1 socket listens on TCP ports 21, 23 (outside loopback): 0.0.0.0:23/tcp (inetd) (proc/net/tcp) "
                + "(required: nothing listening)"),
        Case(
            name: "accounts with an empty password",
            check: #"account: { where: { password: empty }, count: { equals: 0 } }"#,
            facts:
                #"{"accounts":{"accounts":[{"name":"root","password":"set"},{"name":"tiepnhan","password":"empty","shadow_line":31}]}}"#,
            vi: "1 tài khoản có mật khẩu rỗng: tiepnhan (etc/shadow:31) (yêu cầu: không có tài khoản nào có mật khẩu "
                + "rỗng)",
            en: "1 account with an empty password: tiepnhan (etc/shadow:31) (required: no accounts with an empty "
                + "password)"),
        Case(
            name: "no account matches",
            check: #"account: { where: { uid: 0, name: { not_equals: root } }, count: { equals: 0 } }"#,
            facts:
                #"{"accounts":{"accounts":[{"name":"root","uid":0,"file":"etc/passwd","line":1},{"name":"a","uid":1000}]}}"#,
            vi: "Không có tài khoản nào có tên khác “root”, có UID 0 (đã xem 2 tài khoản) (yêu cầu: "
                + "không có tài khoản nào có tên khác “root”, có UID 0)",
            en: "No accounts with name other than “root”, with UID 0 (2 accounts examined) (required: "
                + "no accounts with name other than “root”, with UID 0)"),
        Case(
            name: "anti-malware product",
            check: #"antivirus: { where: { enabled: true, real_time: true }, count: { ge: 1 } }"#,
            facts:
                #"{"antivirus":{"products":[{"product":"clamav","name":"ClamAV","enabled":true,"real_time":false,"signature_time":"2026-11-20T02:00:00Z"}]}}"#,
            vi: "Không có phần mềm chống mã độc nào đang bật, bật bảo vệ thời gian thực (đã xem 1 phần mềm chống mã "
                + "độc) (yêu cầu: tối thiểu 1 phần mềm chống mã độc đang bật, bật bảo vệ thời gian thực)",
            en: "No anti-malware products enabled, with real-time protection on (1 anti-malware product examined) "
                + "(required: at least 1 anti-malware product enabled, with real-time protection on)"),
        Case(
            name: "fact with a date",
            check: #"fact: { path: logs.journal.oldest_entry, age_days: { ge: 30 } }"#,
            facts: #"{"logs":{"journal":{"oldest_entry":"2026-11-02T08:00:00Z","source":"var/log/journal"}}}"#,
            vi: "Bản ghi cũ nhất của journal: 02/11/2026 (var/log/journal) (yêu cầu: cách đây tối thiểu 30 ngày)",
            en: "Oldest journal entry: 2026-11-02 (var/log/journal) (required: at least 30 days old)"),
        Case(
            name: "evidence folder not given",
            check: #"evidence: { item: "1.1.1" }"#,
            facts: "{}",
            vi: "Hồ sơ cho mục 1.1.1 — chưa thu thập: thư mục hồ sơ (đặt --evidence hoặc evidence: trong capdo.yaml)",
            en: "Evidence documents for item 1.1.1 — not collected: the evidence folder (set --evidence, or evidence: "
                + "in capdo.yaml)"),
        Case(
            name: "LAN cleartext credential, secret left out",
            check: #"items: { path: lan.credentials, count: { equals: 0 } }"#,
            facts:
                #"{"lan":{"credentials":[{"protocol":"telnet","client":"192.0.2.21","server":"192.0.2.1:23","packet":15,"user":"admin","secret":"hunter2","default_secret":false}]}}"#,
            vi: "1 thông tin đăng nhập gửi qua mạng: telnet từ 192.0.2.21 tới 192.0.2.1:23, gói 15, thông tin đã che "
                + "(yêu cầu: không có thông tin đăng nhập gửi qua mạng nào)",
            en: "1 credential seen on the network: telnet from 192.0.2.21 to 192.0.2.1:23, packet 15, redacted "
                + "(required: no credentials seen on the network)"),
        Case(
            name: "LAN rogue DHCP servers",
            check: #"items: { path: lan.dhcp_servers, count: { le: 1 } }"#,
            facts:
                #"{"lan":{"dhcp_servers":[{"ip":"192.0.2.1","offers":3,"acks":2,"packets":[4,9]},{"ip":"192.0.2.66","mac":"02:00:00:00:00:66","offers":1,"acks":0,"packets":[12]}]}}"#,
            vi: "2 máy chủ DHCP: 192.0.2.1: 3 lần đề nghị (offer), 2 lần xác nhận (ack), gói 4, 9; 192.0.2.66 (MAC "
                + "02:00:00:00:00:66): 1 lần đề nghị (offer), 0 lần xác nhận (ack), gói 12 (yêu cầu: tối đa 1 máy chủ "
                + "DHCP)",
            en: "2 DHCP servers: 192.0.2.1: 3 offers, 2 acks, packets 4, 9; 192.0.2.66 (MAC 02:00:00:00:00:66): 1 "
                + "offer, 0 acks, packet 12 (required: at most 1 DHCP server)"),
        Case(
            name: "LAN ARP conflict",
            check: #"items: { path: lan.arp_conflicts, count: { equals: 0 } }"#,
            facts:
                #"{"lan":{"arp_conflicts":[{"ip":"192.0.2.1","macs":["02:00:00:00:00:01","02:00:00:00:00:99"],"packets":[30,31]}]}}"#,
            vi: "1 xung đột ARP: 192.0.2.1 được 2 địa chỉ MAC cùng nhận: 02:00:00:00:00:01 và 02:00:00:00:00:99 (gói "
                + "30, 31) (yêu cầu: không có xung đột ARP nào)",
            en: "1 ARP conflict: 192.0.2.1 claimed by 2 MAC addresses: 02:00:00:00:00:01 and 02:00:00:00:00:99 "
                + "(packets 30, 31) (required: no ARP conflicts)"),
        Case(
            name: "LAN service on IPv6",
            check: #"items: { path: lan.services, where: { port: 23, protocol: tcp }, count: { equals: 0 } }"#,
            facts:
                #"{"lan":{"services":[{"ip":"2001:db8::1","port":23,"protocol":"tcp","name":"telnet","method":"syn-ack","packets":[7],"clients":[]}]}}"#,
            vi: "1 dịch vụ mạng có cổng 23, có giao thức tcp: [2001:db8::1]:23/tcp (telnet), gói 7 (yêu cầu: không có "
                + "dịch vụ mạng nào có cổng 23, có giao thức tcp)",
            en: "1 network service with port 23, with protocol tcp: [2001:db8::1]:23/tcp (telnet), packet 7 "
                + "(required: no network services with port 23, with protocol tcp)"),
    ]

    @Test(arguments: cases)
    func sentenceOfEachKind(_ example: Case) throws {
        let rule = try Self.rule("check:\n  \(example.check)")
        let finding = Self.engine.evaluate(
            rule, facts: try JSONDecoder().decode(FactValue.self, from: Data(example.facts.utf8)), host: "h")
        let text = try #require(finding.evidence.first?.text)
        #expect(text.vi == example.vi)
        #expect(text.en == example.en)
    }

    /// A credential's secret and user never reach a sentence, a machine field or a reason.
    @Test func noSecretInAnyWords() throws {
        let catalog = try RuleCatalog.shipped()
        let facts = try JSONDecoder().decode(
            FactValue.self,
            from: Data(
                #"{"lan":{"credentials":[{"protocol":"snmp_v2c","client":"192.0.2.21","server":"192.0.2.1:161","packet":15,"user":"admin","secret":"hunter2","default_secret":true},{"protocol":"ftp","client":"192.0.2.22","server":"192.0.2.2:21","packet":40,"user":"ketoan","secret":"Matkhau@123","default_secret":false}],"counters":{"packets":900}}}"#
                    .utf8))
        let lanRules = catalog.rules.filter { $0.id.hasPrefix("net.lan.") }
        #expect(lanRules.count > 3)
        for rule in lanRules {
            let finding = Self.engine.evaluate(rule, facts: facts, host: "h")
            let json = String(decoding: try JSONEncoder().encode(finding), as: UTF8.self)
            for secret in ["hunter2", "Matkhau@123"] {
                #expect(!json.contains(secret), "\(rule.id) writes a secret")
            }
        }
    }

    /// The not-applicable reason says who the rule is for and what the machine is, in words.
    @Test func notApplicableInWords() throws {
        let rule = try Self.rule(
            "applies:\n  os_family: [windows]\ncheck:\n  fact: { path: windows.smb1_enabled, equals: false }")
        let facts = try JSONDecoder().decode(
            FactValue.self,
            from: Data(
                #"{"system":{"os_family":"debian","pretty_name":"Ubuntu 22.04.4 LTS","source":"etc/os-release"}}"#.utf8)
        )
        let finding = Self.engine.evaluate(rule, facts: facts, host: "h")
        #expect(finding.status == .notApplicable)
        #expect(
            finding.reason?.vi
                == "Không áp dụng: quy tắc dành cho máy Windows; máy này là Ubuntu 22.04.4 LTS (họ Debian)")
        #expect(
            finding.reason?.en
                == "Does not apply: the rule is for Windows machines; this one is Ubuntu 22.04.4 LTS (Debian family)")
        // An Ubuntu host's family is debian: a rule for [debian, ubuntu] applies to it.
        let linux = try Self.rule(
            "applies:\n  os_family: [debian, ubuntu]\ncheck:\n  fact: { path: system.os_family, equals: debian }")
        #expect(Self.engine.evaluate(linux, facts: facts, host: "h").status == .pass)
    }

    static let engine = RuleEngine(
        profile: Profile(id: "t", title: LocalizedText("t"), variables: [:]), now: CapdoDate.parse("2026-11-28")!)

    static func rule(_ body: String) throws -> Rule {
        let text = """
            - id: srv.test.rule
              title: { vi: "Thử", en: "Test" }
              requirement: { tt12: "II.2 1.2.1", tcvn11930: "6.2.2.1" }
              severity: high
            \(body.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
              remediation: { vi: "Sửa", en: "Fix" }
              threshold_source: none
              examples:
                pass: [ { x: 1 } ]
                fail: [ { x: 2 } ]
            """
        return try RuleLoader.load(text: text, file: "t.yaml", defaultGroup: .server)[0]
    }
}
