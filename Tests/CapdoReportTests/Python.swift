import Foundation

/// Runs `python3` for cross-checks against an independent implementation (csv, jsonschema).
enum Python {
    /// The interpreter, or nil when none is on PATH.
    static let path: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// True when `python3 -c "import <module>"` succeeds.
    static func has(_ module: String) -> Bool {
        guard let result = try? run("import \(module)", files: []) else { return false }
        return result.status == 0
    }

    /// Runs `script`, passing each of `files` as a temporary file path in `sys.argv[1…]`; returns exit status and
    /// the standard output and error.
    static func run(_ script: String, files: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let folder = FileManager.default.temporaryDirectory.appending(path: "capdo-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["-c", script]
        for (index, text) in files.enumerated() {
            let url = folder.appending(path: "input\(index)")
            try Data(text.utf8).write(to: url)
            arguments.append(url.path)
        }
        let outURL = folder.appending(path: "stdout")
        let errURL = folder.appending(path: "stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, out, err)
    }
}
