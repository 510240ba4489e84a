import Foundation
import Testing

@testable import LedeFetch

@Suite struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT

    @Test(
        arguments: [
            ("120", 120.0), ("0", 0), (" 30 ", 30),
            ("Wed, 21 Oct 2015 07:30:00 GMT", 120), ("Wednesday, 21-Oct-15 07:30:00 GMT", 120), ("Wed Oct 21 07:30:00 2015", 120),
            ("Wed Oct  1 07:28:00 2015", 0), ("99999999999", 7 * 24 * 3600),
        ] as [(String, TimeInterval)])
    func readsDelaySecondsAndAllThreeHTTPDateForms(value: String, seconds: TimeInterval) {
        #expect(RetryAfter.seconds(value, responseDate: nil, now: Self.now) == seconds)
    }

    @Test(arguments: ["soon", "-5", "1.5e3", ""])
    func ignoresValuesThatAreNeitherForm(value: String) {
        #expect(RetryAfter.seconds(value, responseDate: nil, now: Self.now) == nil)
    }

    @Test func measuresADateFromTheResponsesOwnDate() {
        let seconds = RetryAfter.seconds(
            "Wed, 21 Oct 2015 08:00:00 GMT", responseDate: "Wed, 21 Oct 2015 07:59:00 GMT", now: Date(timeIntervalSince1970: 0))
        #expect(seconds == 60)
    }
}
