import CapdoCore
import Testing

@testable import CapdoRules

/// Every matcher operator has its words, in both languages.
@Suite("Matcher phrases")
struct MatcherPhraseTests {
    /// Operator, operand, Vietnamese, English.
    static let table: [MatcherOperator: (FactValue, String, String)] = [
        .equals: (.string("no"), "“no”", "“no”"),
        .notEquals: (.string("root"), "khác “root”", "other than “root”"),
        .in: (
            .array([.string("no"), .string("prohibit-password")]), "một trong “no” hoặc “prohibit-password”",
            "one of “no” or “prohibit-password”"
        ),
        .notIn: (.array([.string("md5"), .string("sha1")]), "không phải “md5” hoặc “sha1”", "none of “md5” or “sha1”"),
        .lt: (.number(2048), "nhỏ hơn 2048", "less than 2048"),
        .le: (.number(90), "tối đa 90", "at most 90"),
        .gt: (.number(0), "lớn hơn 0", "more than 0"),
        .ge: (.number(8), "tối thiểu 8", "at least 8"),
        .matches: (.string("^a"), "khớp mẫu /^a/", "matching /^a/"),
        .notMatches: (.string("^a"), "không khớp mẫu /^a/", "not matching /^a/"),
        .contains: (.string("tls1_0"), "có chứa “tls1_0”", "containing “tls1_0”"),
        .notContains: (.string("tls1_0"), "không chứa “tls1_0”", "not containing “tls1_0”"),
        .versionLt: (.string("1:9.2"), "phiên bản thấp hơn 1:9.2", "a version before 1:9.2"),
        .versionLe: (.string("1:9.2"), "phiên bản tối đa 1:9.2", "version 1:9.2 or older"),
        .versionGt: (.string("1:9.2"), "phiên bản sau 1:9.2", "a version after 1:9.2"),
        .versionGe: (.string("1:9.2"), "phiên bản 1:9.2 trở lên", "version 1:9.2 or later"),
        .exists: (.bool(false), "không đặt", "not set"),
        .modeWithin: (.string("0640"), "quyền tối đa 0640", "permissions at most 0640"),
        .coversPorts: (.array([.number(22), .number(23)]), "bao gồm cổng 22 và 23", "covering ports 22 and 23"),
        .ageDays: (.null, "cách đây tối đa 7 ngày", "at most 7 days old"),
        .count: (.null, "số lượng tối đa 7", "a count at most 7"),
    ]

    @Test(arguments: MatcherOperator.allCases)
    func operatorReadsAsWords(_ op: MatcherOperator) throws {
        let row = try #require(Self.table[op], "no phrase expected for \(op.rawValue)")
        let nested = op.takesNestedMatchers ? MatcherPhrase.phrase(.le, .number(7)) : nil
        let phrase = MatcherPhrase.phrase(op, row.0, nested: nested)
        #expect(phrase.vi == row.1)
        #expect(phrase.en == row.2)
    }

    @Test func existsTrueAndSeveralMatchers() {
        let both = MatcherPhrase.all([MatcherPhrase.phrase(.ge, .number(1)), MatcherPhrase.phrase(.le, .number(5))])
        #expect(both.vi == "tối thiểu 1 và tối đa 5")
        #expect(both.en == "at least 1 and at most 5")
        #expect(MatcherPhrase.phrase(.exists, .bool(true)).en == "set")
    }

    /// Counts read with the noun in the right number; zero reads as "none".
    @Test(arguments: [
        (MatcherOperator.equals, 0.0, "không có tài khoản nào có mật khẩu rỗng", "no accounts with an empty password"),
        (.ge, 1, "tối thiểu 1 tài khoản có mật khẩu rỗng", "at least 1 account with an empty password"),
        (.le, 3, "tối đa 3 tài khoản có mật khẩu rỗng", "at most 3 accounts with an empty password"),
    ])
    func countWithNoun(_ op: MatcherOperator, _ bound: Double, _ vi: String, _ en: String) {
        let conditions = LocalizedText(vi: "có mật khẩu rỗng", en: "with an empty password")
        let phrase = MatcherPhrase.count(
            [Matcher(op: op, operand: .number(bound))], noun: .account, conditions: conditions)
        #expect(phrase.vi == vi)
        #expect(phrase.en == en)
    }

    @Test(arguments: [(1, "1 account", "1 host"), (3, "3 accounts", "3 hosts"), (0, "0 accounts", "0 hosts")])
    func englishPlurals(_ count: Int, _ accounts: String, _ hosts: String) {
        #expect(CountedNoun.account.counted(count).en == accounts)
        #expect(CountedNoun.host.counted(count).en == hosts)
        #expect(CountedNoun.account.counted(count).vi == "\(count) tài khoản")
    }

    /// A sentence moved after "Phát hiện:" starts in lower case, but names written in capitals keep them.
    @Test(arguments: [
        ("Thiết lập x", "thiết lập x"), ("File /etc/passwd", "file /etc/passwd"), ("SMB1 enabled", "SMB1 enabled"),
        ("TCP ports 21", "TCP ports 21"), ("ClamAV (x)", "ClamAV (x)"), ("", ""),
    ])
    func lowercasedFirstKeepsNames(_ text: String, _ expected: String) {
        #expect(text.lowercasedFirst == expected)
    }
}
