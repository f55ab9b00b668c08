import Foundation

/// A UTC calendar date and time of day in whole seconds (Gregorian, years 1600…9999): the fast path of
/// `CapdoDate` for its own two forms, `2026-11-29` and `2026-11-29T15:10:40Z`, which every snapshot date takes.
/// Anything else (offsets, fractions, other years) is left to Foundation's ISO 8601 parser and formatter, which
/// also owns the calendar before 1600 (it switches to the Julian calendar before 15 October 1582).
struct CivilTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var secondOfDay: Int

    /// The date's calendar fields, or nil outside years 1600…9999.
    init?(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        guard date.timeIntervalSince1970.isFinite, abs(seconds) < 300_000_000_000 else { return nil }
        let (days, second) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = second < 0 ? days - 1 : days
        secondOfDay = Int(second < 0 ? second + 86_400 : second)
        // Days since 1970-01-01 to a civil date, counting in 400-year eras that start on 1 March.
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        guard Self.years.contains(year) else { return nil }
    }

    static let years = 1600...9999

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` exactly, with every field in range; nil for any other text.
    init?(iso8601 text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private init(year: Int, month: Int, day: Int, secondOfDay: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.secondOfDay = secondOfDay
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilTime? {
        guard bytes.count == 10 || bytes.count == 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for position in range {
                let digit = Int(bytes[position]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(0..<4),
            let month = number(5..<7), let day = number(8..<10), years.contains(year), (1...12).contains(month),
            (1...daysIn(month, of: year)).contains(day)
        else { return nil }
        guard bytes.count == 20 else { return CivilTime(year: year, month: month, day: day, secondOfDay: 0) }
        guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "Z"), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19), hour < 24, minute < 60, second < 60
        else { return nil }
        return CivilTime(year: year, month: month, day: day, secondOfDay: hour * 3_600 + minute * 60 + second)
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    var date: Date {
        // A civil date to days since 1970-01-01 (the inverse of the conversion above).
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + Int64(secondOfDay)))
    }

    var iso8601: String {
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, _ width: Int, at offset: Int) {
            var rest = value
            for position in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[position] = UInt8(48 + rest % 10)
                rest /= 10
            }
        }
        put(year, 4, at: 0)
        bytes[4] = UInt8(ascii: "-")
        put(month, 2, at: 5)
        bytes[7] = UInt8(ascii: "-")
        put(day, 2, at: 8)
        bytes[10] = UInt8(ascii: "T")
        put(secondOfDay / 3_600, 2, at: 11)
        bytes[13] = UInt8(ascii: ":")
        put(secondOfDay / 60 % 60, 2, at: 14)
        bytes[16] = UInt8(ascii: ":")
        put(secondOfDay % 60, 2, at: 17)
        bytes[19] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }
}
