import Foundation
import CapdoCore

/// Building blocks shared by the evidence sentences: lists with a last "hoặc"/"or", values as a reader sees them,
/// places in parentheses, the requirement suffix.
enum Wording {
    /// `a, b hoặc c` / `a, b or c` (`conjunction` picks "và"/"and" instead).
    static func list(_ items: [String], and conjunction: Bool = false) -> LocalizedText {
        guard items.count > 1 else { return LocalizedText(items.first ?? "") }
        let head = items.dropLast().joined(separator: ", ")
        let last = items[items.count - 1]
        return conjunction
            ? LocalizedText(vi: "\(head) và \(last)", en: "\(head) and \(last)")
            : LocalizedText(vi: "\(head) hoặc \(last)", en: "\(head) or \(last)")
    }

    /// A fact value in a sentence: text as it is, numbers without a trailing `.0`, booleans as words, lists joined.
    static func value(_ value: FactValue?) -> LocalizedText {
        guard let value, !value.isNull else { return LocalizedText(vi: "(không đặt)", en: "(not set)") }
        switch value {
        case .bool(let flag): return flag ? LocalizedText(vi: "có", en: "yes") : LocalizedText(vi: "không", en: "no")
        case .array(let items): return items.isEmpty ? LocalizedText(vi: "(trống)", en: "(empty)") : join(items)
        case .string(let text): return LocalizedText(text)
        default: return LocalizedText(value.display)
        }
    }

    /// A value quoted, so that a setting's text (`no`, `yes`) is not read as a word of the sentence.
    static func quoted(_ value: FactValue?) -> LocalizedText {
        guard case .string(let text)? = value else { return Self.value(value) }
        return LocalizedText("“\(text)”")
    }

    /// An operand as a requirement names it: text quoted, a list's texts quoted and joined with "hoặc"/"or".
    static func quotedList(_ value: FactValue) -> LocalizedText {
        guard let items = value.arrayValue else { return quoted(value) }
        let texts = items.map(quoted)
        return LocalizedText(vi: list(texts.map(\.vi)).vi, en: list(texts.map(\.en)).en)
    }

    /// ` (place)` after a sentence, nothing without a place.
    static func place(_ location: String?) -> String {
        guard let location, !location.isEmpty else { return "" }
        return " (\(location))"
    }

    /// `observation (yêu cầu: requirement)`; the observation alone when nothing is required.
    static func withRequirement(_ observation: LocalizedText, _ requirement: LocalizedText?) -> LocalizedText {
        guard let requirement, !requirement.vi.isEmpty else { return observation }
        return LocalizedText(
            vi: "\(observation.vi) (yêu cầu: \(requirement.vi))", en: "\(observation.en) (required: \(requirement.en))")
    }

    /// Texts joined language by language.
    static func joined(_ texts: [LocalizedText], separator: String) -> LocalizedText {
        LocalizedText(
            vi: texts.map(\.vi).joined(separator: separator), en: texts.map(\.en).joined(separator: separator))
    }

    /// The first letter in upper case (a phrase that opens a sentence).
    static func capitalized(_ text: LocalizedText) -> LocalizedText {
        LocalizedText(vi: capitalizedFirst(text.vi), en: capitalizedFirst(text.en))
    }

    /// Up to `limit` names, then how many more.
    static func names(_ names: [String], limit: Int) -> LocalizedText {
        let shown = names.prefix(limit).joined(separator: ", ")
        guard names.count > limit else { return LocalizedText(shown) }
        let more = names.count - limit
        return LocalizedText(vi: "\(shown) và \(more) mục khác", en: "\(shown) and \(more) more")
    }

    private static func join(_ items: [FactValue]) -> LocalizedText {
        let texts = items.map(value)
        return LocalizedText(vi: list(texts.map(\.vi)).vi, en: list(texts.map(\.en)).en)
    }

    private static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension Wording {
    /// A day as each language writes it: `29/11/2026`, `2026-11-29`.
    static func day(_ date: Date) -> LocalizedText {
        let iso = CapdoDate.day(date)
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return LocalizedText(iso) }
        return LocalizedText(vi: "\(parts[2])/\(parts[1])/\(parts[0])", en: iso)
    }
}
