import CapdoCore
import Yams

/// The reader `YAMLReader.parse` replaced: Yams' composer, then its nodes converted to `YNode`s.
///
/// Kept only as the reference `YAMLReaderEquivalenceTests` compares the event reader with, file by file.
extension YAMLReader {
    /// Parses one document through Yams, with the messages `parse` gives.
    static func parseWithYams(_ text: String, file: String) throws(CapdoError) -> YNode? {
        guard text.utf8.count <= maximumBytes else {
            throw CapdoError(.ruleSyntax, "\(file): larger than \(maximumBytes >> 20) MiB, not read")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw CapdoError(.ruleSyntax, "\(file):\(line(of: error)): invalid YAML: \(problem(of: error))")
        } catch {
            throw CapdoError(.ruleSyntax, "\(file): invalid YAML: \(error)")
        }
        guard let node else { return nil }
        let budget = nodeBudget(bytes: text.utf8.count)
        var left = NodeBudget(left: budget)
        guard let converted = convert(node, budget: &left) else {
            throw budgetError(file: file, line: left.exhaustedAt, budget: budget)
        }
        return converted
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
            return .scalar(scalarValue(scalar.string, plain: scalar.style == .plain), line: line)
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
