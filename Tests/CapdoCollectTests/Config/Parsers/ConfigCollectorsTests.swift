import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("config source registry")
struct ConfigCollectorsTests {
    static let sources = [
        "sshd", "pam", "login_defs", "pwquality", "faillock", "useradd", "sudoers", "shell", "crypttab", "apt",
        "sysctl", "logrotate", "journald", "rsyslog", "firewall", "auditd", "audit_rules", "chrony", "timesyncd",
        "nginx", "apache2", "encrypted_storage", "nfs_exports", "samba", "modprobe", "firewall_accept",
    ]

    @Test func idsAreUniqueAndCoverTheContract() {
        let ids = ConfigCollectors.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set((Self.sources + ["sysctl_runtime"]).map { "config." + $0 }))
        #expect(ConfigCollectors.all.allSatisfy { !$0.summary.isEmpty })
    }

    /// On an empty root every source is looked at and reported absent, with no issues.
    @Test func emptyRootGivesAbsentSections() async throws {
        let root = try TemporaryDirectory()
        let environment = HostEnvironment(root: root.path, now: Date(timeIntervalSince1970: 0))
        for collector in ConfigCollectors.all {
            let output = await collector.collect(in: environment)
            #expect(output.issues.isEmpty, "\(collector.id)")
            guard collector.id != "config.sysctl_runtime" else {
                #expect(output.config.isEmpty)
                continue
            }
            let source = String(collector.id.dropFirst("config.".count))
            let section = try #require(output.config[source], "\(collector.id)")
            #expect(!section.present && section.files.isEmpty, "\(collector.id)")
        }
    }

    /// Every source reading this machine's own /etc finishes without crashing and names its collector in issues.
    @Test func thisHostScansCleanly() async {
        let environment = HostEnvironment(root: "/", now: Date(), live: true)
        for collector in ConfigCollectors.all {
            let output = await collector.collect(in: environment)
            #expect(output.issues.allSatisfy { $0.collector == collector.id }, "\(output.issues)")
        }
    }
}
