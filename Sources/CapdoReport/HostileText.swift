/// Makes host-derived text safe to show before format-specific escaping: no control or bidi-override characters.
///
/// Banners, file names and config values come from hosts we do not trust. C0/C1 controls (an ANSI escape in a
/// hostname would restyle a terminal) become U+FFFD; bidirectional overrides (a "Trojan Source" file name that
/// reads differently than it is) are shown as `<U+202E>`-style markers so an auditor sees they were there.
enum HostileText {
    /// `text` with controls replaced; tab stays, newlines stay unless `keepNewlines` is false.
    static func sanitize(_ text: String, keepNewlines: Bool = true) -> String {
        // Nearly all text is already safe; a fleet report sanitises millions of strings, so check before copying.
        guard needsChange(text, keepNewlines: keepNewlines) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            if value == 0x0A || value == 0x0D {
                if keepNewlines {
                    if value == 0x0A && previousWasCR { continue }
                    out.append("\n")
                } else {
                    if value == 0x0A && previousWasCR { continue }
                    out.append(" ↵ ")
                }
            } else if value == 0x09 {
                out.append("\t")
            } else if value < 0x20 || (0x7F...0x9F).contains(value) {
                out.append("\u{FFFD}")
            } else if isBidiControl(value) {
                out.append("<U+\(hex(value))>")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `sanitize` would change `text` (a read-only pass over its bytes, then its scalars).
    static func needsChange(_ text: String, keepNewlines: Bool) -> Bool {
        // Printable ASCII, tab and (when kept) LF are left alone; any other byte needs the scalar check.
        if !text.utf8.contains(where: { $0 < 0x20 ? !($0 == 0x09 || (keepNewlines && $0 == 0x0A)) : $0 >= 0x7F }) {
            return false
        }
        return text.unicodeScalars.contains { scalar in
            let value = scalar.value
            if value == 0x09 || (keepNewlines && value == 0x0A) { return false }
            return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
        }
    }

    private static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
