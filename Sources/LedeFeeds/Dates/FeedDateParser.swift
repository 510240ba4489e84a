import Foundation

/// Reads the dates feeds write: RFC 822/1123 (`Mon, 06 Sep 2010 00:01:00 +0000`), RFC 3339 and
/// ISO 8601 / W3C-DTF (`2010-09-06T00:01:00Z`, `20100906`, `2010-249`), asctime and their
/// common malformations (two-digit years, missing seconds or zones, zone names, swapped day and
/// month names, `GMT+01:00`, trailing `(UTC)`, stray commas and dots).
///
/// Works on bytes, without Foundation formatters, because a feed can hold thousands of dates.
/// A date it cannot read with confidence is `nil`, never a guess; impossible values (month 13,
/// February 30, hour 25) are rejected; any year from 1 to 9999 is kept as written.
public enum FeedDateParser {
    public static func parse(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > start, end - start <= 128 else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var numeric = ISO8601DateReader(text)
        if let components = numeric.read() { return components.date }
        var textual = TextualDateReader(text)
        return textual.read()?.date
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0
    }
}

/// A calendar date and time with a UTC offset, checked before it becomes a `Date`.
struct DateComponentsUTC {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var fraction: Double = 0
    /// Seconds east of UTC.
    var offset = 0

    var date: Date? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysInMonth(month, year: year), (0...24).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), abs(offset) <= 18 * 3600
        else { return nil }
        // 24:00:00 is the end of the day; a leap second is read as the last second.
        if hour == 24 && (minute != 0 || second != 0) { return nil }
        let seconds = min(second, 59)
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let total = days * 86_400 + hour * 3600 + minute * 60 + seconds - offset
        return Date(timeIntervalSince1970: TimeInterval(total) + fraction)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
