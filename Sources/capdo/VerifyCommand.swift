import ArgumentParser
import CapdoApp

/// `capdo verify`: checks signed reports (the manifest's signature and every report's SHA-256).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check signed reports: the manifest's CMS signature and every report file's SHA-256.",
        discussion: """
            Reports written with --sign-key/--sign-cert (or capdo.yaml signing:) carry <stem>.sha256 and
            <stem>.sha256.p7s. Exit 0: intact; 2: a report changed or went missing, or the signature fails;
            1: nothing to verify.

            Examples:
              capdo verify /var/lib/capdo/reports --ca-file /etc/capdo/ca.pem
              openssl cms -verify -binary -content srv01-2026-12-06.sha256 -in srv01-2026-12-06.sha256.p7s \\
                -inform PEM -CAfile ca.pem
            """)

    @Argument(help: "A report folder, or one .sha256 manifest.")
    var path: String

    @Option(name: .long, help: "Trusted CA certificates (PEM): the signer must chain to one of them.")
    var caFile: String?

    func run() throws {
        try ErrorReport.reported {
            let verification = try ReportVerification(path: path, caFile: caFile)
            print(verification.text, terminator: "")
            if verification.exitCode != 0 { throw ExitCode(verification.exitCode) }
        }
    }
}
