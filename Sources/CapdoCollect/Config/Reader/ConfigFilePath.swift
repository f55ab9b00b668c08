import CapdoCore

/// Root-relative path handling for configuration includes: normalising, resolving and glob expansion.
///
/// Globs follow `glob(3)` (`Glob`): `*`, `?` and `[...]` within one path component, hidden names only matched by a
/// pattern component that starts with a dot, results sorted. Expansion never leaves the root.
public enum ConfigFilePath {
    /// Largest number of paths one pattern expands to.
    public static let maxMatches = 4096

    /// `etc/nginx/conf.d/x.conf` for `/etc//nginx/./conf.d/../conf.d/x.conf`; `..` never climbs above the root.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Resolves an include argument: absolute paths are taken inside the root, relative ones against `base`.
    public static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        return normalize(base + "/" + path)
    }

    /// Existing paths matching a root-relative pattern, sorted; a pattern without glob characters is returned
    /// unchanged (whether or not it exists).
    public static func expand(_ pattern: String, in files: ConfigFiles) -> [String] {
        let normalized = normalize(pattern)
        guard Glob.hasMagic(normalized) else { return [normalized] }
        var current = [""]
        for component in normalized.split(separator: "/").map(String.init) {
            var next: [String] = []
            for base in current {
                if Glob.hasMagic(component) {
                    for name in files.list(base) where Glob.matches(component, name) {
                        if name.hasPrefix(".") && !component.hasPrefix(".") { continue }
                        next.append(base.isEmpty ? name : base + "/" + name)
                        if next.count >= maxMatches { break }
                    }
                } else {
                    next.append(base.isEmpty ? component : base + "/" + component)
                }
            }
            current = next
            if current.isEmpty { return [] }
        }
        return current.sorted()
    }
}
