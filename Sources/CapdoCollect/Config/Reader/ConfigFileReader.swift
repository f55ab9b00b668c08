import CapdoCore

/// The one reader of configuration files: every parser reads its files, lines, includes and globs through it,
/// and reports what went wrong through it, so every source follows the same rules.
///
/// - A missing file, or one masked by a symlink to `/dev/null`, is silent (a source may legitimately lack it);
///   every other read problem is an issue naming the file.
/// - Lines end at `\n`; a `\r` before it is dropped (CRLF files). A lone `\r` does not end a line: sshd and
///   bash read `a\rb` as one line, and so do PAM and shadow's `login.defs` reader (`fgets`).
/// - A NUL byte cuts the line there, with an error (binary data; bash refuses such a file): sshd, PAM and
///   `login.defs` read lines as C strings, so the text after a NUL is invisible to them (`sshd -T` prints
///   `PermitRootLogin no` for a last line `PermitRootLogin no\0yes`; sshd also drops that line's end).
/// - A line longer than `maxLineBytes` bytes is reported and skipped.
/// - At most `maxIssuesPerFile` issues per file; the rest are summarised once.
/// - Globs are `Glob` (glob(3): `*`, `?`, `[...]`) through `expand`; include loops, depth and file counts
///   are bounded by `enter`.
public struct ConfigFileReader: Sendable {
    /// Collector id used in issues (`config.sysctl`).
    public let collector: String
    public let files: ConfigFiles
    /// Files read, in order, relative to the root.
    public private(set) var read: [String] = []
    /// True once any file of the source was found, readable or not.
    public private(set) var found = false
    public private(set) var issues: [CollectionIssue] = []
    private var issuesPerFile: [String: Int] = [:]
    /// Files (and directories) being parsed, outermost first; see `enter`.
    public internal(set) var includeChain: [String] = []
    /// Files entered through `enter`, for its `maxFiles` bound.
    var filesEntered = 0

    /// Longest line parsed, in bytes; longer lines are reported and skipped.
    public static let maxLineBytes = 64 * 1024
    /// Issues reported per file before the rest are summarised.
    public static let maxIssuesPerFile = 20

    public init(collector: String, files: ConfigFiles) {
        self.collector = collector
        self.files = files
    }

    /// The text of `path`, or nil when it is missing or masked (silently) or cannot be read (with an issue).
    public mutating func text(_ path: String) -> String? {
        let path = ConfigFilePath.normalize(path)
        if files.isMasked(path) { return nil }
        switch files.read(path) {
        case .success(let text):
            found = true
            if !read.contains(path) { read.append(path) }
            return text
        case .failure(let error):
            if error.reason == .missing { return nil }
            found = true
            report(file: path, line: nil, error.description)
            return nil
        }
    }

    /// The text of `path` for a parser that words its own read messages (an include at file:line): a masked
    /// file reads as empty, as it does for a program that opens it; failures are returned, not reported.
    public mutating func load(_ path: String) -> Result<String, FileReadError> {
        let path = ConfigFilePath.normalize(path)
        let result = files.isMasked(path) ? .success("") : files.read(path)
        if case .success = result {
            found = true
            if !read.contains(path) { read.append(path) }
        }
        return result
    }

    /// The lines of `text` worth parsing, by the rules above; a final line end adds no empty line.
    public mutating func lines(_ text: String, file: String) -> [ConfigFileLine] {
        var result: [ConfigFileLine] = []
        var number = 0
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            if line.count > Self.maxLineBytes {
                report(file: file, line: number, "line longer than \(Self.maxLineBytes) bytes, ignored")
                continue
            }
            if let nul = line.firstIndex(of: 0) {
                report(file: file, line: number, "NUL byte in the line; the text after it is ignored")
                line = line[..<nul]
            }
            result.append(ConfigFileLine(number: number, text: String(decoding: line, as: UTF8.self)))
        }
        if number > 0 && text.hasSuffix("\n") { result.removeAll { $0.number == number && $0.text.isEmpty } }
        return result
    }

    /// Records a problem; after `maxIssuesPerFile` for one file the rest are summarised once. An `uncapped`
    /// problem (one that stops the whole source) is always recorded.
    public mutating func report(
        file: String?, line: Int?, _ message: String, level: CollectionIssue.Level = .error, uncapped: Bool = false
    ) {
        let key = file ?? ""
        let count = issuesPerFile[key, default: 0]
        issuesPerFile[key] = count + 1
        if count < Self.maxIssuesPerFile || uncapped {
            issues.append(CollectionIssue(collector: collector, level: level, file: file, line: line, message: message))
        } else if count == Self.maxIssuesPerFile {
            issues.append(
                CollectionIssue(
                    collector: collector, level: level, file: file, line: nil,
                    message: "more than \(Self.maxIssuesPerFile) problems in this file; the rest are not reported"))
        }
    }

    /// Expands a root-relative glob pattern to existing paths, sorted; a plain path is returned as is.
    public func expand(_ pattern: String) -> [String] {
        ConfigFilePath.expand(pattern, in: files)
    }

    /// The section for what was read.
    public func section(_ entries: [String: ConfigEntry], blocks: [ConfigBlock] = []) -> ConfigSection {
        ConfigSection(files: read, present: found, entries: entries, blocks: blocks)
    }
}
