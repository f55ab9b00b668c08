import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@testable import CapdoRules

/// `YAMLReader.parse` (libyaml's events read straight into `YNode`) gives the same trees, lines and messages as the
/// Yams composer path it replaced (`parseWithYams`), on every YAML file in the repository, the fuzz corpus, every
/// line-prefix of those, hand-written edge cases and seeded random token soups.
@Suite struct YAMLReaderEquivalenceTests {
    /// The repository: Tests/CapdoRulesTests/ is two levels down.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every `*.yaml`/`*.yml` under Rules, Samples, Tests, deploy, packaging and the YAML fuzz corpus, relative.
    static let files: [String] = {
        var found: [String] = []
        for top in ["Rules", "Samples", "Tests", "deploy", "packaging", "FuzzTesting/Corpus/yaml"] {
            let base = root.appendingPathComponent(top)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walk
            where top.hasPrefix("FuzzTesting") || path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                found.append(top + "/" + path)
            }
        }
        return found.sorted()
    }()

    static func text(of file: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(file)), as: UTF8.self)
    }

    @Test func theFilesAreFound() {
        #expect(Self.files.contains("Rules/profiles/level2.yaml") || Self.files.count > 40, "\(Self.files)")
        #expect(Self.files.contains { $0.hasPrefix("FuzzTesting/Corpus/yaml/") })
    }

    @Test(arguments: files)
    func sameAsYamsOnTheFile(_ file: String) throws {
        let text = try Self.text(of: file)
        Self.expectSame(text, file: file)
        // Every prefix ending at a line break: unterminated blocks and quotes, half mappings, dangling aliases.
        var prefix = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            prefix += line
            Self.expectSame(prefix, file: file)
            prefix += "\n"
        }
    }

    /// Hand-written cases for each behaviour the old path had (name, text).
    static let cases: [(String, String)] = [
        ("empty", ""),
        ("comment only", "# nothing\n"),
        ("explicit empty document", "---\n"),
        ("empty then end", "---\n...\n"),
        ("two documents", "a: 1\n---\nb: 2\n"),
        ("second document broken", "a: 1\n---\n[\n"),
        ("duplicate", "a: 1\nb: 2\na: 3\n"),
        ("duplicates sorted", "z: 1\nb: 2\nz: 3\nb: 4\nm: 5\n"),
        ("duplicate quoted and plain", "a: x\n1: y\n\"1\": z\n"),
        ("tagged key differs", "!!int 1: a\n1: b\n"),
        ("str tag same", "!!str a: 1\na: 2\n"),
        ("non-specific tag same", "! a: 1\na: 2\n"),
        ("duplicate nested first", "outer:\n  x: 1\n  x: 2\nouter: 3\n"),
        ("duplicate flow keys", "{a: 1, a: 2}\n"),
        ("duplicate sequence keys", "? [a, b]\n: 1\n? [a, b]\n: 2\n"),
        ("duplicate mapping keys", "? {a: 1}\n: 1\n? {a: 2}\n: 2\n? {a: 1}\n: 3\n"),
        ("complex key text", "? {!!value v: text}\n: 1\n"),
        ("many keys one duplicate", (0..<40).map { "k\($0): \($0)\n" }.joined() + "k7: again\n"),
        ("canonically equal keys", "\"\u{E9}\": 1\n\"e\u{301}\": 2\n"),
        ("alias", "a: &x 1\nb: *x\n"),
        ("alias of mapping", "base: &b {p: 1, q: [1, 2]}\none: *b\ntwo: [*b, *b]\n"),
        ("anchors in sequence", "- &a x\n- &b [*a, *a]\n- *b\n- *a\n"),
        ("anchor redefined", "- &a 1\n- *a\n- &a 2\n- *a\n"),
        ("alias undefined", "a: *nope\n"),
        ("alias to itself", "a: &x [*x]\n"),
        ("alias as key", "k: &k key\n*k : 2\n"),
        ("alias key duplicate", "k: &k key\nkey: 1\n*k : 2\n"),
        ("anchor inside key", "? &inner [a]\n: 1\nv: *inner\n"),
        ("merge key kept as key", "base: &b {a: 1}\nderived:\n  <<: *b\n  c: 2\n"),
        ("merge key twice", "a: &a {x: 1}\nd:\n  <<: *a\n  <<: *a\n"),
        ("tags", "a: !!str 123\nb: !!int \"4\"\nc: !custom x\nd: !!float 1.5\ne: !!null ~\n"),
        ("tagged collections", "a: !!seq [1]\nb: !!map {c: 2}\nc: !!set {x}\n"),
        ("tag directive", "%TAG !e! tag:example.com,2000:\n---\na: !e!thing 1\n"),
        ("scalars", "a: yes\nb: 1.5\nc: .5\nd: 1e3\ne: -2\nf: 0x1F\ng: .inf\nh: ~\ni: ''\nj: 1_000\nk: +1\n"),
        ("block scalars", "a: |\n  line\n  two\nb: >-\n  folded\n  text\nc: |+\n  keep\n\n"),
        ("bad indentation", "a:\n  b: 1\n c: 2\n"),
        ("bad indentation in list", "- a\n - b\n"),
        ("tab indentation", "a:\n\tb: 1\n"),
        ("tab after value", "a: 1\t\nb:\t2\n"),
        ("unterminated double quote", "a: \"abc\nb: 1\n"),
        ("unterminated single quote", "a: 'abc\n"),
        ("unterminated flow", "a: [1, 2\n"),
        ("unclosed flow mapping", "{a: 1\n"),
        ("control character", "a: 1\nb: x\u{1}y\n"),
        ("control character after accents", "t\u{EA}n: \u{111}\u{1EA1}i\nx: \u{7}\n"),
        ("byte order mark inside", "a: x\u{FEFF}y\n"),
        ("byte order mark at start", "\u{FEFF}a: 1\n"),
        ("escaped byte order mark", "a: \"\\uFEFFx\"\n"),
        ("escaped byte order marks", "a: \"\\uFEFF\\uFEFFx\"\nb: '\u{FEFF}'\n"),
        ("invalid UTF-8 replaced", String(decoding: [0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A], as: UTF8.self)),
        ("NUL", "a: 1\u{0}\n"),
        ("CRLF", "a: 1\r\nb:\r\n  - x\r\n"),
        ("line separator", "a: 1\u{2028}b: 2\n"),
        ("mapping in sequence key", "? - a\n  - b\n: v\n"),
        ("undefined tag handle", "a: !x!y 1\n"),
        ("directive after content", "a: 1\n%YAML 1.1\n"),
        ("stray colon", "a: b: c\n"),
        ("block in flow", "[a, - b]\n"),
        ("deep nesting", String(repeating: "[", count: 200) + String(repeating: "]", count: 200)),
        ("too deep nesting", String(repeating: "[", count: 1200) + String(repeating: "]", count: 1200)),
    ]

    @Test(arguments: cases)
    func sameAsYamsOnTheCase(_ name: String, _ text: String) {
        Self.expectSame(text, file: "\(name).yaml")
    }

    /// The messages themselves, as rule authors see them (text, message).
    static let messages: [(String, String)] = [
        ("z: 1\nb: 2\nz: 3\nb: 4\nm: 5\n", "t.yaml:2: invalid YAML: duplicate keys: b, z"),
        ("a: *nope\n", "t.yaml:1: invalid YAML: found undefined alias"),
        (
            "a: 1\n---\nb: 2\n",
            "t.yaml:2: invalid YAML: but found another document (expected a single document in the stream)"
        ),
        (
            "a: 1\nb: x\u{1}y\n",
            "t.yaml:0: invalid YAML: 2:5: error: reader: control characters are not allowed:\nb: x\u{1}y\n    ^"
        ),
        ("a: \"abc\nb: 1\n", "t.yaml:3: invalid YAML: found unexpected end of stream (while scanning a quoted scalar)"),
    ]

    @Test(arguments: messages)
    func messageNamesLineAndProblem(_ text: String, _ message: String) {
        #expect(
            Self.outcome { () throws(CapdoError) in try YAMLReader.parse(text, file: "t.yaml") }
                == "error ruleSyntax \(message)")
    }

    /// The budget error: where it runs out (inside an alias, on a plain node) and that keys are not counted.
    @Test(arguments: [2, 3, 7, 10])
    func sameAsYamsOnAliasBombs(_ width: Int) {
        var text = "a0: &a0 [x, y]\n"
        for level in 1..<12 {
            let items = Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(items)]\n"
        }
        Self.expectSame(text, file: "bomb.yaml")
        Self.expectSame(text + "after: [", file: "bomb-then-error.yaml")
        let plain = (0..<10_001).map { "- \($0)\n" }.joined()
        Self.expectSame(plain, file: "plain.yaml")
    }

    @Test func sameAsYamsOnTheBillionLaughsFixture() throws {
        let text = try Self.text(of: "Tests/Fixtures/hostile/billion-laughs.yaml")
        let message = Self.expectSame(text, file: "billion-laughs.yaml")
        #expect(message.contains("aliases expand to more than"))
    }

    /// Seeded soups of YAML tokens: mostly errors, so the two paths' messages are compared many times over.
    @Test(arguments: 0..<8)
    func sameAsYamsOnTokenSoup(_ seed: UInt64) {
        let tokens = [
            "a", "b", "1", ": ", ":", "- ", "-", " ", "  ", "\n", "\n  ", "&a ", "*a", "&b ", "*b", "[", "]", "{", "}",
            ", ", "\"", "'", "!!str ", "!!int ", "? ", "\t", "<<: ", "---\n", "# c\n", "|\n  ", ">\n  ", "~", "...\n",
            "!", "%TAG ! x:\n", "\u{1}", "é",
        ]
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<400 {
            let count = 1 + generator.next(below: 40)
            let text = (0..<count).map { _ in tokens[generator.next(below: tokens.count)] }.joined()
            Self.expectSame(text, file: "soup.yaml")
        }
    }

    /// Expects both readers to give the same tree or the same message; returns the message ("" for a tree).
    @discardableResult
    static func expectSame(
        _ text: String, file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> String {
        let new = outcome { () throws(CapdoError) in try YAMLReader.parse(text, file: file) }
        let old = outcome { () throws(CapdoError) in try YAMLReader.parseWithYams(text, file: file) }
        #expect(new == old, "\(file): \(text.debugDescription.prefix(300))", sourceLocation: sourceLocation)
        return new.hasPrefix("tree ") ? "" : new
    }

    /// The tree written out with every line, key, key line and value, or the error message.
    static func outcome(_ parse: () throws(CapdoError) -> YNode?) -> String {
        do throws(CapdoError) {
            guard let node = try parse() else { return "tree nil" }
            var out = "tree "
            write(node, to: &out)
            return out
        } catch {
            return "error \(error.code) \(error.message)"
        }
    }

    static func write(_ node: YNode, to out: inout String) {
        switch node {
        case .scalar(let value, let line):
            out += "\(line):\(String(reflecting: value))"
        case .sequence(let items, let line):
            out += "\(line):["
            for item in items {
                write(item, to: &out)
                out += ","
            }
            out += "]"
        case .mapping(let pairs, let line):
            out += "\(line):{"
            for pair in pairs {
                out += "\(pair.key.debugDescription)@\(pair.keyLine)="
                write(pair.value, to: &out)
                out += ","
            }
            out += "}"
        }
    }
}
