import Foundation

/// An `openssl s_server` on 127.0.0.1 (a free port chosen by the kernel), killed when stopped or released.
final class TestServer {
    let process = Process()
    let port: Int
    private let logPath: String

    /// Starts `s_server` with `arguments` added after the accept address; waits for its ACCEPT line.
    init(_ arguments: [String], in directory: String) throws {
        guard let openssl = OpenSSLCLI.path else { throw OpenSSLCLI.Failure(description: "openssl not installed") }
        logPath = directory + "/s_server-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["s_server", "-accept", "127.0.0.1:0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date(timeIntervalSinceNow: 10)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0) })
            {
                found = port
            } else {
                usleep(10_000)
            }
        }
        guard let found else {
            process.terminate()
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw OpenSSLCLI.Failure(description: "s_server did not start: \(text)")
        }
        port = found
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
