internal import CYaml
import Foundation

/// Reads YAML text with libyaml's event parser straight into `YAMLTreeBuilder`, one document.
///
/// Yams' composer built its own tree of nodes first, grouped each mapping's keys in a dictionary of them and then had
/// that tree converted; this reads the same libyaml (Yams bundles it as `CYaml`) the same way, with the same
/// settings (UTF-8 input, one document), and words libyaml's errors as Yams did, so messages are unchanged.
enum YAMLEventReader {
    /// The document's tree (nil for none) and where the node budget ran out, if it did.
    struct Tree {
        var root: YNode?
        var exhaustedAt: Int?
    }

    static func read(_ text: String, nodeBudget: Int) throws(YAMLTreeBuilder.Problem) -> Tree {
        var input = text
        return try input.withUTF8 { bytes in
            Result { () throws(YAMLTreeBuilder.Problem) in try read(bytes, text: text, nodeBudget: nodeBudget) }
        }.get()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, text: String, nodeBudget: Int)
        throws(YAMLTreeBuilder.Problem) -> Tree
    {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return Tree() }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLTreeBuilder.Problem(line: 0, text: "Memory error") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, start, bytes.count)
        var builder = YAMLTreeBuilder(nodeBudget: nodeBudget)
        var event = yaml_event_t()
        var documents = 0
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw problem(of: parser, in: text) }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return Tree(root: builder.root, exhaustedAt: builder.exhaustedAt)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLTreeBuilder.Problem(
                        line: line, text: "but found another document (expected a single document in the stream)")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                builder.scalar(
                    scalarText(scalar.value, count: scalar.length),
                    plain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    tag: scalar.quoted_implicit == 1 ? YAMLKeyShape.stringTag : string(scalar.tag),
                    anchor: string(scalar.anchor), line: line)
            case YAML_SEQUENCE_START_EVENT:
                let sequence = event.data.sequence_start
                builder.start(
                    mapping: false, tag: sequence.implicit != 0 ? nil : string(sequence.tag),
                    anchor: string(sequence.anchor), line: line)
            case YAML_MAPPING_START_EVENT:
                let mapping = event.data.mapping_start
                builder.start(
                    mapping: true, tag: mapping.implicit != 0 ? nil : string(mapping.tag),
                    anchor: string(mapping.anchor), line: line)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.end()
            case YAML_ALIAS_EVENT:
                try builder.alias(string(event.data.alias.anchor) ?? "", line: line)
            default:
                break
            }
        }
    }

    /// A scalar's text. Yams decoded it with Foundation, which drops one leading byte order mark (`"\uFEFFx"` is
    /// `x`); kept so, since rules, profiles and tests were read that way.
    private static func scalarText(_ start: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let start else { return "" }
        if count >= 3, start[0] == 0xEF, start[1] == 0xBB, start[2] == 0xBF {
            return String(decoding: UnsafeBufferPointer(start: start + 3, count: count - 3), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// libyaml's error as `problem (context)` at its 1-based line; a reader error (a control character) as Yams
    /// described it, with the offending line and a caret, at line 0.
    private static func problem(of parser: yaml_parser_t, in text: String) -> YAMLTreeBuilder.Problem {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = parser.context.map { " (\(String(cString: $0)))" } ?? ""
            return YAMLTreeBuilder.Problem(line: Int(parser.problem_mark.line) + 1, text: problem + context)
        case YAML_READER_ERROR:
            return YAMLTreeBuilder.Problem(
                line: 0,
                text: readerProblem(problem, offset: parser.problem_offset, value: parser.problem_value, in: text))
        case YAML_MEMORY_ERROR:
            return YAMLTreeBuilder.Problem(line: 0, text: "Memory error")
        default:
            return YAMLTreeBuilder.Problem(line: 0, text: "libyaml error \(parser.error.rawValue)")
        }
    }

    /// `line:column: error: reader: problem:` then the line holding the byte at `offset` and a caret under it; the
    /// column counts UTF-16 units, as Yams counted them.
    private static func readerProblem(_ problem: String, offset: Int, value: Int32, in text: String) -> String {
        guard
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset, limitedBy: text.utf8.endIndex)?
                .samePosition(in: text)
        else { return "\(problem) at offset: nil, value: \(value)" }
        var number = 0
        var lineStart = text.startIndex
        var lineEnd = text.startIndex
        var contentsEnd = text.startIndex
        text.getLineStart(&lineStart, end: &lineEnd, contentsEnd: &contentsEnd, for: text.startIndex..<text.startIndex)
        while lineEnd <= index && lineEnd < text.endIndex {
            number += 1
            text.getLineStart(&lineStart, end: &lineEnd, contentsEnd: &contentsEnd, for: lineEnd..<lineEnd)
        }
        let column = text.utf16.distance(from: lineStart, to: index)
        var contents = String(text[lineStart..<lineEnd])
        if !(contents.unicodeScalars.last.map(CharacterSet.newlines.contains) ?? false) { contents += "\n" }
        return "\(number + 1):\(column + 1): error: reader: \(problem):\n" + contents
            + String(repeating: " ", count: column) + "^"
    }
}
