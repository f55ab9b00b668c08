import Foundation

extension [ConfigFileLine] {
    /// The lines trimmed of spaces and tabs, a line ending in `\` joined to the next with a space and numbered
    /// by its first line; blank lines and `comment` lines outside a continuation dropped (Apache httpd's and
    /// systemd.syntax(7)'s rule). `unfinished` is the first line of a continuation still open at the end.
    public func joiningContinuations(comment: (String) -> Bool) -> (lines: [ConfigFileLine], unfinished: Int?) {
        var result: [ConfigFileLine] = []
        var pending = ""
        var pendingLine = 0
        for line in self {
            var content = line.text.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty && (content.isEmpty || comment(content)) { continue }
            if content.hasSuffix("\\") {
                if pending.isEmpty { pendingLine = line.number }
                content.removeLast()
                pending += content + " "
                continue
            }
            result.append(ConfigFileLine(number: pending.isEmpty ? line.number : pendingLine, text: pending + content))
            pending = ""
        }
        return (result, pending.isEmpty ? nil : pendingLine)
    }
}
