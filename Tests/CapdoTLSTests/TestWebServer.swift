import Foundation

/// A real web server on 127.0.0.1 for the HTTP probe: Debian's nginx with a config written per test, or Python's
/// http.server for replies nginx would never send. Ports are free ports chosen by the kernel just before the start.
final class TestWebServer {
    let process = Process()
    let directory: String
    let httpsPort: Int
    let plainPort: Int
    /// nginx ends its workers on SIGTERM; Python may inherit an ignored SIGTERM from the test runner, so SIGKILL.
    private var stopSignal = SIGTERM

    static let nginx = "/usr/sbin/nginx"
    static var nginxAvailable: Bool { FileManager.default.isExecutableFile(atPath: nginx) && getuid() == 0 }
    static let python = "/usr/bin/python3"

    /// nginx serving `https` (the body of the TLS `server` block, certificate lines added) and `plain` (the body of
    /// the port-80-like block).
    init(nginxHTTPS https: String, plain: String) throws {
        let pki = try TestPKI.get()
        directory = pki.directory + "/nginx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/www/files", withIntermediateDirectories: true)
        try "x".write(toFile: directory + "/www/files/report.pdf", atomically: true, encoding: .utf8)
        try "<html><title>portal</title></html>".write(
            toFile: directory + "/www/index.html", atomically: true, encoding: .utf8)
        httpsPort = TestListener.closedPort()
        plainPort = TestListener.closedPort()
        let config = """
            user root;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(directory)/tmp-body;
                proxy_temp_path \(directory)/tmp-proxy;
                fastcgi_temp_path \(directory)/tmp-fastcgi;
                uwsgi_temp_path \(directory)/tmp-uwsgi;
                scgi_temp_path \(directory)/tmp-scgi;
                server {
                    listen 127.0.0.1:\(httpsPort) ssl;
                    ssl_certificate \(pki.chain("valid"));
                    ssl_certificate_key \(pki.key("valid"));
                    root \(directory)/www;
                    \(https)
                }
                server {
                    listen 127.0.0.1:\(plainPort);
                    root \(directory)/www;
                    \(plain)
                }
            }
            """
        try config.write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.nginx)
        process.arguments = ["-p", directory, "-c", directory + "/nginx.conf", "-g", "daemon off;"]
        try start()
    }

    /// Python's http.server over TLS on `httpsPort`, answering every GET with the headers `headers` (a Python
    /// expression for a list of (name, value) pairs).
    init(pythonHeaders headers: String) throws {
        let pki = try TestPKI.get()
        directory = pki.directory + "/python-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        httpsPort = TestListener.closedPort()
        plainPort = TestListener.closedPort()
        let script = """
            import http.server, ssl
            class Handler(http.server.BaseHTTPRequestHandler):
                def version_string(self):
                    return dict(\(headers)).get("Server", "test")
                def do_GET(self):
                    self.send_response_only(200)
                    for name, value in \(headers):
                        self.send_header(name, value)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                def log_message(self, *args):
                    pass
            server = http.server.HTTPServer(("127.0.0.1", \(httpsPort)), Handler)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain("\(pki.chain("valid"))", "\(pki.key("valid"))")
            server.socket = context.wrap_socket(server.socket, server_side=True)
            server.serve_forever()
            """
        try script.write(toFile: directory + "/server.py", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [directory + "/server.py"]
        stopSignal = SIGKILL
        try start()
    }

    private func start() throws {
        let log = directory + "/stderr.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Ready when the TLS port accepts a connection (the server binds it before serving).
        let deadline = Date(timeIntervalSinceNow: 10)
        while Date() < deadline, process.isRunning {
            if Self.accepts(httpsPort) { return }
            usleep(20_000)
        }
        stop()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw OpenSSLCLI.Failure(description: "web server did not start: \(text)")
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, stopSignal)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
