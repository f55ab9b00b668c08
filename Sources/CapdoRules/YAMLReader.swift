import CapdoCore
import Foundation

/// Parses YAML text into `YNode`s, turning libyaml's errors into `file:line: …` messages.
///
/// Aliases stand for their anchored node, so a few lines of nested aliases ("billion laughs") would make billions of
/// nodes for a caller to walk: reading stops with a `file:line` error once the tree, aliases expanded, holds more
/// nodes than the text could hold without aliases (`nodeBudget`).
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
        let budget = nodeBudget(bytes: text.utf8.count)
        let tree: YAMLEventReader.Tree
        do throws(YAMLTreeBuilder.Problem) {
            tree = try YAMLEventReader.read(text, nodeBudget: budget)
        } catch {
            throw CapdoError(.ruleSyntax, "\(file):\(error.line): invalid YAML: \(error.text)")
        }
        if let line = tree.exhaustedAt { throw budgetError(file: file, line: line, budget: budget) }
        return tree.root
    }

    /// The error for a document whose aliases expand beyond `budget` nodes.
    static func budgetError(file: String, line: Int, budget: Int) -> CapdoError {
        CapdoError(
            .ruleSyntax,
            "\(file):\(line): YAML aliases expand to more than \(budget) nodes; not read (an alias nested in aliases, "
                + "as in a \"billion laughs\" file)")
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

    /// Typed scalars, but `yes`/`no`/`on`/`off` stay strings: they are config values, not booleans.
    static func scalarValue(_ text: String, plain: Bool) -> FactValue {
        if !plain { return .string(text) }
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
}
