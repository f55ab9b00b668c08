import CapdoCore

/// The content of report section 8 as plain (unescaped) text rows, shared by the HTML and Markdown reporters.
struct ChangesSection {
    /// A table: its heading and rows; headers are the same for every finding table.
    struct Table {
        var heading: String
        var rows: [[String]]
    }

    var intro: [String]
    var findingHeaders: [String]
    var findingTables: [Table]
    var inventoryHeaders: [String]
    var inventory: Table?
    var trendHeaders: [String]
    var trendRows: [[String]]

    init(_ changes: ScanChanges, strings s: ReportStrings) {
        if changes.baselines.isEmpty {
            intro = [s[.changesFirstScan]]
        } else {
            let byScan = Dictionary(grouping: changes.baselines) { "\($0.scanID)" }
            intro = byScan.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map { id in
                let hosts = byScan[id]!
                let names =
                    hosts.count > 5
                    ? hosts.prefix(5).map(\.host).joined(separator: ", ") + " … (\(hosts.count))"
                    : hosts.map(\.host).joined(separator: ", ")
                return s.format(.changesBaseline, names, id, s.timestamp(hosts[0].finishedAt))
            }
            if changes.isEmpty { intro.append(s[.changesNone]) }
        }
        findingHeaders = [
            s[.columnHost], s[.columnRules], s[.fieldSeverity], s[.columnBefore], s[.columnAfter], s[.columnFound],
        ]
        func status(_ value: FindingStatus?) -> String { value.map { s.status($0) } ?? s[.absent] }
        findingTables = [
            (ReportString.changesNewHeading, changes.newFindings), (.changesResolvedHeading, changes.resolved),
            (.changesChangedHeading, changes.changed),
        ].compactMap { key, list in
            guard !list.isEmpty else { return nil }
            return Table(
                heading: s.format(key, String(list.count)),
                rows: list.map { change in
                    let found = [
                        change.foundBefore.map { s[.columnBefore] + ": " + $0 },
                        change.foundAfter.map { s[.columnAfter] + ": " + $0 },
                    ]
                    .compactMap { $0 }.joined(separator: "\n")
                    return [
                        change.host, change.ruleID + " — " + change.title.text(s.language), s.severity(change.severity),
                        status(change.before), status(change.after), found,
                    ]
                })
        }
        inventoryHeaders = [s[.columnHost], s[.columnKind], "", s[.columnSubject], s[.columnBefore], s[.columnAfter]]
        inventory =
            changes.inventory.isEmpty
            ? nil
            : Table(
                heading: s.format(.changesInventoryHeading, String(changes.inventory.count)),
                rows: changes.inventory.map { change in
                    let kind: String
                    switch change.kind {
                    case .port: kind = s[.kindPort]
                    case .service: kind = s[.kindService]
                    case .package: kind = s[.kindPackage]
                    }
                    let mark = change.before == nil ? "+" : (change.after == nil ? "−" : "~")
                    return [
                        change.host, kind, mark, change.subject, change.before ?? s[.absent],
                        change.after ?? s[.absent],
                    ]
                })
        trendHeaders = [s[.columnScan]] + RequirementGroup.allCases.map { s.group($0) }
        trendRows = changes.trend.map { point in
            ["#\(point.scanID) · " + s.timestamp(point.finishedAt)]
                + RequirementGroup.allCases.map { group in
                    point.scores[group].map { "\(ReportModel.percent($0)) %" } ?? "–"
                }
        }
    }
}
