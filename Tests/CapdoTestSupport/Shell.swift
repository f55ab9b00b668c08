import Foundation

/// Runs a helper program (cp, find, dpkg-query, sigtool, an oracle) for test setup and oracles; stderr is dropped.
public enum Shell {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Runs `executable` with `arguments` (in `directory`, `input` on stdin); returns stdout. Throws when it exits
    /// non-zero unless `allowFailure`.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, input: String? = nil,
        allowFailure: Bool = false
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 || allowFailure else {
            throw Failure(
                description: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    public static func exists(_ executable: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: executable)
    }
}
