import Foundation

/// Dates written the way feeds and their readers expect, in UTC, without a formatter (making
/// one costs more than writing the date by hand, and feeds write one per item).
public enum DateWriting {
    /// `2026-04-20T09:30:00Z` (RFC 3339 / ISO 8601, whole seconds).
    public static func iso8601(_ date: Date) -> String {
        let time = UTCTime(date)
        return "\(four(time.year))-\(two(time.month))-\(two(time.day))T\(two(time.hour)):\(two(time.minute)):\(two(time.second))Z"
    }

    /// `Mon, 20 Apr 2026 09:30:00 GMT` (RFC 822 as RSS and OPML use it).
    public static func rfc822(_ date: Date) -> String {
        let time = UTCTime(date)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1 January 1970 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[((time.days % 7) + 7) % 7]), \(two(time.day)) \(months[time.month - 1]) \(four(time.year)) "
            + "\(two(time.hour)):\(two(time.minute)):\(two(time.second)) GMT"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func four(_ value: Int) -> String {
        let digits = "\(value)"
        return value >= 0 && digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    }

    /// A moment's UTC calendar date and time of day, to the second below.
    private struct UTCTime {
        var days: Int
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int

        init(_ date: Date) {
            let seconds = Int(floor(date.timeIntervalSince1970))
            days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let secondOfDay = seconds - days * 86_400
            (year, month, day) = Self.civil(fromDays: days)
            hour = secondOfDay / 3600
            minute = secondOfDay / 60 % 60
            second = secondOfDay % 60
        }

        /// The inverse of `DateComponentsUTC.daysFromCivil` (H. Hinnant's algorithm).
        static func civil(fromDays days: Int) -> (Int, Int, Int) {
            let shifted = days + 719_468
            let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
            let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }
    }
}
