import CapdoCore
import Foundation
import Yams

/// Parses YAML text into `YNode`s, turning Yams errors into `file:line: …` messages.
///
/// Aliases are expanded when converting, so a few lines of nested aliases ("billion laughs") would make billions of
/// nodes: the conversion stops with a `file:line` error once it has made more nodes than the text could hold
/// without aliases (`nodeBudget`).
enum YAMLReader {
    /// Files larger than this are refused before parsing.
    static let maximumBytes = 16 << 20

    /// Nodes a document of `bytes` bytes may expand to: each node takes at least two bytes of text (`- `, `a:`),
    /// so this leaves room for ordinary anchors and aliases and stops an exponential expansion early.
    static func nodeBudget(bytes: Int) -> Int { max(10_000, 4 * bytes) }

    /// Parses one document. An empty document gives nil.
    static func parse(_ text: String, file: String) throws(CapdoError) -> YNode? {
        guard text.utf8.count <= maximumBytes else {
            throw CapdoError(.ruleSyntax, "\(file): larger than \(maximumBytes >> 20) MiB, not read")
        }
        let node: Node?
        do {
            // `.basic` resolves no implicit tags: `scalarValue` reads scalars by style and text alone, so Yams' regular
            // expressions per scalar (most of the time spent loading the rules) would be thrown away. Keys compare
            // as text, as `convert` keeps them, so `1:` and `"1":` are one key twice: a duplicate, reported.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw CapdoError(.ruleSyntax, "\(file):\(line(of: error)): invalid YAML: \(problem(of: error))")
        } catch {
            throw CapdoError(.ruleSyntax, "\(file): invalid YAML: \(error)")
        }
        guard let node else { return nil }
        var budget = NodeBudget(left: nodeBudget(bytes: text.utf8.count))
        guard let converted = convert(node, budget: &budget) else {
            throw CapdoError(
                .ruleSyntax,
                "\(file):\(budget.exhaustedAt): YAML aliases expand to more than \(nodeBudget(bytes: text.utf8.count)) "
                    + "nodes; not read (an alias nested in aliases, as in a \"billion laughs\" file)")
        }
        return converted
    }

    /// Reads and parses a file.
    static func parseFile(_ path: String, displayPath: String? = nil) throws(CapdoError) -> YNode? {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CapdoError(.io, "\(shown): cannot read the file (missing or permission denied)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CapdoError(.ruleSyntax, "\(shown): not UTF-8 text")
        }
        return try parse(text, file: shown)
    }

    /// Nodes still to be made, and the line of the node that found none left.
    private struct NodeBudget {
        var left: Int
        var exhaustedAt = 0
    }

    /// `node` as a `YNode`, or nil once the budget is spent.
    private static func convert(_ node: Node, budget: inout NodeBudget) -> YNode? {
        let line = node.mark?.line ?? 0
        budget.left -= 1
        guard budget.left >= 0 else {
            budget.exhaustedAt = line
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(scalarValue(scalar), line: line)
        case .sequence(let sequence):
            var items: [YNode] = []
            for item in sequence {
                guard let converted = convert(item, budget: &budget) else { return nil }
                items.append(converted)
            }
            return .sequence(items, line: line)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLine: Int, value: YNode)] = []
            for pair in mapping {
                guard let value = convert(pair.value, budget: &budget) else { return nil }
                pairs.append((key: pair.key.string ?? "", keyLine: pair.key.mark?.line ?? line, value: value))
            }
            return .mapping(pairs, line: line)
        case .alias:
            return .scalar(.null, line: line)
        }
    }

    /// Typed scalars, but `yes`/`no`/`on`/`off` stay strings: they are config values, not booleans.
    private static func scalarValue(_ scalar: Node.Scalar) -> FactValue {
        let text = scalar.string
        if scalar.style != .plain { return .string(text) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "Null", "NULL", "~", "": return .null
        default: break
        }
        if let int = Int(text) { return .number(Double(int)) }
        if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), !text.hasPrefix("."),
            let double = Double(text), double.isFinite, text.first?.isNumber == true || text.first == "-"
        {
            return .number(double)
        }
        return .string(text)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys: \(duplicates.joined(separator: ", "))"
        default:
            return "\(error)"
        }
    }
}
