import CapdoCore
import Foundation
import Yams

/// Parses YAML text into `YNode`s, turning Yams errors into `file:line: …` messages.
enum YAMLReader {
    /// Parses one document. An empty document gives nil.
    static func parse(_ text: String, file: String) throws(CapdoError) -> YNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CapdoError(.ruleSyntax, "\(file):\(line(of: error)): invalid YAML: \(problem(of: error))")
        } catch {
            throw CapdoError(.ruleSyntax, "\(file): invalid YAML: \(error)")
        }
        guard let node else { return nil }
        return convert(node)
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

    private static func convert(_ node: Node) -> YNode {
        let line = node.mark?.line ?? 0
        switch node {
        case .scalar(let scalar):
            return .scalar(scalarValue(scalar), line: line)
        case .sequence(let sequence):
            return .sequence(sequence.map(convert), line: line)
        case .mapping(let mapping):
            let pairs = mapping.map { pair in
                (key: pair.key.string ?? "", keyLine: pair.key.mark?.line ?? line, value: convert(pair.value))
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
