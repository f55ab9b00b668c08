import CapdoCore

/// Writes findings as `SnapshotCodec.encoder()` does — pretty-printed, keys sorted, slashes unescaped — byte for
/// byte, without Foundation's encoder: a fleet report holds over a million findings, and encoding them is most of
/// its cost. `JSONReporterTests` compares the two on hostile text; any new `Finding` field must be added here too.
struct FindingJSON {
    private(set) var bytes: [UInt8] = []
    /// Also write `<`, `>`, `&`, U+2028 and U+2029 as `\\uXXXX`, as `JSONReporter.inert` does afterwards.
    var inert = false
    /// Rule values already written, copied in instead of written again (when their escaping and indent fit).
    var fragments: FindingFragments?

    init(inert: Bool = false, into bytes: [UInt8] = [], fragments: FindingFragments? = nil) {
        self.inert = inert
        self.bytes = bytes
        self.fragments = fragments.flatMap { $0.inert == inert ? $0 : nil }
    }

    /// The fragments of `finding`'s rule values for a finding object at `indent` (see `FindingFragments`).
    static func fragment(_ finding: Finding, indent: Int, inert: Bool) -> FindingFragments.Fragment {
        var writer = FindingJSON(inert: inert)
        var fields = Fields(indent: indent, count: 1)
        writer.ruleMiddle(finding, fields: &fields)
        let middle = writer.take()
        writer.ruleTail(finding, fields: &fields)
        return FindingFragments.Fragment(
            remediation: finding.remediation, requirement: finding.requirement, ruleLocation: finding.ruleLocation,
            severity: finding.severity, thresholdSource: finding.thresholdSource, title: finding.title,
            middle: middle, tail: writer.take())
    }

    /// Takes the bytes written so far.
    mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// `findings` as a JSON array whose closing bracket sits at `indent` spaces (elements at `indent + 2`).
    mutating func array(_ findings: [Finding], indent: Int) {
        list(findings, indent: indent) { writer, finding, elementIndent in writer.object(finding, indent: elementIndent)
        }
    }

    /// A pretty-printed array: `[`, each element on its own line at `indent + 2`, `]` at `indent`; an empty one
    /// as Foundation writes it, with a blank line inside.
    private mutating func list<Element>(
        _ elements: [Element], indent: Int, _ write: (inout FindingJSON, Element, Int) -> Void
    ) {
        guard !elements.isEmpty else {
            append("[\n\n")
            spaces(indent)
            append("]")
            return
        }
        append("[\n")
        for (index, element) in elements.enumerated() {
            if index > 0 { append(",\n") }
            spaces(indent + 2)
            write(&self, element, indent + 2)
        }
        append("\n")
        spaces(indent)
        append("]")
    }

    private mutating func object(_ finding: Finding, indent: Int) {
        var fields = Fields(indent: indent)
        open()
        fields.next(&self, "evidence")
        evidence(finding.evidence, indent: indent + 2)
        fields.string(&self, "group", finding.group.rawValue)
        fields.string(&self, "host", finding.host)
        if let reason = finding.reason {
            fields.next(&self, "reason")
            localized(reason, indent: indent + 2)
        }
        let fragment = fragments.flatMap { $0.indent == indent ? $0.fragment(for: finding) : nil }
        if let fragment {
            bytes.append(contentsOf: fragment.middle)
            fields.count += 5
        } else {
            ruleMiddle(finding, fields: &fields)
        }
        fields.string(&self, "status", finding.status.rawValue)
        if let fragment {
            bytes.append(contentsOf: fragment.tail)
            fields.count += 2
        } else {
            ruleTail(finding, fields: &fields)
        }
        if let waiver = finding.waiver {
            fields.next(&self, "waiver")
            applied(waiver, indent: indent + 2)
        }
        close(indent)
    }

    /// `remediation` through `severity`: what the finding's rule decides, before `status`.
    private mutating func ruleMiddle(_ finding: Finding, fields: inout Fields) {
        fields.next(&self, "remediation")
        localized(finding.remediation, indent: fields.indent + 2)
        fields.next(&self, "requirement")
        requirement(finding.requirement, indent: fields.indent + 2)
        fields.string(&self, "rule_id", finding.ruleID)
        fields.string(&self, "rule_location", finding.ruleLocation)
        fields.string(&self, "severity", finding.severity.rawValue)
    }

    /// `threshold_source` and `title`: what the finding's rule decides, after `status`.
    private mutating func ruleTail(_ finding: Finding, fields: inout Fields) {
        fields.string(&self, "threshold_source", finding.thresholdSource)
        fields.next(&self, "title")
        localized(finding.title, indent: fields.indent + 2)
    }

    private mutating func evidence(_ items: [Evidence], indent: Int) {
        list(items, indent: indent) { writer, item, itemIndent in
            var fields = Fields(indent: itemIndent)
            writer.open()
            if let alternative = item.alternative {
                fields.next(&writer, "alternative")
                writer.alternative(alternative, indent: itemIndent + 2)
            }
            fields.string(&writer, "expected", item.expected)
            fields.string(&writer, "found", item.found)
            fields.string(&writer, "location", item.location)
            fields.string(&writer, "outcome", item.outcome.rawValue)
            fields.string(&writer, "subject", item.subject)
            if let text = item.text {
                fields.next(&writer, "text")
                writer.localized(text, indent: itemIndent + 2)
            }
            writer.close(itemIndent)
        }
    }

    private mutating func alternative(_ alternative: EvidenceAlternative, indent: Int) {
        var fields = Fields(indent: indent)
        open()
        fields.next(&self, "decided")
        append(alternative.decided ? "true" : "false")
        fields.next(&self, "group")
        bytes.append(contentsOf: String(alternative.group).utf8)
        fields.next(&self, "option")
        bytes.append(contentsOf: String(alternative.option).utf8)
        fields.string(&self, "outcome", alternative.outcome.rawValue)
        close(indent)
    }

    /// Straight-line rather than through `strings`: it runs for most findings, and an array per call would cost.
    private mutating func localized(_ text: LocalizedText, indent: Int) {
        var fields = Fields(indent: indent)
        open()
        fields.string(&self, "en", text.en)
        fields.string(&self, "vi", text.vi)
        close(indent)
    }

    private mutating func requirement(_ reference: RequirementRef, indent: Int) {
        var fields = Fields(indent: indent)
        open()
        fields.string(&self, "nd331", reference.nd331)
        fields.string(&self, "tcvn11930", reference.tcvn11930)
        if reference.tcvn11930Inferred {
            fields.next(&self, "tcvn11930_inferred")
            append("true")
        }
        fields.string(&self, "tcvn14423", reference.tcvn14423)
        fields.string(&self, "tt12", reference.tt12)
        close(indent)
    }

    private mutating func applied(_ waiver: AppliedWaiver, indent: Int) {
        var fields = Fields(indent: indent)
        open()
        fields.string(&self, "approved_by", waiver.approvedBy)
        fields.next(&self, "expired")
        append(waiver.expired ? "true" : "false")
        fields.string(&self, "expires", CapdoDate.iso8601(waiver.expires))
        fields.string(&self, "justification", waiver.justification)
        fields.string(&self, "location", waiver.location)
        close(indent)
    }

    /// Keys of one object: the separator before each one, and its indentation.
    private struct Fields {
        let indent: Int
        var count = 0

        mutating func next(_ writer: inout FindingJSON, _ key: StaticString) {
            writer.append(count == 0 ? "\n" : ",\n")
            count += 1
            writer.spaces(indent + 2)
            writer.bytes.append(0x22)
            writer.bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            writer.append("\" : ")
        }

        /// The member `key` holding the string `value`; nothing when `value` is nil.
        mutating func string(_ writer: inout FindingJSON, _ key: StaticString, _ value: String?) {
            guard let value else { return }
            next(&writer, key)
            writer.string(value)
        }
    }

    private mutating func open() { bytes.append(0x7B) }

    private mutating func close(_ indent: Int) {
        append("\n")
        spaces(indent)
        bytes.append(0x7D)
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func spaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: count))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string as Foundation writes it: `"` and `\` escaped, \b \t \n \f \r by name, other controls as
    /// `\u00xx`, everything else (DEL, U+2028, non-ASCII) as is; with `inert`, also `<`, `>`, `&`, U+2028/9.
    private mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { text in
            // Most text needs no escaping at all: copy it whole.
            let special = text.contains { byte in
                byte < 0x20 || byte == 0x22 || byte == 0x5C
                    || (inert && (byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2))
            }
            guard special else {
                bytes.append(contentsOf: text)
                return
            }
            var index = 0
            while index < text.count {
                let byte = text[index]
                index += 1
                if inert {
                    switch byte {
                    case 0x3C:
                        append("\\u003c")
                        continue
                    case 0x3E:
                        append("\\u003e")
                        continue
                    case 0x26:
                        append("\\u0026")
                        continue
                    case 0xE2
                    where index + 1 < text.count && text[index] == 0x80
                        && (text[index + 1] == 0xA8 || text[index + 1] == 0xA9):
                        if text[index + 1] == 0xA8 { append("\\u2028") } else { append("\\u2029") }
                        index += 2
                        continue
                    default: break
                    }
                }
                escape(byte)
            }
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x08: append("\\b")
        case 0x09: append("\\t")
        case 0x0A: append("\\n")
        case 0x0C: append("\\f")
        case 0x0D: append("\\r")
        case 0..<0x20:
            append("\\u00")
            bytes.append(Self.hex[Int(byte >> 4)])
            bytes.append(Self.hex[Int(byte & 0x0F)])
        default: bytes.append(byte)
        }
    }
}
