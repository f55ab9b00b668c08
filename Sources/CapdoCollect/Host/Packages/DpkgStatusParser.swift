import CapdoCore

/// Parses dpkg's status database (`var/lib/dpkg/status`, `var/lib/dpkg/status.d/*`): pure text → packages.
///
/// Stanzas are separated by blank lines; a field is `Name: value`, continuation lines start with a space or
/// tab. `Status: want flag state` gives the state; `Source: name (version)` loses its version. Garbage lines
/// and stanzas without `Package` become issues with file:line and parsing carries on. A file cut in the
/// middle of its last stanza (no final newline, or — for the main database, which dpkg always ends with a
/// blank line — no terminating blank line) yields every complete stanza and an issue at the cut stanza.
public enum DpkgStatusParser {
    /// Packages and the issues found while parsing one file.
    public struct Result: Sendable, Equatable {
        public var packages: [InstalledPackage]
        public var issues: [CollectionIssue]
    }

    /// Parses `text` read from `file` (root-relative). `requireTerminator` is true for the main database.
    public static func parse(
        _ text: String, file: String, requireTerminator: Bool = true, collector: String = "packages"
    ) -> Result {
        var result = Result(packages: [], issues: [])
        // Work on UTF-8 bytes: a status file has tens of thousands of lines, and Character-level splitting
        // and Foundation trimming dominated the whole scan's time.
        var lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
        let endsWithNewline = text.utf8.last == 10
        if endsWithNewline { lines.removeLast() }
        var stanza: [(name: String, value: String, line: Int)] = []
        var stanzaLine = 0
        var lastLineBlank = true
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.utf8.last == 13 ? raw.dropLast() : raw
            if line.utf8.isEmpty {
                finish(stanza, startLine: stanzaLine, file: file, collector: collector, into: &result)
                stanza = []
                lastLineBlank = true
                continue
            }
            lastLineBlank = false
            let first = line.utf8.first
            if first == 32 || first == 9 {
                if stanza.isEmpty {
                    result.issues.append(malformed(file: file, line: number, collector: collector))
                } else {
                    stanza[stanza.count - 1].value += "\n" + Self.trimmed(line)
                }
                continue
            }
            guard let colon = line.utf8.firstIndex(of: 58), colon != line.startIndex,
                !line.utf8[..<colon].contains(where: { $0 == 32 || $0 == 9 })
            else {
                result.issues.append(malformed(file: file, line: number, collector: collector))
                continue
            }
            if stanza.isEmpty { stanzaLine = number }
            let name = String(line[..<colon]).lowercased()
            let value = Self.trimmed(line[line.utf8.index(after: colon)...])
            stanza.append((name, value, number))
        }
        if !stanza.isEmpty {
            // dpkg ends its database with a blank line, but a hand-made or copied file may not: a last stanza
            // that ends in a newline and has Package, Status and Version is complete enough to keep (with a
            // warning); one cut inside a line, or missing those fields, is a truncation.
            let names = Set(stanza.map(\.name))
            let complete = names.isSuperset(of: ["package", "status", "version"])
            let cut = !endsWithNewline || (requireTerminator && !lastLineBlank && !complete)
            if !cut, requireTerminator, !lastLineBlank {
                result.issues.append(
                    CollectionIssue(
                        collector: collector, level: .warning, file: file, line: stanzaLine,
                        message: "no blank line after the last stanza (dpkg always writes one); the stanza was kept"))
            }
            if cut {
                result.issues.append(
                    CollectionIssue(
                        collector: collector, file: file, line: stanzaLine,
                        message: "file ends in the middle of a stanza (truncated?); that stanza was ignored"))
            } else {
                finish(stanza, startLine: stanzaLine, file: file, collector: collector, into: &result)
            }
        }
        return result
    }

    /// `installed` from `install ok installed`; nil when the field is not three words.
    public static func state(fromStatus status: String) -> String? {
        let words = status.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 3 else { return nil }
        return String(words[2])
    }
}

private extension DpkgStatusParser {
    /// Drops spaces and tabs at both ends, on bytes.
    static func trimmed(_ text: Substring) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != 32 && $0 != 9 }),
            let last = bytes.lastIndex(where: { $0 != 32 && $0 != 9 })
        else { return "" }
        return String(text[first...last])
    }

    static func malformed(file: String, line: Int, collector: String) -> CollectionIssue {
        CollectionIssue(
            collector: collector, level: .warning, file: file, line: line,
            message: "malformed line (neither a field nor a continuation); ignored")
    }

    static func finish(
        _ stanza: [(name: String, value: String, line: Int)], startLine: Int, file: String, collector: String,
        into result: inout Result
    ) {
        guard !stanza.isEmpty else { return }
        func field(_ name: String) -> (value: String, line: Int)? {
            stanza.first(where: { $0.name == name }).map { ($0.value, $0.line) }
        }
        guard let package = field("package"), !package.value.isEmpty else {
            result.issues.append(
                CollectionIssue(
                    collector: collector, level: .warning, file: file, line: startLine,
                    message: "stanza without a Package field; ignored"))
            return
        }
        var state = "installed"
        if let status = field("status") {
            if let parsed = Self.state(fromStatus: status.value) {
                state = parsed
            } else {
                state = "unknown"
                result.issues.append(
                    CollectionIssue(
                        collector: collector, level: .warning, file: file, line: status.line,
                        message: "package '\(package.value)': Status is not 'want flag state'"))
            }
        }
        var source = field("source")?.value
        if let text = source, let paren = text.firstIndex(of: "(") {
            source = text[..<paren].trimmingCharacters(in: .whitespaces)
        }
        result.packages.append(
            InstalledPackage(
                name: package.value, version: field("version")?.value ?? "", architecture: field("architecture")?.value,
                state: state, sourcePackage: source?.isEmpty == true ? nil : source, file: file, line: package.line))
    }
}
