/// Per-connection state of a cleartext login being watched (FTP, POP3, IMAP, SMTP, Telnet).
/// Only the user name is kept; the secret's bytes are counted, never stored.
struct CleartextSession {
    enum Stage { case idle, telnetUser, telnetSecret, smtpLoginUser, smtpLoginSecret }
    var stage: Stage = .idle
    var user: String?
    var userBuffer: [UInt8] = []
    var secretBytes = 0
}
