import CapdoCore
import Foundation

/// What a rule is judged against: the facts tree, the time, the profile's variables and the collectors' issues.
struct EvaluationContext: Sendable {
    var facts: FactValue
    var now: Date
    var variables: [String: FactValue]
    var issues: [CollectionIssue]
    /// Package entries by name (multi-arch `name:arch` filed under `name` too), built once per host.
    var packageIndex: [String: [FactValue]]? = nil
    /// The issues of collection steps that could not look at a fact path, with that path, built once per host.
    var stepIssues: [StepIssue] = []

    /// An error issue of a collection step named by the fact path it would have filled.
    struct StepIssue: Sendable {
        var step: [String]
        var issue: CollectionIssue
    }

    /// Error issues of a collection step that could not look at a fact path (the Windows script names each failed
    /// step by the path it would have filled: `windows.bitlocker_volumes`, `accounts`). Issues naming a file or a
    /// line are about what a collector read there and stay with the resolvers that judge them finely (a malformed
    /// line, an unreadable etc/shadow, a configuration default).
    static func stepIssues(_ issues: [CollectionIssue]) -> [StepIssue] {
        issues.compactMap { issue in
            guard issue.level != .warning, issue.file == nil, issue.line == nil else { return nil }
            let step = FactPath(dotted: issue.collector).components
            return step.isEmpty ? nil : StepIssue(step: step, issue: issue)
        }
    }

    /// Builds the package index of a facts tree.
    static func indexPackages(_ facts: FactValue) -> [String: [FactValue]]? {
        guard let entries = facts["packages"]?["packages"]?.arrayValue else { return nil }
        var index: [String: [FactValue]] = [:]
        index.reserveCapacity(entries.count)
        for entry in entries {
            guard let name = entry["name"]?.stringValue else { continue }
            index[name, default: []].append(entry)
            if let colon = name.firstIndex(of: ":") { index[String(name[..<colon]), default: []].append(entry) }
        }
        return index
    }

    /// An `unknown` outcome for a missing section: `error` with the collector's message when it reported one.
    func missing(section: String, collectorPrefixes: [String]) -> Outcome {
        let related = issues.filter { issue in
            issue.level != .warning
                && collectorPrefixes.contains { issue.collector == $0 || issue.collector.hasPrefix($0 + ".") }
        }
        if !related.isEmpty {
            return .unknown(issues: related.map(\.description), error: true)
        }
        return .unknown(reason: ReasonText.notCollected(section), error: false)
    }

    /// The step issues (`stepIssues`) on or above one of `paths`: what such a step left (nothing, or an empty list)
    /// proves nothing, so a check reading there is an `error`.
    func stepFailures(reading paths: [FactPath]) -> [CollectionIssue] {
        let keys = paths.map { $0.components.filter { $0 != FactPath.elements } }
        return stepIssues.filter { entry in keys.contains { $0.starts(with: entry.step) } }.map(\.issue)
    }

    /// Error issues of one collector (for values that are absent although the section exists).
    func errors(of collector: String) -> [CollectionIssue] {
        issues.filter { $0.level != .warning && $0.collector == collector }
    }

    /// An `error` outcome when an input of these collectors could not be read (an `unreadable` issue): counting
    /// what was read of a capture or certificate file proves nothing about what was not. Nil otherwise.
    func unread(collectorPrefixes: [String]) -> Outcome? {
        let unread = issues.filter { issue in
            issue.level == .unreadable
                && collectorPrefixes.contains { issue.collector == $0 || issue.collector.hasPrefix($0 + ".") }
        }
        guard !unread.isEmpty else { return nil }
        return .unknown(issues: unread.map(\.description), error: true)
    }

    /// Replaces `${name}` references by the profile's values; nil when a variable is undefined.
    func resolve(_ operand: FactValue) -> Result<FactValue, UndefinedVariable> {
        switch operand {
        case .string(let text) where operand.refersToVariables:
            if text.hasPrefix("${"), text.hasSuffix("}"),
                text.dropFirst(2).dropLast().allSatisfy({ $0 != "}" && $0 != "$" })
            {
                let name = String(text.dropFirst(2).dropLast())
                guard let value = variables[name] else { return .failure(UndefinedVariable(name: name)) }
                return .success(value)
            }
            let filled = Self.fill(text) { variables[$0]?.display }
            if let name = filled.undefined { return .failure(UndefinedVariable(name: name)) }
            return .success(.string(filled.text))
        case .array(let items) where items.contains(where: \.refersToVariables):
            var resolved: [FactValue] = []
            for item in items {
                switch resolve(item) {
                case .success(let value): resolved.append(value)
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.array(resolved))
        default:
            return .success(operand)
        }
    }

    /// `text` with every `${name}` replaced by `value(name)`, and the first name without a value (left as written);
    /// an unterminated `${` stays as written. Operands and rule texts are filled by this one function.
    static func fill(_ text: String, _ value: (String) -> String?) -> (text: String, undefined: String?) {
        var result = ""
        var undefined: String?
        var rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            let name = String(rest[start.upperBound..<end])
            result += rest[..<start.lowerBound]
            if let filled = value(name) {
                result += filled
            } else {
                undefined = undefined ?? name
                result += rest[start.lowerBound...end]
            }
            rest = rest[rest.index(after: end)...]
        }
        return (result + rest, undefined)
    }
}

/// A `${name}` the profile does not define.
struct UndefinedVariable: Error, Sendable {
    var name: String
}
