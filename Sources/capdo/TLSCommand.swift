import ArgumentParser
import CapdoCore
import CapdoReport
import CapdoRules
import CapdoTLS
import Foundation

/// `capdo tls`: probe TLS endpoints and read certificate files, judge them with the TLS rules, write the reports.
struct TLSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: "Check TLS endpoints (protocols, weak suites, chain, host name) and certificate files.",
        discussion: """
            Every endpoint gets one handshake per TLS version (1.0-1.3) and one for the weak suite classes,
            with connect and handshake timeouts; an endpoint that fails says why and the others are still checked.
            Certificate files may be PEM (several certificates) or DER; private keys are never read. A --file
            that cannot be read or is not a certificate makes the certificate rules errors (never a pass) and the
            run exits 1.

            Examples:
              capdo tls portal.phuong.gov.vn:443 mail.phuong.gov.vn:587 --starttls smtp
              capdo tls 127.0.0.1:8443 --ca-file /etc/ssl/local-ca.pem --format md --lang en
              capdo tls --file /etc/ssl/certs/portal.pem --file /etc/postfix/smtpd.pem
            """)

    @Argument(help: "Endpoints as HOST:PORT ([v6]:PORT); the port defaults to 443.")
    var endpoints: [String] = []

    @Option(name: .customLong("file"), help: "A certificate file to inspect (PEM or DER); repeatable.")
    var files: [String] = []

    @Option(name: .long, help: "Trust this CA file instead of the system store.")
    var caFile: String?

    @Option(name: .long, help: "STARTTLS dialect for the endpoints: smtp, imap, pop3 or ftp.")
    var starttls: String?

    @Option(name: .long, help: "Connect and handshake timeout in seconds (default 5).")
    var timeout: Double = 5

    @Option(name: .long, help: "Endpoints probed at once (default 32).")
    var concurrency: Int = 32

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if endpoints.isEmpty && files.isEmpty { throw ValidationError("give at least one HOST:PORT or --file CERT") }
        if !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be in (0, 600] seconds") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let starttls, !TLSTarget.starttlsDialects.contains(starttls) {
            throw ValidationError("--starttls must be one of \(TLSTarget.starttlsDialects.joined(separator: ", "))")
        }
    }

    func run() async throws {
        try await CLIError.reported {
            do {
                try await execute()
            } catch let error as TLSError {
                throw CLIError.usage(error.description)
            }
        }
    }

    func execute() async throws {
        let session = try ReportSession(ruleSet: ruleSet, report: report)
        let config = session.config
        let clock = session.clock
        var loaded = try ruleSet.loadRuleSet(config: config, warn: Console.warn)
        loaded.catalog.rules = loaded.catalog.rules.filter(TLSScan.isTLSRule)

        var targets: [TLSTarget] = []
        for text in endpoints {
            do {
                targets.append(try TLSTarget.parse(text, starttls: starttls, origin: "command line"))
            } catch {
                throw CLIError.usage(error.description)
            }
        }
        let options = TLSProbeOptions(
            connectTimeout: timeout, handshakeTimeout: timeout, concurrency: concurrency, caFile: caFile)
        let inventory = TLSInventory(prober: try TLSProber(options: options), now: clock.now)
        let references = files.map { CertificateReference(path: $0, referencedBy: "") }
        let (facts, issues) = await inventory.collect(targets: targets, files: references, root: nil)
        var snapshot = HostSnapshot(collectedAt: clock.now, root: "tls", live: false, tls: facts, issues: issues)
        snapshot.system = SystemFacts(hostname: "tls-" + CapdoDate.day(clock.now))
        if !report.quiet {
            print(TLSSummary(language: session.language).render(facts, issues: issues), terminator: "")
        }
        let probed = Set(endpoints)
        let systems = ScanAssembler.systems(config.systems, adding: snapshot.hostName) { system in
            !probed.isDisjoint(with: system.tlsEndpoints)
        }
        let result = try ScanAssembler.evaluate(
            [snapshot], ruleSet: loaded, organisation: config.organisation ?? .unspecified, startedAt: clock.startedAt,
            now: clock.finished(), systems: systems
        ).result
        try session.finish(result, stem: "tls-" + CapdoDate.day(clock.now))
    }
}
