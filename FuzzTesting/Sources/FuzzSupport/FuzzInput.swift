import Foundation

/// Turns libFuzzer's bytes into what capdo's parsers read: text, a tree of configuration files, or a real file.
public enum FuzzInput {
    /// The bytes of one input; valid only during the `LLVMFuzzerTestOneInput` call.
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: start, count: count)
    }

    /// The input as text, invalid UTF-8 replaced, as a file reader decoding lossily would give it.
    public static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Splits the input at NUL bytes: piece *n* becomes the text of `paths[n]`; pieces beyond the paths are dropped.
    /// A seed is thus the files of a configuration joined with NULs, main file first.
    public static func files(_ bytes: UnsafeRawBufferPointer, paths: [String]) -> [String: String] {
        var files: [String: String] = [:]
        for (path, piece) in zip(paths, bytes.split(separator: 0, omittingEmptySubsequences: false)) {
            files[path] = String(decoding: piece, as: UTF8.self)
        }
        return files
    }

    /// A directory private to this process for targets whose code under test reads real files
    /// (`scripts/fuzz` points `TMPDIR` at its working directory and removes it afterwards).
    public static let scratch: String = {
        let path = NSTemporaryDirectory() + "/capdo-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes the input to `name` in `scratch` and returns the file's path.
    @discardableResult
    public static func write(_ bytes: UnsafeRawBufferPointer, to name: String) -> String {
        let path = scratch + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
