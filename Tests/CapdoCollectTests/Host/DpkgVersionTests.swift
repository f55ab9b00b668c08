import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("DpkgVersion: dpkg's ordering, checked against dpkg --compare-versions")
struct DpkgVersionTests {
    @Test(arguments: [
        ("1.0", "1.0", 0), ("1.0", "1.0-0", 0), ("1.0~rc1", "1.0", -1), ("1.0", "1.0+b1", -1),
        ("1:1.0", "2.0", 1), ("0:1.0", "1.0", 0), ("1.0a", "1.0", 1), ("1.0a", "1.0+", -1),
        ("1.10", "1.9", 1), ("1.001", "1.1", 0), ("3.0.15-1~deb12u1", "3.0.17-1~deb12u2", -1),
        ("1:9.2p1-2+deb12u3", "1:9.2p1-2+deb12u2", 1), ("1.0~~", "1.0~", -1), ("1.0-1", "1.0-1.1", -1),
        ("2.36-9+deb12u7", "2.36-9+deb12u10", -1), ("1.0-a", "1.0-1", 1),
    ])
    func knownPairs(a: String, b: String, expected: Int) {
        #expect(DpkgVersion.compare(a, b).signum() == expected)
        #expect(DpkgVersion.compare(b, a).signum() == -expected)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg"), "dpkg not installed"))
    func agreesWithDpkgOnGeneratedPairs() throws {
        var random = SeededGenerator(seed: 0xC4_9D0)
        var pairs: [(String, String)] = []
        while pairs.count < 2_500 {
            let a = random.version()
            let b = random.next() % 3 == 0 ? random.version() : random.mutate(a)
            pairs.append((a, b))
        }
        let input = pairs.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n"
        let script = """
            while read a b; do
              if dpkg --compare-versions "$a" lt "$b"; then echo -1
              elif dpkg --compare-versions "$a" eq "$b"; then echo 0
              else echo 1; fi
            done
            """
        let output = try Shell.run("/bin/sh", ["-c", script], input: input, allowFailure: true)
        let oracle = output.split(separator: "\n").compactMap { Int($0) }
        try #require(oracle.count == pairs.count)
        var mismatches: [String] = []
        for (index, pair) in pairs.enumerated() where DpkgVersion.compare(pair.0, pair.1).signum() != oracle[index] {
            mismatches.append("\(pair.0) vs \(pair.1): dpkg \(oracle[index])")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(pairs.count) differ: \(mismatches.prefix(10))")
    }
}

/// Random Debian versions from the seeded generator, so the generated pairs are the same on every run.
extension SeededGenerator {
    mutating func pick(_ text: String) -> Character {
        let characters = Array(text)
        return characters[Int(next() % UInt64(characters.count))]
    }

    mutating func part(_ alphabet: String, length: Int) -> String {
        String((0..<length).map { _ in pick(alphabet) })
    }

    mutating func version() -> String {
        var text = ""
        if next() % 4 == 0 { text += "\(next() % 3):" }
        text += String(next() % 12) + part("0123456789..~+abzAZ", length: Int(next() % 6))
        if next() % 3 == 0 { text += "-" + part("0123456789.~+abZ", length: 1 + Int(next() % 5)) }
        return text
    }

    /// A near variant: one character changed, appended or removed, so equal and close pairs are common.
    mutating func mutate(_ version: String) -> String {
        var characters = Array(version)
        switch next() % 4 {
        case 0: characters.append(pick("~+.0a1"))
        case 1:
            let index = Int(next() % UInt64(characters.count))
            if characters[index].isNumber { characters[index] = pick("0123456789") }
        case 2:
            if characters.count > 1, characters.last?.isNumber == true || characters.last?.isLetter == true {
                characters.removeLast()
            }
        default: break
        }
        let text = String(characters)
        return text.hasSuffix("-") || text.hasSuffix(":") ? text + "0" : text
    }
}
