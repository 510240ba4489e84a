import ArgumentParser
import Foundation
import LedeCore

/// `--date` and `--now`: process a corpus from other days as if it were current.
struct TimeOptions: ParsableArguments {
    @Option(help: "Act as if it were the end of this day (YYYY-MM-DD, UTC).") var date: String?
    @Option(help: "Act as if it were this moment (ISO 8601, e.g. 2026-04-20T18:00:00Z).") var now: String?

    func validate() throws {
        if let date, EditionDate.endOfDay(date) == nil {
            throw ValidationError("--date must be a day as YYYY-MM-DD, such as 2026-04-20.")
        }
        if let now, Self.parse(now) == nil {
            throw ValidationError("--now must be an ISO 8601 time such as 2026-04-20T18:00:00Z.")
        }
        if date != nil && now != nil { throw ValidationError("Give --date or --now, not both.") }
    }

    /// The moment to act as of: `--now`, else the end of `--date`, else the clock.
    var moment: Date {
        if let now, let parsed = Self.parse(now) { return parsed }
        if let date, let end = EditionDate.endOfDay(date) { return end }
        return Date()
    }

    var isExplicit: Bool { date != nil || now != nil }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        return EditionDate.endOfDay(text)
    }
}
