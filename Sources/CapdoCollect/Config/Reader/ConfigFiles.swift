import CapdoCore

/// Read-only access to configuration files under a scanned root, as every configuration parser sees it.
///
/// Collectors use `host(_:)`, which goes through the environment's `FileReader`; tests use `memory(_:)`,
/// so every parser stays a pure function of file texts. Paths are relative to the root.
public struct ConfigFiles: Sendable {
    /// Reads a text file; `FileReadError` for missing, unreadable, too large or looping files.
    public var read: @Sendable (String) -> Result<String, FileReadError>
    /// Sorted entry names of a directory; empty when it does not exist.
    public var list: @Sendable (String) -> [String]
    /// True when the path is a directory.
    public var isDirectory: @Sendable (String) -> Bool
    /// True when the path is a symlink to `/dev/null`: systemd's way of masking a file, read as absent.
    public var isMasked: @Sendable (String) -> Bool

    public init(
        read: @escaping @Sendable (String) -> Result<String, FileReadError>,
        list: @escaping @Sendable (String) -> [String],
        isDirectory: @escaping @Sendable (String) -> Bool,
        isMasked: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.read = read
        self.list = list
        self.isDirectory = isDirectory
        self.isMasked = isMasked
    }

    /// Files of the scanned root, read through the environment's reader; a directory is `.notAFile`.
    public static func host(_ reader: FileReader) -> ConfigFiles {
        ConfigFiles(
            read: { path in
                guard !reader.isDirectory(path) else {
                    return .failure(FileReadError(path: reader.relative(path), reason: .notAFile))
                }
                do throws(FileReadError) {
                    return .success(try reader.readText(path))
                } catch {
                    return .failure(error)
                }
            },
            list: { reader.list($0) },
            isDirectory: { reader.isDirectory($0) },
            isMasked: { reader.linkTarget($0) == "/dev/null" })
    }

    /// An in-memory tree: `texts` maps root-relative paths to contents, `errors` makes paths fail to read.
    public static func memory(
        _ texts: [String: String], errors: [String: FileReadError.Reason] = [:], masked: Set<String> = []
    ) -> ConfigFiles {
        let all = Array(texts.keys) + Array(errors.keys) + Array(masked)
        return ConfigFiles(
            read: { path in
                if masked.contains(path) { return .success("") }
                if let reason = errors[path] { return .failure(FileReadError(path: path, reason: reason)) }
                if let text = texts[path] { return .success(text) }
                let reason: FileReadError.Reason = all.contains { $0.hasPrefix(path + "/") } ? .notAFile : .missing
                return .failure(FileReadError(path: path, reason: reason))
            },
            list: { dir in
                let prefix = dir.isEmpty ? "" : (dir.hasSuffix("/") ? dir : dir + "/")
                var names = Set<String>()
                for key in all where key.hasPrefix(prefix) {
                    let rest = key.dropFirst(prefix.count)
                    if let name = rest.split(separator: "/", omittingEmptySubsequences: false).first, !name.isEmpty {
                        names.insert(String(name))
                    }
                }
                return names.sorted()
            },
            isDirectory: { dir in all.contains { $0.hasPrefix(dir + "/") } },
            isMasked: { masked.contains($0) })
    }

    /// Files in `directory` whose names pass `accept`, as root-relative paths in name order.
    public func files(in directory: String, where accept: (String) -> Bool) -> [String] {
        list(directory).filter(accept).map { directory + "/" + $0 }
    }
}
