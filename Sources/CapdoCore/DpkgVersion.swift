/// Debian package version ordering, as `dpkg --compare-versions` does it.
///
/// A version is `[epoch:]upstream[-revision]`. Epochs compare numerically; upstream and revision compare
/// with dpkg's `verrevcmp`: alternating non-digit and digit runs, where in non-digit runs `~` sorts before
/// everything (even the end of the string), letters sort before non-letters, and digit runs compare as
/// numbers. A missing revision compares like an empty one ("0" is equivalent).
public enum DpkgVersion {
    /// Negative when `a` is older than `b`, zero when equal, positive when newer.
    public static func compare(_ a: String, _ b: String) -> Int {
        let left = Parts(a)
        let right = Parts(b)
        if left.epoch != right.epoch { return left.epoch < right.epoch ? -1 : 1 }
        let upstream = verrevcmp(left.upstream, right.upstream)
        if upstream != 0 { return upstream }
        return verrevcmp(left.revision, right.revision)
    }

    /// True when `a` sorts strictly before `b`.
    public static func isOlder(_ a: String, than b: String) -> Bool {
        compare(a, b) < 0
    }
}

private extension DpkgVersion {
    /// A version split into epoch, upstream and revision (bytes).
    struct Parts {
        var epoch: UInt64
        var upstream: [UInt8]
        var revision: [UInt8]

        init(_ text: String) {
            var bytes = Array(text.utf8)
            // dpkg ignores surrounding whitespace.
            while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
            while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A { bytes.removeLast() }
            epoch = 0
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
                var value: UInt64 = 0
                for byte in bytes[..<colon] where byte >= 0x30 && byte <= 0x39 {
                    value = value &* 10 &+ UInt64(byte - 0x30)
                }
                epoch = value
                bytes = Array(bytes[(colon + 1)...])
            }
            if let dash = bytes.lastIndex(of: UInt8(ascii: "-")) {
                upstream = Array(bytes[..<dash])
                revision = Array(bytes[(dash + 1)...])
            } else {
                upstream = bytes
                revision = []
            }
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The weight of one character in a non-digit run (dpkg's `order`); 0 for the end of the run.
    static func order(_ byte: UInt8?) -> Int {
        guard let byte else { return 0 }
        if isDigit(byte) { return 0 }
        if isLetter(byte) { return Int(byte) }
        if byte == UInt8(ascii: "~") { return -1 }
        return Int(byte) + 256
    }

    static func verrevcmp(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            var firstDiff = 0
            while (i < a.count && !isDigit(a[i])) || (j < b.count && !isDigit(b[j])) {
                let ac = order(i < a.count ? a[i] : nil)
                let bc = order(j < b.count ? b[j] : nil)
                if ac != bc { return ac - bc }
                i += 1
                j += 1
            }
            while i < a.count && a[i] == 0x30 { i += 1 }
            while j < b.count && b[j] == 0x30 { j += 1 }
            while i < a.count && isDigit(a[i]) && j < b.count && isDigit(b[j]) {
                if firstDiff == 0 { firstDiff = Int(a[i]) - Int(b[j]) }
                i += 1
                j += 1
            }
            if i < a.count && isDigit(a[i]) { return 1 }
            if j < b.count && isDigit(b[j]) { return -1 }
            if firstDiff != 0 { return firstDiff }
        }
        return 0
    }
}
