import CapdoTestSupport
import Foundation

/// Runs ClamAV's own `sigtool` (Debian package `clamav`): builds real databases and prints `--info`.
enum Sigtool {
    static let executable = "/usr/bin/sigtool"

    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// Builds `<name>.cvd` (unsigned, no network) in `directory` from the signature files already there.
    @discardableResult
    static func build(name: String, version: Int, in directory: String, builder: String = "capdo-test") throws -> String
    {
        _ = try run(
            ["--build=\(name).cvd", "--unsigned", "--cvd-version=\(version)", "--no-cdiff", "--datadir=\(directory)"],
            in: directory, input: builder + "\n")
        return directory + "/\(name).cvd"
    }

    /// `sigtool --info FILE` as `label → value` (`Version` → `27500`).
    static func info(_ file: String) throws -> [String: String] {
        let output = try run(["--info=\(file)"], in: nil, input: nil, allowFailure: true)
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            values[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return values
    }

    static func run(_ arguments: [String], in directory: String?, input: String?, allowFailure: Bool = false) throws
        -> String
    {
        try Shell.run(executable, arguments, in: directory, input: input ?? "", allowFailure: allowFailure)
    }
}
