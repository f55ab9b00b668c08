/// Cuts a byte stream fed in chunks into lines (without the newline), numbered from 1; memory stays bounded
/// by the longest line.
public struct LineSplitter: Sendable {
    private var carry: [UInt8] = []
    private var lineNumber = 0
    private var stopped = false

    public init() {}

    /// Feeds one chunk; false once `body` has returned false (the rest is then ignored).
    public mutating func feed(
        _ chunk: some Collection<UInt8>, _ body: (ArraySlice<UInt8>, Int) -> Bool
    ) -> Bool {
        guard !stopped else { return false }
        carry.append(contentsOf: chunk)
        var start = carry.startIndex
        while let newline = carry[start...].firstIndex(of: 0x0A) {
            lineNumber += 1
            if !body(carry[start..<newline], lineNumber) {
                stopped = true
                return false
            }
            start = newline + 1
        }
        carry.removeSubrange(carry.startIndex..<start)
        return true
    }

    /// Hands over a last line without a newline.
    public mutating func finish(_ body: (ArraySlice<UInt8>, Int) -> Bool) {
        guard !stopped, !carry.isEmpty else { return }
        lineNumber += 1
        _ = body(carry[...], lineNumber)
        carry.removeAll()
    }
}
