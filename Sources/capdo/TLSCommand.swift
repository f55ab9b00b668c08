import ArgumentParser
import CapdoApp
import CapdoTLS

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
              capdo tls portal.phuong.gov.vn --http --http-path / --http-path /dang-nhap

            --http (off by default) also fetches each --http-path of every endpoint over HTTPS (one GET each, the
            reply read up to 128 KiB within the timeout) and sends one GET / to the plain-HTTP port of the same
            host (--http-port, default 80): redirect to HTTPS, HSTS, cookie flags, security headers, directory
            listing and version banners (rules app.http.*). Only the hosts given are contacted.
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

    @Flag(name: .long, help: "Also probe HTTP(S): redirect, HSTS, cookies, security headers, listing, banners.")
    var http = false

    @Option(name: .long, help: "A path fetched with --http (default /); repeatable, e.g. the login page.")
    var httpPath: [String] = []

    @Option(
        name: .long, help: "Plain-HTTP port of the same hosts checked for a redirect with --http (default 80)."
    )
    var httpPort: Int = 80

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if endpoints.isEmpty && files.isEmpty { throw ValidationError("give at least one HOST:PORT or --file CERT") }
        if !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be in (0, 600] seconds") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if !(1...65_535).contains(httpPort) { throw ValidationError("--http-port must be 1-65535") }
        if let bad = httpPath.first(where: { !TLSCheck.isRequestPath($0) }) {
            throw ValidationError("--http-path '\(bad)' must start with / and hold no spaces or control characters")
        }
        if !http && (!httpPath.isEmpty || httpPort != 80) {
            throw ValidationError("--http-path and --http-port need --http")
        }
        if let starttls, !TLSTarget.starttlsDialects.contains(starttls) {
            throw ValidationError("--starttls must be one of \(TLSTarget.starttlsDialects.joined(separator: ", "))")
        }
    }

    func run() async throws {
        try await ErrorReport.reported {
            let session = try report.session(config: ruleSet.config)
            var check = TLSCheck(endpoints: endpoints, files: files)
            check.caFile = caFile
            check.starttls = starttls
            check.timeout = timeout
            check.concurrency = concurrency
            check.http = http
            if !httpPath.isEmpty { check.httpPaths = httpPath }
            check.httpPlainPort = httpPort
            let (result, stem, snapshot) = try await check.run(
                ruleSet: ruleSet.choice, session: session, warn: Console.warn)
            if !report.quiet, let facts = snapshot.tls {
                print(TLSSummary(language: session.language).render(facts, issues: snapshot.issues), terminator: "")
            }
            try Console.finish(result, session: session, stem: stem)
        }
    }
}
