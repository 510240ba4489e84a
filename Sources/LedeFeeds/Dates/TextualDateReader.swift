/// Reads dates with an English month name: RFC 822/1123/850, asctime, and the free forms people
/// write (`Sep 6, 2010 5:30 PM EST`, `6-Sep-2010`, `Mon Sep 06 2010 00:01:00 GMT+0000 (UTC)`).
///
/// Tokens are classified rather than matched against a fixed layout, so the day and month may
/// come in either order; numbers without a month name (`06/09/2010`) are refused as ambiguous.
struct TextualDateReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func read() -> DateComponentsUTC? {
        var day: Int?
        var month: Int?
        var year: Int?
        var yearDigits = 0
        var time: (hour: Int, minute: Int, second: Int, fraction: Double)?
        var offset: Int?
        var isAfternoon: Bool?
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if isLetter(byte) {
                let wordStart = index
                var word: [UInt8] = []
                while index < count, isLetter(bytes[index]) {
                    if word.count < 10 { word.append(bytes[index] | 0x20) }
                    index += 1
                }
                if let value = Self.month(word) {
                    guard month == nil else { return nil }
                    month = value
                } else if Self.isWeekday(word) {
                    continue
                } else if word == Array("am".utf8) || word == Array("pm".utf8) {
                    isAfternoon = word[0] == UInt8(ascii: "p")
                } else if offset == nil, time != nil || year != nil,
                    let (zone, length) = TimeZoneReader.read(UnsafeBufferPointer(rebasing: bytes[wordStart...]))
                {
                    offset = zone
                    index = wordStart + length
                } else if word.count <= 5, time != nil, offset == nil {
                    offset = 0  // another zone name: read as UTC, like RFC 822 readers do
                } else if word != Array("at".utf8), word != Array("of".utf8), word != Array("the".utf8) {
                    return nil
                }
            } else if isDigit(byte) {
                let (value, length) = digitRun()
                if index < count, bytes[index] == UInt8(ascii: ":") {
                    guard time == nil, length <= 2, let parsed = readTime(hour: value) else { return nil }
                    time = parsed
                } else if length == 4 {
                    guard year == nil else { return nil }
                    year = value
                    yearDigits = length
                } else if length <= 2, day == nil, value >= 1, value <= 31 {
                    day = value
                    skipOrdinalSuffix()
                } else if length <= 2, year == nil {
                    year = value
                    yearDigits = length
                } else {
                    return nil
                }
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")), time != nil || (year != nil && month != nil),
                index + 1 < count, isDigit(bytes[index + 1]),
                let (zone, length) = TimeZoneReader.read(UnsafeBufferPointer(rebasing: bytes[index...]))
            {
                guard offset == nil else { return nil }
                offset = zone
                index += length
            } else if byte == UInt8(ascii: "(") {
                // A trailing comment such as `(UTC)` or `(Pacific Standard Time)`.
                while index < count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                index += 1
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "/") || FeedDateParser.isSpace(byte)
            {
                index += 1
            } else {
                return nil
            }
        }
        guard let month, let day, var year else { return nil }
        if yearDigits <= 2 { year += year < 90 ? 2000 : 1900 }
        var components = DateComponentsUTC(year: year, month: month, day: day)
        if let time {
            var hour = time.hour
            if let isAfternoon {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (isAfternoon ? 12 : 0)
            }
            components.hour = hour
            components.minute = time.minute
            components.second = time.second
            components.fraction = time.fraction
        }
        components.offset = offset ?? 0
        return components
    }

    /// `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, after the hour has been read.
    private mutating func readTime(hour: Int) -> (Int, Int, Int, Double)? {
        index += 1
        let (minute, minuteLength) = digitRun()
        guard minuteLength == 2 || minuteLength == 1 else { return nil }
        var second = 0
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            let (value, length) = digitRun()
            guard length == 2 || length == 1 else { return nil }
            second = value
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) {
                index += 1
                var scale = 0.1
                while index < bytes.count, isDigit(bytes[index]) {
                    fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        return (hour, minute, second, fraction)
    }

    /// `1st`, `2nd`, `3rd`, `4th`.
    private mutating func skipOrdinalSuffix() {
        guard index + 1 < bytes.count else { return }
        let pair = (bytes[index] | 0x20, bytes[index + 1] | 0x20)
        if pair == (UInt8(ascii: "s"), UInt8(ascii: "t")) || pair == (UInt8(ascii: "n"), UInt8(ascii: "d"))
            || pair == (UInt8(ascii: "r"), UInt8(ascii: "d")) || pair == (UInt8(ascii: "t"), UInt8(ascii: "h"))
        {
            if index + 2 == bytes.count || !isLetter(bytes[index + 2]) { index += 2 }
        }
    }

    private mutating func digitRun() -> (value: Int, length: Int) {
        var value = 0
        var length = 0
        while index < bytes.count, isDigit(bytes[index]) {
            if length < 9 { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
            length += 1
            index += 1
        }
        return (value, length)
    }

    /// Month names, abbreviated (`sep`, `sept`) or in full.
    private static func month(_ word: [UInt8]) -> Int? {
        guard word.count >= 3 else { return nil }
        let prefix = String(decoding: word[0..<3], as: UTF8.self)
        guard let number = monthNumbers[prefix] else { return nil }
        if word.count == 3 { return number }
        let full = String(decoding: word, as: UTF8.self)
        return monthNames[number - 1].hasPrefix(full) || full == "sept" ? number : nil
    }

    private static func isWeekday(_ word: [UInt8]) -> Bool {
        guard word.count >= 3 else { return false }
        let prefix = String(decoding: word[0..<3], as: UTF8.self)
        guard let index = weekdayPrefixes.firstIndex(of: prefix) else { return false }
        let full = String(decoding: word, as: UTF8.self)
        return word.count == 3 || weekdayNames[index].hasPrefix(full) || full == "tues" || full == "thur"
            || full == "thurs"
    }

    private static let monthNumbers: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let weekdayPrefixes = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
