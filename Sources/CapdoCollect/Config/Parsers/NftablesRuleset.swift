import CapdoCore

/// The nftables rule set that configuration files load (`nft -f`), as far as capdo judges it: chains with their
/// hook, policy and rules, named sets' elements, and `define`d variables.
///
/// Reads the block syntax (`table inet filter { chain input { … } }`), the command syntax (`add rule inet filter
/// input tcp dport 22 accept`, `add chain …`, `add element …`), `flush ruleset`, and `include`s (globs, relative to
/// /etc) through `ConfigFileReader`. Statements end at `;` or a line end, except inside an anonymous set (`{ 22, 80
/// }`, which may span lines) or after a trailing `\`. A table without a family is an `ip` table, as in nft.
struct NftablesRuleset {
    /// A rule: its words, anonymous sets kept as `{`, elements, `,` and `}`, variables replaced by their values.
    struct Rule: Equatable {
        var words: [String]
        var file: String
        var line: Int
    }

    /// A chain, declared once or in several places (they merge, as in nft).
    struct Chain: Equatable {
        /// Family and name: `inet filter`.
        var table: String
        var name: String
        var hook: String?
        var policy: ConfigEntry?
        /// Where the chain was first declared.
        var file: String
        var line: Int
        var rules: [Rule] = []
    }

    var chains: [Chain] = []
    /// Named sets' elements, by table (`inet filter`) and name (`admins`).
    var sets: [String: [String: [String]]] = [:]
    var defines: [String: [String]] = [:]

    static let families: Set<String> = ["ip", "ip6", "inet", "arp", "bridge", "netdev"]

    /// The rule set `path` loads; problems (unbalanced braces, a bad include) are reported through `reader`.
    static func read(_ path: String, with reader: inout ConfigFileReader, maxDepth: Int) -> NftablesRuleset {
        var parser = Parser()
        parser.read(path, with: &reader, maxDepth: maxDepth)
        return parser.ruleset
    }

    /// The chain `name` of `table`, or nil.
    func chain(_ name: String, in table: String) -> Chain? {
        chains.first { $0.table == table && $0.name == name }
    }

    /// `family table` from the words after `table`/`add table` etc.: a missing family is `ip`.
    static func tableKey(_ words: ArraySlice<String>) -> (key: String, rest: ArraySlice<String>)? {
        guard let first = words.first else { return nil }
        if families.contains(first) {
            guard words.count > 1 else { return nil }
            return ("\(first) \(words[words.startIndex + 1])", words.dropFirst(2))
        }
        return ("ip \(first)", words.dropFirst())
    }
}

extension NftablesRuleset {
    /// The reading state: open blocks, the statement being read and how deep it is inside anonymous sets.
    struct Parser {
        enum Block {
            case table(String)
            case chain(Int)
            case set(table: String, name: String)
            case other
        }

        var ruleset = NftablesRuleset()
        var blocks: [(block: Block, line: Int)] = []
        var statement: [String] = []
        var statementLine = 0
        var setDepth = 0

        var table: String? {
            for entry in blocks.reversed() { if case .table(let key) = entry.block { return key } }
            return nil
        }

        mutating func read(_ path: String, with reader: inout ConfigFileReader, maxDepth: Int) {
            guard let text = reader.enter(path, maxDepth: maxDepth) else { return }
            defer { reader.leave() }
            let depth = blocks.count
            var continued = false
            for line in reader.lines(text, file: path) {
                var tokens = Self.tokens(line.text) { reader.report(file: path, line: line.number, $0) }
                continued = tokens.last == "\\"
                if continued { tokens.removeLast() } else { tokens.append(";") }
                for token in tokens {
                    take(token, file: path, line: line.number, depth: depth, reader: &reader, maxDepth: maxDepth)
                }
            }
            if continued { take(";", file: path, line: 0, depth: depth, reader: &reader, maxDepth: maxDepth) }
            if blocks.count > depth {
                reader.report(file: path, line: blocks[depth].line, "block not closed by '}' before end of file")
                blocks.removeLast(blocks.count - depth)
                statement = []
                setDepth = 0
            }
        }

        /// Words, quoted strings (without their quotes), and `{`, `}`, `;`, `,` as tokens; `#` starts a comment.
        static func tokens(_ text: String, report: (String) -> Void) -> [String] {
            var tokens: [String] = []
            var word = ""
            var quoted = false
            for character in text {
                if quoted {
                    if character == "\"" { quoted = false } else { word.append(character) }
                    continue
                }
                if character == "#" { break }
                switch character {
                case "\"":
                    quoted = true
                case " ", "\t", "{", "}", ";", ",":
                    if !word.isEmpty { tokens.append(word) }
                    word = ""
                    if character != " " && character != "\t" { tokens.append(String(character)) }
                default:
                    word.append(character)
                }
            }
            if quoted { report("unterminated quoted string") }
            if !word.isEmpty { tokens.append(word) }
            return tokens
        }

        mutating func take(
            _ token: String, file: String, line: Int, depth: Int, reader: inout ConfigFileReader, maxDepth: Int
        ) {
            switch token {
            case ";":
                if setDepth == 0 { finish(file: file, reader: &reader, maxDepth: maxDepth) }
            case "{":
                if setDepth > 0 || isAnonymousSet {
                    statement.append(token)
                    setDepth += 1
                } else {
                    open(file: file, line: line)
                }
            case "}":
                if setDepth > 0 {
                    statement.append(token)
                    setDepth -= 1
                    return
                }
                finish(file: file, reader: &reader, maxDepth: maxDepth)
                guard blocks.count > depth else {
                    reader.report(file: file, line: line, "'}' without an open block")
                    return
                }
                blocks.removeLast()
            default:
                if statement.isEmpty { statementLine = line }
                statement.append(token)
            }
        }

        /// Whether a `{` now starts an anonymous set (in a rule, an element list, a definition) rather than a block.
        var isAnonymousSet: Bool {
            switch blocks.last?.block {
            case .chain, .set: return true
            case .other: return false
            case .table: return false
            case nil:
                guard let first = statement.first else { return false }
                if first == "table" { return false }
                let verb = statement.count > 1 ? statement[1] : ""
                return first == "define"
                    || !(["add", "create"].contains(first)
                        && ["table", "chain", "set", "map"]
                            .contains(verb))
            }
        }

        /// Opens the block the statement before `{` declares.
        mutating func open(file: String, line: Int) {
            defer { statement = [] }
            let words = statement[...]
            let command = words.first.map { ["add", "create"].contains($0) } ?? false
            let kind = command ? words.dropFirst().first : words.first
            let rest = command ? words.dropFirst(2) : words.dropFirst()
            switch (blocks.last?.block, kind) {
            case (nil, "table"):
                blocks.append((NftablesRuleset.tableKey(rest).map { .table($0.key) } ?? .other, line))
            case (.table(let table), "chain"):
                blocks.append((.chain(chainIndex(table, rest.first ?? "", file: file, line: line)), line))
            case (.table(let table), "set"), (.table(let table), "map"):
                blocks.append((.set(table: table, name: rest.first ?? ""), line))
            case (nil, "chain"):
                guard let (table, names) = NftablesRuleset.tableKey(rest), let name = names.first else {
                    return blocks.append((.other, line))
                }
                blocks.append((.chain(chainIndex(table, name, file: file, line: line)), line))
            case (nil, "set"), (nil, "map"):
                guard let (table, names) = NftablesRuleset.tableKey(rest), let name = names.first else {
                    return blocks.append((.other, line))
                }
                blocks.append((.set(table: table, name: name), line))
            default:
                blocks.append((.other, line))
            }
        }

        mutating func chainIndex(_ table: String, _ name: String, file: String, line: Int) -> Int {
            if let index = ruleset.chains.firstIndex(where: { $0.table == table && $0.name == name }) { return index }
            ruleset.chains.append(Chain(table: table, name: name, file: file, line: line))
            return ruleset.chains.count - 1
        }

        /// Ends the statement: an include, a definition, a command, a chain's type and policy, a set's elements, or
        /// a rule.
        mutating func finish(file: String, reader: inout ConfigFileReader, maxDepth: Int) {
            let words = statement.flatMap { $0.hasPrefix("$") ? ruleset.defines[String($0.dropFirst())] ?? [$0] : [$0] }
            statement = []
            setDepth = 0
            guard let first = words.first else { return }
            switch (blocks.last?.block, first) {
            case (_, "include"):
                guard words.count > 1 else {
                    return reader.report(file: file, line: statementLine, "include without a file")
                }
                for match in reader.expand(ConfigFilePath.resolve(words[1], against: "etc")) {
                    read(match, with: &reader, maxDepth: maxDepth)
                }
            case (nil, "define"):
                guard words.count > 3, words[2] == "=" else { return }
                ruleset.defines[words[1]] = Array(words[3...])
            case (nil, _):
                command(words, file: file)
            case (.chain(let index), "type"):
                if let hook = words.firstIndex(of: "hook"), hook + 1 < words.count {
                    ruleset.chains[index].hook = words[hook + 1]
                }
            case (.chain(let index), "policy"):
                guard words.count > 1 else { return }
                ruleset.chains[index].policy = ConfigEntry(
                    value: words[1].lowercased(), file: file, line: statementLine)
            case (.chain(let index), _):
                ruleset.chains[index].rules.append(Rule(words: words, file: file, line: statementLine))
            case (.set(let table, let name), "elements"):
                ruleset.sets[table, default: [:]][name, default: []] += Self.elements(words.dropFirst())
            default:
                break
            }
        }

        /// Top-level commands: `flush ruleset`, `add|insert rule [family] table chain …`, `add element [family]
        /// table set { … }`.
        mutating func command(_ words: [String], file: String) {
            if words.starts(with: ["flush", "ruleset"]) {
                ruleset.chains = []
                ruleset.sets = [:]
                return
            }
            guard words.count > 2, ["add", "insert"].contains(words[0]),
                let (table, rest) = NftablesRuleset.tableKey(words[2...]), let name = rest.first
            else { return }
            if words[1] == "rule" {
                let index = chainIndex(table, name, file: file, line: statementLine)
                ruleset.chains[index].rules.append(
                    Rule(words: Array(rest.dropFirst()), file: file, line: statementLine))
            } else if words[1] == "element" {
                ruleset.sets[table, default: [:]][name, default: []] += Self.elements(rest.dropFirst())
            }
        }

        /// The elements of `= { a, b }` or `{ a, b }`.
        static func elements(_ words: ArraySlice<String>) -> [String] {
            words.filter { !["=", "{", "}", ","].contains($0) }
        }
    }
}
