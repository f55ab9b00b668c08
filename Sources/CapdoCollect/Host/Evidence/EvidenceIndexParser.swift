import CapdoCore
import Foundation
import Yams

/// Parses an evidence `index.yaml` (`documents: [{item, kind, title, path, date, approved_by, next_review}]`):
/// pure text → documents with line numbers; malformed YAML or entries become issues with a line.
///
/// `item` is qualified by its annex section (`I 1.1.1`, `II.1 1.b.i`, `II.2 1.1.2`) so that a document filed for one
/// section cannot attest the same number in another. The old unqualified form (`1.1.1`) is still read, as section
/// `I` (the management items it was written for), with a warning asking for the section.
public enum EvidenceIndexParser {
    /// The annex sections an item may name.
    public static let sections = ["I", "II.1", "II.2"]

    /// `"II.2 1.1.2"` → (`II.2`, `1.1.2`); `"1.1.1"` → (nil, `1.1.1`); nil for an unknown section or an empty item.
    public static func split(_ qualified: String) -> (section: String?, item: String)? {
        let words = qualified.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.count {
        case 1: return (nil, words[0])
        case 2 where sections.contains(words[0]): return (words[0], words[1])
        default: return nil
        }
    }

    public static func parse(_ text: String, file: String, collector: String = "evidence") -> (
        documents: [EvidenceDocument], issues: [CollectionIssue]
    ) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (
                [],
                [CollectionIssue(collector: collector, file: file, line: line(of: error), message: message(of: error))]
            )
        } catch {
            return ([], [CollectionIssue(collector: collector, file: file, message: "not valid YAML")])
        }
        guard let root = node?.mapping, let list = root["documents"] else {
            return ([], [CollectionIssue(collector: collector, file: file, line: 1, message: "no 'documents' list")])
        }
        guard let sequence = list.sequence else {
            return (
                [],
                [
                    CollectionIssue(
                        collector: collector, file: file, line: list.mark?.line, message: "'documents' is not a list")
                ]
            )
        }
        var documents: [EvidenceDocument] = []
        var issues: [CollectionIssue] = []
        for entry in sequence {
            let line = entry.mark?.line
            guard let mapping = entry.mapping else {
                issues.append(
                    CollectionIssue(
                        collector: collector, file: file, line: line, message: "document entry is not a mapping"))
                continue
            }
            func string(_ key: String) -> String? { mapping[key]?.scalar?.string }
            guard let qualified = string("item"), let path = string("path") else {
                issues.append(
                    CollectionIssue(
                        collector: collector, file: file, line: line, message: "document entry needs 'item' and 'path'")
                )
                continue
            }
            guard let (section, item) = split(qualified) else {
                issues.append(
                    CollectionIssue(
                        collector: collector, file: file, line: mapping["item"]?.mark?.line ?? line,
                        message: "item '\(qualified)' is not an annex item: write 'I 1.1.1', 'II.1 1.b.i' or "
                            + "'II.2 1.1.2'"))
                continue
            }
            if section == nil {
                issues.append(
                    CollectionIssue(
                        collector: collector, level: .warning, file: file, line: mapping["item"]?.mark?.line ?? line,
                        message: "item '\(item)' names no section: read as 'I \(item)' (management); write "
                            + "'I \(item)', or 'II.2 \(item)' for a technical item"))
            }
            var dates: [String: Date] = [:]
            for key in ["date", "next_review"] {
                guard let value = string(key) else { continue }
                if let date = CapdoDate.parse(value) {
                    dates[key] = date
                } else {
                    issues.append(
                        CollectionIssue(
                            collector: collector, level: .warning, file: file, line: mapping[key]?.mark?.line ?? line,
                            message: "'\(key)' is not a date (YYYY-MM-DD)"))
                }
            }
            documents.append(
                EvidenceDocument(
                    item: item, title: string("title") ?? "", path: path, exists: false, date: dates["date"],
                    approvedBy: string("approved_by"), nextReview: dates["next_review"], line: line,
                    section: section ?? "I", kind: string("kind")))
        }
        return (documents, issues)
    }
}

private extension EvidenceIndexParser {
    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "malformed YAML: " + problem
        default: return "malformed YAML"
        }
    }
}
