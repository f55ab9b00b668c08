import CapdoCore

/// Where a configuration parser gets its file texts and directory listings: the host through a
/// `FileReader`, or an in-memory map in tests. Parsers stay pure functions of what this returns.
public struct ConfigTextSource: Sendable {
    /// The text of a root-relative file, or why it could not be read.
    public var read: @Sendable (String) -> Result<String, FileReadError>
    /// Sorted entry names of a root-relative directory; empty when it does not exist.
    public var list: @Sendable (String) -> [String]

    public init(
        read: @escaping @Sendable (String) -> Result<String, FileReadError>,
        list: @escaping @Sendable (String) -> [String]
    ) {
        self.read = read
        self.list = list
    }

    /// Reads through the environment's file reader, with a size cap for configuration files.
    public init(files: FileReader, limit: Int = 4 * 1024 * 1024) {
        self.read = { path in
            guard !files.isDirectory(path) else {
                return .failure(FileReadError(path: files.relative(path), reason: .notAFile))
            }
            do throws(FileReadError) {
                return .success(try files.readText(path, limit: limit))
            } catch {
                return .failure(error)
            }
        }
        self.list = { path in files.list(path) }
    }

    /// An in-memory tree: keys are root-relative paths, values file texts.
    public static func memory(_ texts: [String: String]) -> ConfigTextSource {
        ConfigTextSource(
            read: { path in
                if let text = texts[path] { return .success(text) }
                return .failure(FileReadError(path: path, reason: .missing))
            },
            list: { directory in
                let prefix = directory.hasSuffix("/") ? directory : directory + "/"
                let names = texts.keys.compactMap { key -> String? in
                    guard key.hasPrefix(prefix) else { return nil }
                    let rest = String(key.dropFirst(prefix.count))
                    return rest.split(separator: "/", omittingEmptySubsequences: true).first.map(String.init)
                }
                return Array(Set(names)).sorted()
            })
    }

    /// The text of `path`, nil when it is missing; other read failures become an issue for `collector`.
    public func text(_ path: String, collector: String, issues: inout [CollectionIssue]) -> String? {
        switch read(path) {
        case .success(let text):
            return text
        case .failure(let error):
            if error.reason != .missing {
                issues.append(CollectionIssue(collector: collector, file: path, message: error.description))
            }
            return nil
        }
    }

    /// Files in `directory` whose names pass `accept`, as root-relative paths in name order.
    public func files(in directory: String, where accept: (String) -> Bool) -> [String] {
        list(directory).filter(accept).map { directory + "/" + $0 }
    }

    /// Expands a root-relative glob (`*`, `?` in any component) in sorted order, as glob(3) does;
    /// `*` and `?` do not match a leading dot. A pattern without wildcards is returned as is.
    public func glob(_ pattern: String) -> [String] {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.contains(where: { $0.contains("*") || $0.contains("?") }) else { return [pattern] }
        var prefixes: [String] = [""]
        for part in parts {
            var next: [String] = []
            for prefix in prefixes {
                if part.contains("*") || part.contains("?") {
                    for name in list(prefix.isEmpty ? "." : prefix) where !name.hasPrefix(".") || part.hasPrefix(".") {
                        if Glob.matches(part, name) { next.append(prefix.isEmpty ? name : prefix + "/" + name) }
                    }
                } else {
                    next.append(prefix.isEmpty ? part : prefix + "/" + part)
                }
            }
            prefixes = next
        }
        return prefixes.sorted()
    }
}
