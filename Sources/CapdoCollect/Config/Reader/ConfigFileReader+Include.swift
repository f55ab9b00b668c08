extension ConfigFileReader {
    /// The text of `path` to parse next, pushed on the include chain (call `leave()` when it is parsed); nil
    /// when it is missing or unreadable (see `text`) or may not be entered: already being parsed (an include
    /// loop), nested deeper than `maxDepth`, or `maxFiles` files entered already. The reason is reported at
    /// the including file.
    public mutating func enter(_ path: String, maxDepth: Int, maxFiles: Int = .max) -> String? {
        guard mayEnter(path, maxDepth: maxDepth, maxFiles: maxFiles), let text = text(path) else { return nil }
        filesEntered += 1
        includeChain.append(path)
        return text
    }

    /// Pushes an included directory on the include chain, under the same bounds as `enter`; false when it may
    /// not be entered. Call `leave()` when its files are parsed.
    public mutating func enter(directory path: String, maxDepth: Int, maxFiles: Int = .max) -> Bool {
        guard mayEnter(path, maxDepth: maxDepth, maxFiles: maxFiles) else { return false }
        includeChain.append(path)
        return true
    }

    /// Pops the file or directory entered last.
    public mutating func leave() {
        includeChain.removeLast()
    }

    private mutating func mayEnter(_ path: String, maxDepth: Int, maxFiles: Int) -> Bool {
        let including = includeChain.last
        if includeChain.contains(path) {
            report(file: including, line: nil, "include loop: \(path) includes itself, not followed")
            return false
        }
        if includeChain.count >= maxDepth {
            report(file: including, line: nil, "includes nested deeper than \(maxDepth), \(path) not read")
            return false
        }
        if filesEntered >= maxFiles {
            report(file: including, line: nil, "more than \(maxFiles) included files, \(path) not read")
            return false
        }
        return true
    }
}
