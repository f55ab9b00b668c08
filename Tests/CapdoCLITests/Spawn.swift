import Foundation

/// Runs a program with posix_spawn and a blocking waitpid: the namespace tests start daemons in the background,
/// which Foundation's `Process` does not always notice ending (its child stays a zombie).
enum Spawn {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A started program: its pid and the file that collects its stdout+stderr.
    struct Child {
        let pid: pid_t
        let arguments: [String]
        let log: String

        /// Sends `signalNumber` (SIGINT, SIGKILL, …); false when the process is already gone.
        @discardableResult
        func signal(_ signalNumber: Int32) -> Bool { kill(pid, signalNumber) == 0 }

        /// Waits for the exit (blocking this thread, never a cooperative one's continuation); returns the exit
        /// status (128 + signal when killed) and the output.
        func wait() -> (status: Int32, output: String) {
            defer { unlink(log) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return (exit, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
        }
    }

    /// Starts `arguments` (argv[0] an absolute path) with stdin from /dev/null; does not wait.
    static func start(_ arguments: [String]) throws -> Child {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-spawn-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else {
            unlink(log)
            throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        return Child(pid: pid, arguments: arguments, log: log)
    }

    /// Runs `arguments` (argv[0] an absolute path); returns stdout+stderr; throws on a non-zero exit.
    @discardableResult
    static func run(_ arguments: [String], allowFailure: Bool = false) throws -> (status: Int32, output: String) {
        let (exit, output) = try start(arguments).wait()
        if exit != 0 && !allowFailure {
            throw Failure(description: "\(arguments.joined(separator: " ")) exited \(exit): \(output.suffix(2000))")
        }
        return (exit, output)
    }
}
