import Foundation

/// A snapshot's JSON bytes and where its sections lie in them: each top-level member (`packages`) and each member of
/// a top-level object (`config.sshd`), for the sections the facts tree holds exactly as parsed from those bytes.
///
/// The same bytes always parse to the same value, so two hosts whose section has the same bytes have the same facts
/// there: comparing bytes is a much cheaper test of that than comparing trees (`RuleMemo`).
public struct FactSpans: Sendable {
    private let data: Data
    private let ranges: [[String]: Range<Int>]

    init(data: Data, ranges: [[String]: Range<Int>]) {
        self.data = data
        self.ranges = ranges
    }

    /// The bytes of the member at `path` (one or two keys), as `body` sees them; nil when there are none to read
    /// (the member is absent, or the tree does not hold it as parsed).
    public func withBytes<Result>(of path: [String], _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        guard let range = ranges[path] else { return nil }
        return data.withUnsafeBytes { raw in body(UnsafeRawBufferPointer(rebasing: raw[range])) }
    }
}
