import CapdoCore
import Foundation

/// Pure helpers for apt's downloaded lists (`var/lib/apt/lists`): list file names, Release dates, and a
/// streaming Packages-file reader that keeps only Package, Version and Architecture.
public enum AptListsParser {
    /// One offered binary package.
    public struct Offer: Sendable, Equatable {
        public var name: String
        public var version: String
        public var architecture: String?
    }

    /// The suite of a list file name: `…_dists_bookworm-security_main_binary-amd64_Packages` →
    /// `bookworm-security`; `…_dists_stretch_updates_main_binary-amd64_Packages` → `stretch/updates`.
    public static func suite(ofListFile name: String) -> String? {
        guard let range = name.range(of: "_dists_") else { return nil }
        let parts = name[range.upperBound...].split(separator: "_").map(String.init)
        guard let binary = parts.firstIndex(where: { $0.hasPrefix("binary-") }), binary >= 2 else { return nil }
        return parts[0..<(binary - 1)].joined(separator: "/")
    }

    /// The Release file prefix: everything up to and including the suite (`…_dists_bookworm-security`).
    public static func releasePrefix(ofListFile name: String) -> String? {
        guard let range = name.range(of: "_dists_"), let suite = suite(ofListFile: name) else { return nil }
        return String(name[..<range.upperBound]) + suite.replacingOccurrences(of: "/", with: "_")
    }

    /// True for `*-security` suites and the old `*/updates` security layout.
    public static func isSecurity(suite: String) -> Bool {
        suite.hasSuffix("-security") || suite.hasSuffix("/updates")
    }

    /// The `Date:` of a Release/InRelease text (RFC 2822: `Sat, 29 Nov 2026 06:00:00 UTC`).
    public static func releaseDate(_ text: String) -> Date? {
        for line in text.split(separator: "\n") where line.hasPrefix("Date:") {
            return rfc2822(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Parses `Sat, 29 Nov 2026 06:00:00 UTC` (or `+0000`); nil otherwise.
    public static func rfc2822(_ text: String) -> Date? {
        var words = text.split(separator: " ").map(String.init)
        if words.first?.hasSuffix(",") == true { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]),
            let month = LogTimestampParser.months.firstIndex(of: words[1]), let year = Int(words[2])
        else { return nil }
        let clock = words[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var offset = 0
        if words.count >= 5, let zone = words.last, zone.count == 5, let value = Int(zone.dropFirst()),
            zone.first == "+" || zone.first == "-"
        {
            offset = (value / 100 * 3600 + value % 100 * 60) * (zone.first == "-" ? -1 : 1)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(
            year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
        return calendar.date(from: components)?.addingTimeInterval(TimeInterval(-offset))
    }

    /// Incremental Packages-file reader: feed lines, collect offers of the names in `wanted`.
    public struct Stream {
        public private(set) var offers: [Offer] = []
        let wanted: Set<String>
        var name: String?
        var version: String?
        var architecture: String?

        public init(wanted: Set<String>) {
            self.wanted = wanted
        }

        public mutating func feed(_ line: ArraySlice<UInt8>) {
            guard let first = line.first else {
                flush()
                return
            }
            switch first {
            case UInt8(ascii: "P"): if let value = Self.value(line, key: "Package:") { name = value }
            case UInt8(ascii: "V"): if let value = Self.value(line, key: "Version:") { version = value }
            case UInt8(ascii: "A"): if let value = Self.value(line, key: "Architecture:") { architecture = value }
            default: break
            }
        }

        /// Ends the current stanza (also call at end of file).
        public mutating func flush() {
            if let name, let version, wanted.contains(name) {
                offers.append(Offer(name: name, version: version, architecture: architecture))
            }
            name = nil
            version = nil
            architecture = nil
        }

        static func value(_ line: ArraySlice<UInt8>, key: String) -> String? {
            let keyBytes = key.utf8
            guard line.count > keyBytes.count, line.starts(with: keyBytes) else { return nil }
            let rest = line.dropFirst(keyBytes.count)
            return String(decoding: rest, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
    }
}
