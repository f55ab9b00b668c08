import CapdoCore
import Foundation

/// Parses the 512-byte header of a ClamAV signature database (`.cvd`, `.cld`, `.cud`).
///
/// The header is `ClamAV-VDB:build time:version:sigs:f-level:MD5:dsig:builder:stime`, padded with spaces
/// to 512 bytes (libclamav's `cl_cvdparse`). The build-time text uses `-` between hours and minutes
/// (`28 Nov 2026 07-40 +0000`) because `:` separates fields; `stime` is seconds since 1970.
public enum ClamavDatabaseHeader {
    /// Header length in bytes; only this much of a database is ever read.
    public static let length = 512

    /// Why a header could not be parsed; the message names no path (the caller adds it).
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The header of `data` (the file's first 512 bytes), for the database `name` stored at `file`.
    public static func parse(_ data: Data, name: String, file: String) throws(ParseError) -> AntivirusDatabase {
        guard data.count >= length else {
            throw ParseError(
                message: "ClamAV database header is \(data.count) bytes, expected \(length) (truncated file)")
        }
        let bytes = Array(data.prefix(length))
        guard bytes.starts(with: Array("ClamAV-VDB:".utf8)) else {
            throw ParseError(message: "not a ClamAV database: the header does not start with 'ClamAV-VDB:'")
        }
        guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0 }) else {
            throw ParseError(message: "corrupt ClamAV database header: non-text bytes in the first \(length) bytes")
        }
        let text = String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        let fields = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 8 else {
            throw ParseError(
                message: "corrupt ClamAV database header: \(fields.count) fields, expected 9")
        }
        func number(_ index: Int, _ label: String) throws(ParseError) -> Int {
            guard let value = Int(fields[index]), value >= 0 else {
                throw ParseError(
                    message: "corrupt ClamAV database header: field \(index + 1) (\(label)) is not a number")
            }
            return value
        }
        let version = try number(2, "version")
        let signatures = try number(3, "signature count")
        let level = try number(4, "functionality level")
        let textTime = parseBuildTime(fields[1])
        var buildTime = textTime
        if fields.count >= 9, let seconds = Int(fields[8]), seconds > 0 {
            buildTime = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        guard let buildTime else {
            throw ParseError(
                message: "corrupt ClamAV database header: field 2 (build time) cannot be read")
        }
        return AntivirusDatabase(
            name: name, file: file, version: version, signatures: signatures, functionalityLevel: level,
            buildTime: buildTime, buildTimeText: fields[1], builder: fields[7], md5: fields[5])
    }

    /// `28 Nov 2026 07-40 +0000` (or with `:`) → a date; nil when malformed.
    public static func parseBuildTime(_ text: String) -> Date? {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 5, let day = Int(parts[0]), let year = Int(parts[2]),
            let month = months.firstIndex(of: parts[1].lowercased()).map({ $0 + 1 })
        else { return nil }
        let clock = parts[3].split(whereSeparator: { $0 == "-" || $0 == ":" }).compactMap { Int($0) }
        let zone = parts[4]
        guard clock.count == 2, zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
            let hours = Int(zone.dropFirst().prefix(2)), let minutes = Int(zone.suffix(2))
        else { return nil }
        let offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(secondsFromGMT: 0) else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: clock[0], minute: clock[1])
        guard (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
            let local = calendar.date(from: components)
        else { return nil }
        return local.addingTimeInterval(TimeInterval(-offset))
    }
}

private extension ClamavDatabaseHeader {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
