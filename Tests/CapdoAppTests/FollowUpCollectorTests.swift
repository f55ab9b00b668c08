import CapdoApp
import CapdoCollect
import CapdoCore
import CapdoRules
import Testing

/// TLS and LAN are collectors in the one list, reading through the sources the app registers.
@Suite struct FollowUpCollectorTests {
    /// OS support reads only the system facts; TLS then LAN as before.
    @Test func theListRunsOSSupportThenTLSThenLAN() {
        #expect(Collectors.followUp.map(\.id) == ["os_support", "tls", "lan"])
    }

    /// Facts options that cannot be gathered: the code, exit code and message of the error that ends the scan.
    @Test(arguments: [
        (
            FactChoice(pcap: "/nonexistent/x.pcap"), CapdoError.Code.capture,
            "Capture file '/nonexistent/x.pcap' not found"
        ),
        (FactChoice(tlsEndpoints: ["host:notaport"]), .usage, "--tls: 'host:notaport': port is not a number"),
    ])
    func sourceThatCannotBeReadEndsTheScan(_ choice: FactChoice, _ code: CapdoError.Code, _ message: String)
        async throws
    {
        let root = Workspace.sampleHost("srv-hardened")
        let clock = try CommandClock(nil)
        let error = try #require(
            await thrown { () async throws(CapdoError) in
                try await HostFacts.gather(choice, root: root, config: CapdoConfig(), clock: clock, warn: { _ in })
            })
        #expect(error.code == code)
        #expect(error.exitCode == (code == .usage ? 64 : 1))
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }
}
