import CapdoCore

/// Sentences of collections judged by a count: accounts, anti-malware products, any `items:` list.
extension EvidenceSentence {
    /// `1 tài khoản có mật khẩu rỗng: tiepnhan (etc/shadow:31)` / `No accounts with an empty password (31 examined)`.
    static func collection(
        noun: CountedNoun, conditions: LocalizedText, names: [LocalizedText], count: Int, total: Int,
        location: String?, requirement: LocalizedText
    ) -> LocalizedText {
        let vi = conditions.vi.isEmpty ? "" : " \(conditions.vi)"
        let en = conditions.en.isEmpty ? "" : " \(conditions.en)"
        let observation: LocalizedText
        if count > 0 {
            let listed = Wording.joined(names, separator: "; ")
            let more = count > names.count ? LocalizedText(vi: "; …", en: "; …") : LocalizedText("")
            observation = LocalizedText(
                vi: "\(count) \(noun.vi)\(vi): \(listed.vi)\(more.vi)\(Wording.place(location))",
                en: "\(count) \(noun.en(count))\(en): \(listed.en)\(more.en)\(Wording.place(location))")
        } else if total > 0 {
            observation = LocalizedText(
                vi: "Không có \(noun.vi) nào\(vi) (đã xem \(total) \(noun.vi))\(Wording.place(location))",
                en: "No \(noun.plural)\(en) (\(total) \(noun.en(total)) examined)\(Wording.place(location))")
        } else {
            observation = LocalizedText(
                vi: "Không có \(noun.vi) nào\(Wording.place(location))",
                en: "No \(noun.plural) at all\(Wording.place(location))")
        }
        return Wording.withRequirement(observation, requirement)
    }
}
