import Foundation

/// A plaintext mail/file-transfer greeting that upgrades to TLS on request, in Python (its `ssl` module is
/// OpenSSL), on 127.0.0.1 at a kernel-chosen port: the real dialogue capdo's STARTTLS client must get through.
/// `refuse` makes it answer the upgrade with an error, as a server without TLS does.
final class StartTLSServer {
    let process = Process()
    let port: Int
    private let portFile: String

    init(dialect: String, cert: String, key: String, chain: String?, refuse: Bool = false, in directory: String)
        throws
    {
        portFile = directory + "/starttls-\(UUID().uuidString).port"
        let script = directory + "/starttls-server.py"
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, dialect, cert, key, chain ?? "", refuse ? "refuse" : "serve", portFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date(timeIntervalSinceNow: 20)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            found = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            process.terminate()
            throw OpenSSLCLI.Failure(description: "the STARTTLS test server did not start")
        }
        port = found
    }

    private var stopped = false

    /// Kills the server (Foundation's `isRunning` was seen false for a live child here, so it is not asked).
    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        unlink(portFile)
        unlink(portFile + ".chain")
    }

    deinit { stop() }

    static let script = #"""
        import os, socket, ssl, sys, threading
        dialect, cert, key, chain, mode, port_file = sys.argv[1:7]
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        if chain:
            with open(port_file + ".chain", "w") as out:
                out.write(open(cert).read() + open(chain).read())
            context.load_cert_chain(port_file + ".chain", key)
        else:
            context.load_cert_chain(cert, key)
        greeting = {"smtp": b"220 mail.capdo.test ESMTP\r\n", "ftp": b"220 ftp.capdo.test\r\n",
                    "imap": b"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n", "pop3": b"+OK POP3 ready\r\n"}[dialect]
        def line(conn):
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(1)
                if not chunk:
                    raise EOFError
                data += chunk
            return data.decode().strip()
        def session(conn):
            try:
                conn.sendall(greeting)
                while True:
                    command = line(conn).upper()
                    if dialect == "smtp" and command.startswith("EHLO"):
                        conn.sendall(b"250-mail.capdo.test\r\n250-SIZE 10240000\r\n250 STARTTLS\r\n")
                        continue
                    upgrade = {"smtp": "STARTTLS", "ftp": "AUTH TLS", "imap": "A1 STARTTLS", "pop3": "STLS"}[dialect]
                    if command != upgrade:
                        conn.sendall(b"500 unexpected\r\n")
                        return
                    if mode == "refuse":
                        conn.sendall({"smtp": b"454 TLS not available\r\n", "ftp": b"534 no TLS\r\n",
                                      "imap": b"a1 NO no TLS\r\n", "pop3": b"-ERR no TLS\r\n"}[dialect])
                        return
                    conn.sendall({"smtp": b"220 go ahead\r\n", "ftp": b"234 AUTH TLS ok\r\n",
                                  "imap": b"a1 OK begin TLS\r\n", "pop3": b"+OK begin TLS\r\n"}[dialect])
                    tls = context.wrap_socket(conn, server_side=True)
                    tls.close()
                    return
            except (OSError, EOFError, ssl.SSLError):
                pass
            finally:
                conn.close()
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        with open(port_file + ".tmp", "w") as out:
            out.write(str(server.getsockname()[1]))
        os.rename(port_file + ".tmp", port_file)
        while True:
            conn, _ = server.accept()
            conn.settimeout(10)
            threading.Thread(target=session, args=(conn,), daemon=True).start()
        """#
}
