import Foundation

/// A date as a page states it: the calendar day it names, and the time and zone when given.
struct PageDate: Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int?
    var minute = 0
    var second = 0
    /// Seconds east of UTC, when the page says.
    var offset: Int?

    init?(year: Int, month: Int, day: Int) {
        guard (1990...2100).contains(year), (1...12).contains(month),
            (1...PageDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, the day as the page names it.
    var dayString: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The instant. A day without a time is taken at noon UTC, so that it shows as the same
    /// day in every time zone from UTC-11 to UTC+11.
    var date: Date {
        let days = PageDate.daysFromCivil(year: year, month: month, day: day)
        guard let hour else { return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + 43_200)) }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
