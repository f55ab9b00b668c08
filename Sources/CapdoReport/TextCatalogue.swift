import CapdoCore

/// A catalogue of fixed report texts in Vietnamese and English (`DocumentString`, `FleetString`, `LanString`): each
/// key has its pair, and `ReportStrings` reads and fills any catalogue's keys the same way.
protocol TextCatalogue {
    /// The key's text in both languages; templates take `{0}`, `{1}`….
    static func pair(_ key: Self) -> (vi: String, en: String)
}

extension TextCatalogue {
    /// The text in both languages.
    var text: LocalizedText {
        let pair = Self.pair(self)
        return LocalizedText(vi: pair.vi, en: pair.en)
    }
}

extension ReportStrings {
    subscript<Key: TextCatalogue>(_ key: Key) -> String {
        key.text.text(language)
    }

    /// Fills `{0}`, `{1}`… of a catalogue's template, left to right.
    func format<Key: TextCatalogue>(_ key: Key, _ arguments: String...) -> String {
        Self.fill(self[key], arguments)
    }
}
