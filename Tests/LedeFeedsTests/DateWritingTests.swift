import Foundation
import LedeFeeds
import Testing

@Suite struct DateWritingTests {
    @Test func handWrittenDatesMatchFoundationsFormatters() {
        let rfc822 = DateFormatter()
        rfc822.locale = Locale(identifier: "en_US_POSIX")
        rfc822.timeZone = TimeZone(identifier: "GMT")
        rfc822.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let iso8601 = ISO8601DateFormatter()
        // From before 1970 to 2050, at odd times of day, across leap years and month ends.
        var seconds: TimeInterval = -86_400 * 400 - 1
        while seconds < 86_400 * 365 * 80 {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(DateWriting.rfc822(date) == rfc822.string(from: date))
            #expect(DateWriting.iso8601(date) == iso8601.string(from: date))
            seconds += 86_400 * 13 + 3_727.5
        }
        #expect(DateWriting.iso8601(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
    }
}
