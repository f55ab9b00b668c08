import CapdoCore

/// What a matcher asks for, in words (`ge: 8` → "tối thiểu 8" / "at least 8"): the requirement half of every
/// evidence sentence. Operands are already resolved (profile variables filled in).
enum MatcherPhrase {
    /// The phrase of one operator and its operand; `nested` for `age_days` and `count`.
    static func phrase(_ op: MatcherOperator, _ operand: FactValue, nested: LocalizedText? = nil) -> LocalizedText {
        let value = Wording.value(operand)
        let options = Wording.quotedList(operand)
        switch op {
        case .equals: return options
        case .notEquals: return LocalizedText(vi: "khác \(options.vi)", en: "other than \(options.en)")
        case .in:
            return operand.arrayValue.map { $0.count > 1 } == true
                ? LocalizedText(vi: "một trong \(options.vi)", en: "one of \(options.en)") : options
        case .notIn:
            return LocalizedText(vi: "không phải \(options.vi)", en: "none of \(options.en)")
        case .lt: return LocalizedText(vi: "nhỏ hơn \(value.vi)", en: "less than \(value.en)")
        case .le: return LocalizedText(vi: "tối đa \(value.vi)", en: "at most \(value.en)")
        case .gt: return LocalizedText(vi: "lớn hơn \(value.vi)", en: "more than \(value.en)")
        case .ge: return LocalizedText(vi: "tối thiểu \(value.vi)", en: "at least \(value.en)")
        case .matches: return LocalizedText(vi: "khớp mẫu /\(value.vi)/", en: "matching /\(value.en)/")
        case .notMatches: return LocalizedText(vi: "không khớp mẫu /\(value.vi)/", en: "not matching /\(value.en)/")
        case .contains: return LocalizedText(vi: "có chứa \(options.vi)", en: "containing \(options.en)")
        case .notContains: return LocalizedText(vi: "không chứa \(options.vi)", en: "not containing \(options.en)")
        case .versionLt: return LocalizedText(vi: "phiên bản thấp hơn \(value.vi)", en: "a version before \(value.en)")
        case .versionLe: return LocalizedText(vi: "phiên bản tối đa \(value.vi)", en: "version \(value.en) or older")
        case .versionGt: return LocalizedText(vi: "phiên bản sau \(value.vi)", en: "a version after \(value.en)")
        case .versionGe: return LocalizedText(vi: "phiên bản \(value.vi) trở lên", en: "version \(value.en) or later")
        case .exists:
            return operand.boolValue == false
                ? LocalizedText(vi: "không đặt", en: "not set") : LocalizedText(vi: "có đặt", en: "set")
        case .modeWithin: return LocalizedText(vi: "quyền tối đa \(value.vi)", en: "permissions at most \(value.en)")
        case .coversPorts:
            let ports = Wording.list((operand.arrayValue ?? [operand]).map(\.display), and: true)
            return LocalizedText(vi: "bao gồm cổng \(ports.vi)", en: "covering ports \(ports.en)")
        case .ageDays:
            let inner = nested ?? LocalizedText("?")
            return LocalizedText(vi: "cách đây \(inner.vi) ngày", en: "\(inner.en) days old")
        case .count:
            let inner = nested ?? LocalizedText("?")
            return LocalizedText(vi: "số lượng \(inner.vi)", en: "a count \(inner.en)")
        }
    }

    /// Several phrases that must all hold: `a và b` / `a and b`.
    static func all(_ phrases: [LocalizedText]) -> LocalizedText {
        LocalizedText(
            vi: Wording.list(phrases.map(\.vi), and: true).vi, en: Wording.list(phrases.map(\.en), and: true).en)
    }

    /// How many of `noun` (with `conditions`) a `count` asks for: `không có tài khoản nào có mật khẩu rỗng` /
    /// `no accounts with an empty password` for zero, else `tối thiểu 1 tác vụ sao lưu` / `at least 1 backup job`.
    static func count(_ matchers: [Matcher], noun: CountedNoun, conditions: LocalizedText) -> LocalizedText {
        let vi = conditions.vi.isEmpty ? "" : " \(conditions.vi)"
        let en = conditions.en.isEmpty ? "" : " \(conditions.en)"
        let phrases = matchers.map { matcher -> LocalizedText in
            let number = matcher.operand.integerValue
            if matcher.op == .equals, number == 0 {
                return LocalizedText(vi: "không có \(noun.vi) nào\(vi)", en: "no \(noun.plural)\(en)")
            }
            let bound = phrase(matcher.op, matcher.operand)
            return LocalizedText(vi: "\(bound.vi) \(noun.vi)\(vi)", en: "\(bound.en) \(noun.en(number ?? 2))\(en)")
        }
        return all(phrases)
    }
}
