import Foundation

/// One PAM configuration line: `[-]type control module [args…]`, or `@include file`.
struct PamLine: Equatable {
    var type: String
    var control: String
    var module: String
    var arguments: [String]
    var optional: Bool
    var isAtInclude: Bool

    /// The module name without directory or `.so` (`/lib/security/pam_unix.so` → `pam_unix`).
    var moduleName: String {
        var name = module.split(separator: "/").last.map(String.init) ?? module
        if name.hasSuffix(".so") { name.removeLast(3) }
        return name
    }

    /// Nil for blank lines.
    init?(_ line: String) {
        let tokens = PamLine.tokens(line)
        guard let first = tokens.first else { return nil }
        if first == "@include" {
            self.init(
                type: "", control: "", module: tokens.count > 1 ? tokens[1] : "", arguments: [], optional: false,
                isAtInclude: true)
            return
        }
        let optional = first.hasPrefix("-")
        self.init(
            type: (optional ? String(first.dropFirst()) : first).lowercased(),
            control: tokens.count > 1 ? tokens[1] : "", module: tokens.count > 2 ? tokens[2] : "",
            arguments: Array(tokens.dropFirst(3)), optional: optional, isAtInclude: false)
    }

    init(type: String, control: String, module: String, arguments: [String], optional: Bool, isAtInclude: Bool) {
        self.type = type
        self.control = control
        self.module = module
        self.arguments = arguments
        self.optional = optional
        self.isAtInclude = isAtInclude
    }

    /// Whitespace-separated tokens; `[...]` (controls, bracketed arguments) stays one token, `#` starts a comment.
    static func tokens(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for character in line {
            if depth == 0 && character == "#" { break }
            if character == "[" { depth += 1 }
            if character == "]" && depth > 0 { depth -= 1 }
            if depth == 0 && (character == " " || character == "\t" || character == "\r") {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.map { $0.hasPrefix("[") && $0.hasSuffix("]") ? $0.trimmingBrackets() : $0 }
    }

    /// Lines joined across trailing `\`, numbered by their first physical line.
    static func logicalLines(_ lines: [ConfigFileLine]) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var pending = ""
        var start = 0
        for (number, line) in lines.map({ ($0.number, $0.text) }) {
            if pending.isEmpty { start = number }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            result.append((start, pending + line))
            pending = ""
        }
        if !pending.isEmpty { result.append((start, pending)) }
        return result
    }
}

private extension String {
    func trimmingBrackets() -> String {
        String(dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}
