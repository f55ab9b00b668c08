import CapdoCollect
import Foundation

/// Runs `systemd-analyze cat-config NAME --root=ROOT` (package systemd), the oracle for which configuration
/// files systemd reads and in what order.
enum SystemdAnalyze {
    static let executable = "/usr/bin/systemd-analyze"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The files systemd reads, root-relative and in order, and the lines it prints (files' contents).
    static func catConfig(_ name: String, root: String) -> (files: [String], lines: [Substring])? {
        guard let output = ProcessRunner.oracle.run(executable, ["cat-config", name, "--root=" + root]) else {
            return nil
        }
        let lines = output.stdout.split(separator: "\n")
        let header = "# " + root + "/"
        let files = lines.filter { $0.hasPrefix(header) }.map { String($0.dropFirst(header.count)) }
        return (files, lines)
    }
}
