import CapdoCollect
import CapdoCore
import Foundation
import Testing

@Suite("sysctl runtime values")
struct SysctlRuntimeParserTests {
    @Test func readsFakeProc() {
        let files = ConfigFiles.memory([
            "proc/sys/net/ipv4/ip_forward": "0\n", "proc/sys/kernel/randomize_va_space": " 2 \n",
        ])
        let (section, issues) = SysctlRuntimeParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.entries.count == 2)
        #expect(section.entries["kernel.randomize_va_space"]?.value == "2")
        #expect(section.entries["net.ipv4.ip_forward"]?.file == "proc/sys/net/ipv4/ip_forward")
    }

    /// Oracle: `sysctl -n KEY` (procps) must print the same values capdo reads from /proc/sys.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/sysctl"), "needs procps sysctl"))
    func matchesSysctlOnThisHost() async throws {
        let environment = HostEnvironment(root: "/", now: Date())
        let output = await ConfigSourceCollector(SysctlRuntimeParser.self).collect(in: environment)
        let section = try #require(output.config["sysctl_runtime"])
        let runner = ProcessRunner.oracle
        var compared = 0
        for key in SysctlRuntimeParser.keys {
            guard let result = runner.run("/usr/sbin/sysctl", ["-n", key]), result.status == 0 else {
                #expect(section.entries[key] == nil, "sysctl cannot read \(key) but capdo has a value")
                continue
            }
            let expected = SysctlRuntimeParser.value(result.stdout)
            #expect(section.entries[key]?.value == expected, "\(key)")
            compared += 1
        }
        #expect(compared > 5)
    }
}
