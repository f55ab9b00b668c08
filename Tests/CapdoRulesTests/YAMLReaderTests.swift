import CapdoCore
import Testing

@testable import CapdoRules

/// `YAMLReader` reads scalars by their style and text, not by Yams' implicit tags: the same values as before the tags
/// were dropped, and keys that read the same are one key given twice.
@Suite struct YAMLReaderTests {
    @Test func scalarsAreTypedByStyleAndText() throws {
        let text = """
            int: 1
            quoted: "1"
            yes_word: yes
            float: 1.5
            flag: true
            nothing: ~
            version: 1.2.3
            """
        let node = try #require(try YAMLReader.parse(text, file: "t.yaml"))
        #expect(node["int"]?.scalar == .number(1))
        #expect(node["quoted"]?.scalar == .string("1"))
        #expect(node["yes_word"]?.scalar == .string("yes"))
        #expect(node["float"]?.scalar == .number(1.5))
        #expect(node["flag"]?.scalar == .bool(true))
        #expect(node["nothing"]?.scalar == .null)
        #expect(node["version"]?.scalar == .string("1.2.3"))
    }

    /// Keys are kept as text, so `1:` and `"1":` would be the same key twice; they are reported with file and line.
    @Test func keysThatReadTheSameAreDuplicates() {
        #expect {
            _ = try YAMLReader.parse("a: x\n1: y\n\"1\": z\n", file: "dup.yaml")
        } throws: { error in
            let message = (error as? CapdoError)?.message ?? "\(error)"
            return message.hasPrefix("dup.yaml:") && message.contains("duplicate keys")
        }
    }
}
