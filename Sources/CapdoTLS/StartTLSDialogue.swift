import CapdoCore
/// The plaintext exchange that switches SMTP, IMAP, POP3 or FTP to TLS.
enum StartTLSDialogue {
    /// Runs the dialogue for `dialect` on a freshly connected socket.
    static func run(_ dialect: String, on socket: PlainSocket, deadline: Deadline) throws(CapdoError) {
        do throws(CapdoError) {
            switch dialect {
            case "smtp":
                try expect(socket, deadline, code: "220", isLast: smtpLast)
                try socket.send("EHLO capdo.invalid\r\n", deadline: deadline)
                try expect(socket, deadline, code: "250", isLast: smtpLast)
                try socket.send("STARTTLS\r\n", deadline: deadline)
                try expect(socket, deadline, code: "220", isLast: smtpLast)
            case "ftp":
                try expect(socket, deadline, code: "220", isLast: smtpLast)
                try socket.send("AUTH TLS\r\n", deadline: deadline)
                try expect(socket, deadline, code: "234", isLast: smtpLast)
            case "imap":
                try expect(socket, deadline, code: "* OK", isLast: { $0.hasPrefix("* ") })
                try socket.send("a1 STARTTLS\r\n", deadline: deadline)
                try expect(socket, deadline, code: "a1 OK", isLast: { $0.hasPrefix("a1 ") })
            case "pop3":
                try expect(socket, deadline, code: "+OK", isLast: { _ in true })
                try socket.send("STLS\r\n", deadline: deadline)
                try expect(socket, deadline, code: "+OK", isLast: { _ in true })
            default:
                throw CapdoError(.starttls, "unknown STARTTLS dialect '\(dialect)'")
            }
        } catch {
            if error.code == .starttls && error.message.hasPrefix("unknown") { throw error }
            throw CapdoError(.starttls, "\(dialect.uppercased()) STARTTLS failed: \(error.message)", cause: error.cause)
        }
    }

    /// `250-…` continues a multi-line reply, `250 …` ends it.
    private static func smtpLast(_ line: String) -> Bool {
        let characters = Array(line)
        return characters.count < 4 || characters[3] != "-"
    }

    private static func expect(
        _ socket: PlainSocket, _ deadline: Deadline, code: String, isLast: (String) -> Bool
    ) throws(CapdoError) {
        let lines = try socket.readReply(deadline: deadline, isLast: isLast)
        guard let last = lines.last, last.hasPrefix(code) else {
            throw CapdoError(.starttls, "expected '\(code)', got '\(String((lines.last ?? "").prefix(80)))'")
        }
    }
}
