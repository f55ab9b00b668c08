extension ConfigFileReader {
    /// True when `path` may be parsed next: not already being parsed (an include loop), not nested deeper than
    /// `maxDepth`, and (when the parser counts files) fewer than `maxFiles` parsed so far; otherwise the reason is
    /// reported at the including file.
    mutating func mayEnter(
        _ path: String, stack: [String], maxDepth: Int, filesParsed: Int = 0, maxFiles: Int = .max
    ) -> Bool {
        if stack.contains(path) {
            report(file: stack.last, line: nil, "include loop: \(path) includes itself, not followed")
            return false
        }
        if stack.count >= maxDepth {
            report(file: stack.last, line: nil, "includes nested deeper than \(maxDepth), \(path) not read")
            return false
        }
        if filesParsed >= maxFiles {
            report(file: stack.last, line: nil, "more than \(maxFiles) included files, \(path) not read")
            return false
        }
        return true
    }
}
