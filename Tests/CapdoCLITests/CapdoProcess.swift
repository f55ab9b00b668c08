import Foundation

/// Runs the built `capdo` binary the way a user or a scheduler would, with a timeout.
struct CapdoProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Repository root (the folder holding Package.swift).
    static let repository: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `capdo` executable next to the test bundle.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "capdo")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        for folder in [".build/debug", ".build-me/debug", ".build/release"] {
            let candidate = repository.appendingPathComponent(folder + "/capdo").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return beside.path
    }

    /// Runs `capdo` (or `executable`, e.g. one of the repository's scripts, with `environment` added). `wrapper` runs
    /// it through another program (`prlimit --data=… --cpu=…`): its path and arguments first.
    static func run(
        _ arguments: [String], timeout: TimeInterval = 120, directory: URL = repository, executable: String? = nil,
        environment: [String: String] = [:], wrapper: [String] = []
    ) -> Result {
        let process = Process()
        let program = executable ?? binary
        process.executableURL = URL(fileURLWithPath: wrapper.first ?? program)
        process.arguments = wrapper.isEmpty ? arguments : wrapper.dropFirst() + [program] + arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        process.currentDirectoryURL = directory
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-out-\(UUID().uuidString)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        guard let out = try? FileHandle(forWritingTo: outURL), let err = try? FileHandle(forWritingTo: errURL) else {
            return Result(status: -1, stdout: "", stderr: "cannot create output files", timedOut: false)
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return Result(status: -1, stdout: "", stderr: "cannot start \(binary): \(error)", timedOut: false)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        let timedOut = process.isRunning
        if timedOut {
            process.terminate()
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "", timedOut: timedOut)
    }
}
