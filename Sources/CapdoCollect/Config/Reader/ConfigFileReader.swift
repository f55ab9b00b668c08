import CapdoCore

/// Reads the files of one configuration source and records what was read and what went wrong.
///
/// Missing files and files masked by a symlink to `/dev/null` are silent (a source may legitimately lack
/// them); every other read problem, binary data and over-long lines become `CollectionIssue`s naming the file and line, and parsing carries on.
public struct SystemConfigReader: Sendable {
    /// Collector id used in issues (`config.sysctl`).
    public let collector: String
    public let files: SystemConfigFiles
    /// Files read, in order, relative to the root.
    public private(set) var read: [String] = []
    /// True once any file of the source was found, readable or not.
    public private(set) var found = false
    public private(set) var issues: [CollectionIssue] = []
    private var issuesPerFile: [String: Int] = [:]

    /// Longest line parsed; longer lines are reported and skipped.
    public static let maxLineBytes = 64 * 1024
    /// Issues reported per file before the rest are summarised.
    public static let maxIssuesPerFile = 20

    public init(collector: String, files: SystemConfigFiles) {
        self.collector = collector
        self.files = files
    }

    /// The text of `path`, or nil when it is missing (silently) or cannot be read (with an issue).
    public mutating func text(_ path: String) -> String? {
        let path = SystemConfigPath.normalize(path)
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

    /// The lines of `text` worth parsing: lines with NUL bytes or over `maxLineBytes` are reported and skipped.
    public mutating func lines(_ text: String, file: String) -> [SystemConfigLine] {
        var result: [SystemConfigLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if raw.utf8.count > Self.maxLineBytes {
                report(file: file, line: number, "line longer than \(Self.maxLineBytes) bytes, ignored")
                continue
            }
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.utf8.contains(0) {
                report(file: file, line: number, "binary data (NUL byte), line ignored")
                continue
            }
            result.append(SystemConfigLine(number: number, text: line))
        }
        if number > 0 && text.hasSuffix("\n") { result.removeAll { $0.number == number && $0.text.isEmpty } }
        return result
    }

    /// Records a problem; after `maxIssuesPerFile` for one file the rest are summarised once.
    public mutating func report(file: String?, line: Int?, _ message: String, level: CollectionIssue.Level = .error) {
        let key = file ?? ""
        let count = issuesPerFile[key, default: 0]
        issuesPerFile[key] = count + 1
        if count < Self.maxIssuesPerFile {
            issues.append(CollectionIssue(collector: collector, level: level, file: file, line: line, message: message))
        } else if count == Self.maxIssuesPerFile {
            issues.append(
                CollectionIssue(
                    collector: collector, level: level, file: file, line: nil,
                    message: "more problems in this file, not reported"))
        }
    }

    /// Expands a root-relative glob pattern to existing paths, sorted; a plain path is returned as is.
    public func expand(_ pattern: String) -> [String] {
        SystemConfigPath.expand(pattern, in: files)
    }

    /// The section for what was read.
    public func section(_ entries: [String: ConfigEntry], blocks: [ConfigBlock] = []) -> ConfigSection {
        ConfigSection(files: read, present: found, entries: entries, blocks: blocks)
    }
}
