import Foundation

/// Runs the real `sshd -T` (openssh-server) as an oracle for `SshdConfigParser`.
enum SshdOracle {
    static let executable = "/usr/sbin/sshd"

    /// sshd -T needs the binary, root (it reads host keys) and its privilege separation directory.
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: executable) && getuid() == 0
    }

    /// True when this machine has at least one default host key, so `-h` is not needed.
    static var hasDefaultHostKey: Bool {
        ["rsa", "ecdsa", "ed25519"].contains { FileManager.default.fileExists(atPath: "/etc/ssh/ssh_host_\($0)_key") }
    }

    /// `sshd -T -f config` as `key → values joined with a space`; throws with sshd's stderr when it refuses.
    static func effective(config: String, connection: String? = nil, extraHostKey: String? = nil) throws
        -> [String: String]
    {
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        var arguments = ["-T", "-f", config]
        if let connection { arguments += ["-C", connection] }
        if let extraHostKey { arguments += ["-h", extraHostKey] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleError(message: "sshd -T refused: " + String(decoding: errors, as: UTF8.self))
        }
        var values: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            if let existing = values[key] { values[key] = existing + " " + value } else { values[key] = value }
        }
        return values
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
