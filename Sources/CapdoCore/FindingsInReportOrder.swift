/// Every finding of a scan's hosts in report order, read in place from the hosts' own lists.
///
/// `ScanResult.allFindings` copies a fleet's findings into one sorted list; this view holds only the hosts' lists
/// (shared with the result, not copied) and each finding's position in them, so what needs the order but not a copy
/// (the summary's counts and item rows, the terminal's worst findings) costs a few bytes per finding.
public struct FindingsInReportOrder: RandomAccessCollection, Sendable {
    /// A finding's place: its host's list and its index there.
    struct Position: Sendable {
        var list: Int32
        var index: Int32
    }

    private let lists: [[Finding]]
    private let positions: [Position]

    /// The findings of `lists`, in the report order of all of them together (`ReportOrderSort`).
    init(_ lists: [[Finding]]) {
        self.lists = lists
        positions = ReportOrderSort.order(lists).map { Position(list: Int32($0.list), index: Int32($0.index)) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }

    public subscript(position: Int) -> Finding {
        // Lent, not copied: most readers look at a field or two of each of a million findings.
        _read {
            let place = positions[position]
            yield lists[Int(place.list)][Int(place.index)]
        }
    }

    /// The status of the finding at `position`, without copying the finding.
    func status(at position: Int) -> FindingStatus {
        let place = positions[position]
        return lists[Int(place.list)][Int(place.index)].status
    }

    /// The findings in report order, copied into one list.
    var copied: [Finding] { map { $0 } }
}
