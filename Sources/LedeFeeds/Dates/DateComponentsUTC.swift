import Foundation

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
