import CapdoCore

/// Where the loader is (file, and the rule being read) so that every error reads
/// `file:line: rule 'id': what is wrong`.
struct LoadContext: Sendable {
    var file: String
    var ruleID: String?

    func error(_ line: Int, _ message: String, code: CapdoError.Code = .ruleInvalid) -> CapdoError {
        var prefix = "\(file):\(line): "
        if let ruleID { prefix += "rule '\(ruleID)': " }
        return CapdoError(code, prefix + message)
    }

    /// Fails on keys outside `allowed` and on missing `required` keys.
    func checkKeys(_ node: YNode, allowed: Set<String>, required: Set<String> = [], what: String) throws(CapdoError) {
        guard case .mapping(let pairs, let line) = node else {
            throw error(node.line, "\(what) must be a mapping, found \(node.kindName)")
        }
        for pair in pairs where !allowed.contains(pair.key) {
            let suggestion = LoadContext.closest(pair.key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            throw error(pair.keyLine, "unknown key '\(pair.key)' in \(what)\(suggestion)")
        }
        let present = Set(pairs.map(\.key))
        for key in required.sorted() where !present.contains(key) {
            throw error(line, "\(what) is missing '\(key)'")
        }
    }

    func string(_ node: YNode?, _ what: String, line: Int) throws(CapdoError) -> String {
        guard let node else { throw error(line, "missing '\(what)'") }
        guard let value = node.scalar?.stringValue, !value.isEmpty else {
            throw error(node.line, "'\(what)' must be a non-empty text, found \(node.kindName)")
        }
        return value
    }

    func localized(_ node: YNode?, _ what: String, line: Int) throws(CapdoError) -> LocalizedText {
        guard let node else { throw error(line, "missing '\(what)'") }
        if let text = node.scalar?.stringValue { return LocalizedText(text) }
        try checkKeys(node, allowed: ["vi", "en"], required: ["vi", "en"], what: "'\(what)'")
        return LocalizedText(
            vi: try string(node["vi"], "\(what).vi", line: node.line),
            en: try string(node["en"], "\(what).en", line: node.line))
    }

    /// The nearest allowed key by edit distance, for "did you mean" hints.
    static func closest(_ key: String, in allowed: Set<String>) -> String? {
        let scored = allowed.map { ($0, distance(key, $0)) }.filter { $0.1 <= max(2, key.count / 3) }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
