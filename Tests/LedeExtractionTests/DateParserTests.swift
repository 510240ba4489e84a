import Foundation
import Testing

@testable import LedeExtraction

@Suite struct DateParserTests {
    @Test(arguments: [
        ("2016-12-23T10:00:00+01:00", "2016-12-23"),
        ("2016-12-23", "2016-12-23"),
        ("2016/12/23 10:00", "2016-12-23"),
        ("20161223", "2016-12-23"),
        ("Fri, 23 Dec 2016 10:00:00 GMT", "2016-12-23"),
        ("December 23, 2016", "2016-12-23"),
        ("Dec 23rd, 2016", "2016-12-23"),
        ("23. Dezember 2016", "2016-12-23"),
        ("Freitag, 23. Dezember 2016, 10:00 Uhr", "2016-12-23"),
        ("23 de diciembre de 2016", "2016-12-23"),
        ("23 décembre 2016", "2016-12-23"),
        ("23 grudnia 2016", "2016-12-23"),
        ("23.12.2016", "2016-12-23"),
        ("23/12/2016", "2016-12-23"),
        ("2016年12月23日", "2016-12-23"),
    ])
    func readsCommonDateFormats(_ text: String, _ day: String) {
        #expect(DateParser.parse(text)?.dayString == day)
    }

    @Test func readsAmbiguousNumericDatesByTheLanguagesOrder() {
        #expect(DateParser.parse("03/04/2020", dayFirst: true)?.dayString == "2020-04-03")
        #expect(DateParser.parse("03/04/2020", dayFirst: false)?.dayString == "2020-03-04")
        #expect(DateParser.parse("12/23/2016", dayFirst: true)?.dayString == "2016-12-23")
    }

    @Test func rejectsImpossibleDates() {
        #expect(DateParser.parse("2016-02-30") == nil)
        #expect(DateParser.parse("1850-01-01") == nil)
        #expect(DateParser.parse("version 2.3.4") == nil)
    }

    @Test func keepsTheZoneForTheInstant() throws {
        let date = try #require(DateParser.parse("2024-03-04T23:30:00+01:00"))
        #expect(date.dayString == "2024-03-04")
        #expect(date.date.timeIntervalSince1970 == 1_709_591_400)
    }

    @Test func recognisesDateLines() {
        #expect(DateLine.isDateLine("Publiziert: 03.04.2020, 12:35"))
        #expect(DateLine.isDateLine("Donnerstag, 31. Mai 2012"))
        #expect(DateLine.isDateLine("Updated May 6th, 2022 12:49 AM"))
        #expect(!DateLine.isDateLine("Am 3. Mai 2020 starb er."))
    }
}
