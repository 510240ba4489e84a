import Foundation

/// Days as editions name them: `YYYY-MM-DD` in UTC.
public enum EditionDate {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The edition day containing `date`.
    public static func string(from date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The end of a `YYYY-MM-DD` day (its last second), or `nil` if the text is not a date.
    public static func endOfDay(_ day: String) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]),
            let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            string(from: start) == day
        else { return nil }
        return start.addingTimeInterval(24 * 3600 - 1)
    }

    /// "Monday, April 20, 2026" for a `YYYY-MM-DD` day.
    public static func long(_ day: String) -> String {
        guard let end = endOfDay(day) else { return day }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEEE, MMMM d, yyyy"
        return formatter.string(from: end)
    }
}
