import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// Rule files and facts built to break the loader or the engine: numbers beyond `Int`, alias bombs.
@Suite("Hostile rule input")
struct HostileRuleInputTests {
    static let now = RuleExampleRunner.exampleTime

    func rule(_ check: String) throws -> Rule { try RuleEngineTests().rule(check) }

    /// `Int(port)` trapped on these (exit 132); now a port that is no integer matches nothing.
    @Test(arguments: ["1e19", "-1e300", "22.5"])
    func portsBeyondIntNeitherTrapNorMatch(_ port: String) throws {
        let engine = RuleEngine(profile: Profile(id: "t", title: LocalizedText("t")), now: Self.now)
        let facts = try JSONDecoder().decode(
            FactValue.self,
            from: Data(
                """
                {"listeners": {"sockets": [
                  {"protocol": "tcp", "address": "0.0.0.0", "port": \(port), "loopback": false, "file": "f", "line": 1e19},
                  {"protocol": "tcp", "address": "0.0.0.0", "port": 23, "loopback": false}]}}
                """.utf8))
        let wanted = try rule("port: { port: \(port) }")
        let finding = engine.evaluate(wanted, facts: facts, host: "h")
        #expect(finding.status == .pass, "a port no socket can have is not listening: \(finding.evidence)")
        let telnet = try rule("port: { ports: [\(port), 23] }")
        #expect(engine.evaluate(telnet, facts: facts, host: "h").status == .fail)
    }

    /// Nine levels of ten aliases: 10^9 nodes once expanded (3–6 GB and an abort before); refused with file:line.
    @Test func aliasBombIsRefusedWithFileAndLine() throws {
        let bomb = try Self.billionLaughs
        #expect {
            _ = try YAMLReader.parse(bomb, file: "bomb.yaml")
        } throws: { error in
            let message = (error as? CapdoError)?.message ?? "\(error)"
            return message.hasPrefix("bomb.yaml:") && message.contains("aliases")
        }
    }

    /// The same bomb as mapping keys, two of them and twenty: comparing keys for duplicates walks them with their
    /// aliases expanded (the Yams composer hung here); refused with file:line like the bomb as a value.
    @Test(arguments: [2, 20])
    func aliasBombAsKeysIsRefusedWithFileAndLine(_ keys: Int) throws {
        var text = try Self.billionLaughs + "keys:\n"
        for index in 0..<keys { text += "  ? [*i, \(index % 2)]\n  : \(index)\n" }
        #expect {
            _ = try YAMLReader.parse(text, file: "keys.yaml")
        } throws: { error in
            let message = (error as? CapdoError)?.message ?? "\(error)"
            return message.hasPrefix("keys.yaml:") && message.contains("aliases")
        }
    }

    /// A bomb built inside keys alone (keys do not count against the node budget of values), in a mapping of more
    /// than 16 keys, whose duplicates are found by hashing every key in full.
    @Test func aliasBombBuiltInKeysIsRefusedWithFileAndLine() throws {
        var text = "? &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n: 0\n"
        for (level, name) in "bcdefghi".enumerated() {
            let previous = "abcdefgh"[String.Index(utf16Offset: level, in: "abcdefgh")]
            text += "? &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n: 0\n"
        }
        for index in 0..<10 { text += "filler\(index): 0\n" }
        text += "? [*i, 1]\n: 0\n"
        #expect {
            _ = try YAMLReader.parse(text, file: "keys.yaml")
        } throws: { error in
            let message = (error as? CapdoError)?.message ?? "\(error)"
            return message.hasPrefix("keys.yaml:") && message.contains("aliases")
        }
    }

    /// Ordinary anchors and aliases (a shared block reused a few times) still load.
    @Test func modestAliasesStillLoad() throws {
        let text = """
            base: &base { a: 1, b: [1, 2, 3] }
            one: *base
            two: *base
            three: [*base, *base]
            """
        let node = try #require(try YAMLReader.parse(text, file: "ok.yaml"))
        #expect(node["three"]?.items?.count == 2)
    }

    /// Tests/Fixtures/hostile/billion-laughs.yaml.
    static var billionLaughs: String {
        get throws {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/hostile/billion-laughs.yaml")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }
}
