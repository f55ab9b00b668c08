/// Root-relative path handling for configuration includes: normalising, resolving and glob expansion.
///
/// Globs follow `glob(3)`: `*`, `?` and `[...]` within one path component, hidden names only matched by a
/// pattern component that starts with a dot, results sorted. Expansion never leaves the root.
public enum SystemConfigPath {
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

    /// True when `pattern` contains glob characters.
    public static func hasMagic(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Existing paths matching a root-relative pattern, sorted; a pattern without glob characters is returned
    /// unchanged (whether or not it exists).
    public static func expand(_ pattern: String, in files: SystemConfigFiles) -> [String] {
        let normalized = normalize(pattern)
        guard hasMagic(normalized) else { return [normalized] }
        var current = [""]
        for component in normalized.split(separator: "/").map(String.init) {
            var next: [String] = []
            for base in current {
                if hasMagic(component) {
                    for name in files.list(base) where matches(component, name) {
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

    /// `fnmatch(3)` for one path component: `*`, `?`, `[abc]`, `[a-z]`, `[!x]`, `[^x]`, backslash escapes.
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern)
        let t = Array(name)
        var pi = 0
        var ti = 0
        var starP = -1
        var starT = 0
        while ti < t.count {
            if pi < p.count {
                switch p[pi] {
                case "*":
                    starP = pi
                    starT = ti
                    pi += 1
                    continue
                case "?":
                    pi += 1
                    ti += 1
                    continue
                case "[":
                    if let (matched, end) = matchClass(p, at: pi, t[ti]) {
                        if matched {
                            pi = end
                            ti += 1
                            continue
                        }
                    } else if t[ti] == "[" {
                        pi += 1
                        ti += 1
                        continue
                    }
                case "\\" where pi + 1 < p.count:
                    if p[pi + 1] == t[ti] {
                        pi += 2
                        ti += 1
                        continue
                    }
                default:
                    if p[pi] == t[ti] {
                        pi += 1
                        ti += 1
                        continue
                    }
                }
            }
            guard starP >= 0 else { return false }
            starT += 1
            ti = starT
            pi = starP + 1
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

private extension SystemConfigPath {
    /// Matches a bracket expression starting at `start`; nil when it is not closed (then `[` is literal).
    static func matchClass(_ p: [Character], at start: Int, _ c: Character) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count && (p[i] == "!" || p[i] == "^") {
            negated = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (matched != negated, i + 1) }
            first = false
            let low = p[i]
            if i + 2 < p.count && p[i + 1] == "-" && p[i + 2] != "]" {
                if low <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if low == c { matched = true }
                i += 1
            }
        }
        return nil
    }
}
