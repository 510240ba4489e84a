import Foundation
import Testing

@testable import LedeFeeds

@Suite struct FeedDateParserTests {
    /// 2003-12-31T10:14:55Z, the instant most of these spell.
    static let reference: TimeInterval = 1_072_865_695

    @Test(arguments: [
        // RFC 822 / 1123 and their variants.
        "Wed, 31 Dec 2003 10:14:55 GMT",
        "Wed, 31 Dec 2003 10:14:55 +0000",
        "Wed, 31 Dec 2003 11:14:55 +0100",
        "Wed, 31 Dec 2003 05:14:55 EST",
        "Wed, 31 Dec 2003 02:14:55 PST",
        "Wed, 31 Dec 2003 10:14:55 UT",
        "Wed, 31 Dec 2003 10:14:55 Z",
        "31 Dec 2003 10:14:55 GMT",
        "Wed, 31 Dec 03 10:14:55 GMT",
        "Wednesday, 31 December 2003 10:14:55 GMT",
        "Wed, 31 Dec 2003 10:14:55",
        "Wed, 31 Dec 2003 12:14:55 +02:00",
        "Wed, 31 Dec 2003 12:14:55 GMT+02:00",
        "Wed, 31 Dec 2003 12:14:55 GMT+2",
        "Wed Dec 31 2003 10:14:55 GMT+0000 (Coordinated Universal Time)",
        "Wed,  31  Dec  2003  10:14:55  GMT",
        "Wed, Dec 31 2003 10:14:55 GMT",
        "Wed, 31-Dec-2003 10:14:55 GMT",
        "Wednesday, 31-Dec-03 10:14:55 GMT",
        "Wed Dec 31 10:14:55 2003",
        "Wed Dec 31 10:14:55 +0000 2003",
        "Dec 31, 2003 10:14:55 AM GMT",
        "December 31st, 2003 10:14:55 UTC",
        "Wed, 31 Dec. 2003 10:14:55 GMT",
        // RFC 3339, ISO 8601, W3C-DTF and their variants.
        "2003-12-31T10:14:55Z",
        "2003-12-31T10:14:55+00:00",
        "2003-12-31T11:14:55+01:00",
        "2003-12-31T05:14:55-05:00",
        "2003-12-31T05:14:55-0500",
        "2003-12-31T15:44:55+05:30",
        "2003-12-31t10:14:55z",
        "2003-12-31 10:14:55",
        "2003-12-31 10:14:55 +0000",
        "2003-12-31 10:14:55 GMT",
        "2003-12-31T10:14:55",
        "20031231T101455Z",
        "2003/12/31 10:14:55",
        "2003-365T10:14:55Z",
        "  2003-12-31T10:14:55Z\n",
    ])
    func readsWrittenForm(_ text: String) throws {
        let date = try #require(FeedDateParser.parse(text), "could not read \(text.debugDescription)")
        #expect(date.timeIntervalSince1970 == Self.reference)
    }

    @Test func keepsFractionalSeconds() throws {
        let date = try #require(FeedDateParser.parse("2003-12-31T10:14:55.250Z"))
        #expect(date.timeIntervalSince1970 == Self.reference + 0.25)
    }

    @Test(arguments: [
        ("2003-12-31", 1_072_828_800.0),
        ("2003-12", 1_070_236_800.0),
        ("2003", 1_041_379_200.0),
        ("31 Dec 2003", 1_072_828_800.0),
        ("Dec 31, 2003", 1_072_828_800.0),
        ("2003-12-31T10:14Z", 1_072_865_640.0),
    ])
    func readsReducedPrecision(_ text: String, _ expected: TimeInterval) throws {
        let date = try #require(FeedDateParser.parse(text))
        #expect(date.timeIntervalSince1970 == expected)
    }

    @Test func readsTwoDigitYearsAsFeedReadersDo() throws {
        let ninetyNine = try #require(FeedDateParser.parse("Fri, 31 Dec 99 23:59:59 GMT"))
        #expect(ninetyNine.timeIntervalSince1970 == 946_684_799)
        let oh5 = try #require(FeedDateParser.parse("Sat, 01 Jan 05 00:00:00 GMT"))
        #expect(oh5.timeIntervalSince1970 == 1_104_537_600)
    }

    @Test func keepsTheHonestValueForYearOne() throws {
        let date = try #require(FeedDateParser.parse("0001-01-01T00:00:00Z"))
        #expect(date.timeIntervalSince1970 == -62_135_596_800)
    }

    @Test func keepsTheHonestValueForYear2199() throws {
        let date = try #require(FeedDateParser.parse("Tue, 31 Dec 2199 23:59:59 GMT"))
        #expect(date.timeIntervalSince1970 == 7_258_118_399)
    }

    @Test(arguments: [
        "", "   ", "garbage", "yesterday", "2003-13-01T00:00:00Z", "2003-02-30", "Wed, 32 Dec 2003 10:14:55 GMT",
        "2003-12-31T25:00:00Z", "2003-12-31T10:61:00Z", "10:14:55", "06/09/2010", "Foo, 31 Bar 2003",
        "0000-01-01T00:00:00Z", "99999-01-01", "2003-12-31T10:14:55+99:00", "\u{0}\u{1}\u{2}", "🙂 2003",
        String(repeating: "9", count: 500),
    ])
    func refusesWhatItCannotReadWithConfidence(_ text: String) {
        #expect(FeedDateParser.parse(text) == nil)
    }

    @Test func readsLeapDayOnlyInLeapYears() {
        #expect(FeedDateParser.parse("2024-02-29") != nil)
        #expect(FeedDateParser.parse("2023-02-29") == nil)
        #expect(FeedDateParser.parse("2000-02-29") != nil)
        #expect(FeedDateParser.parse("1900-02-29") == nil)
    }
}
