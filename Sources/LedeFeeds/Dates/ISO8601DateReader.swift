/// Reads numeric dates that start with a four-digit year: RFC 3339, ISO 8601 (extended, basic
/// and ordinal forms), W3C-DTF with reduced precision (`2003`, `2003-12`), and the SQL style
/// with a space instead of `T`.
struct ISO8601DateReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func read() -> DateComponentsUTC? {
        guard let year = number(length: 4) else { return nil }
        var components = DateComponentsUTC(year: year, month: 1, day: 1)
        guard index < bytes.count else { return components }
        let separator = bytes[index]
        if separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") {
            index += 1
            let (value, length) = digitRun()
            switch length {
            case 3:
                guard setOrdinal(value, of: &components) else { return nil }
            case 1, 2:
                components.month = value
                if index < bytes.count, bytes[index] == separator {
                    index += 1
                    let (day, dayLength) = digitRun()
                    guard dayLength == 1 || dayLength == 2 else { return nil }
                    components.day = day
                }
            default:
                return nil
            }
        } else if isDigit(separator) {
            let (value, length) = digitRun()
            switch length {
            case 3:
                guard setOrdinal(value, of: &components) else { return nil }
            case 4:
                components.month = value / 100
                components.day = value % 100
            default:
                return nil
            }
        } else if separator != UInt8(ascii: "T") && separator != UInt8(ascii: "t") && !isSpace(separator) {
            return nil
        }
        guard readTime(into: &components), readZone(into: &components) else { return nil }
        return components
    }

    private func setOrdinal(_ dayOfYear: Int, of components: inout DateComponentsUTC) -> Bool {
        var remaining = dayOfYear
        for month in 1...12 {
            let length = DateComponentsUTC.daysInMonth(month, year: components.year)
            if remaining <= length {
                guard remaining >= 1 else { return false }
                components.month = month
                components.day = remaining
                return true
            }
            remaining -= length
        }
        return false
    }

    /// `THH:MM:SS.fff`, `THHMMSS`, ` HH:MM` or nothing.
    private mutating func readTime(into components: inout DateComponentsUTC) -> Bool {
        guard index < bytes.count else { return true }
        if bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") {
            index += 1
        } else if isSpace(bytes[index]) {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return true }
        } else {
            return true  // a zone right after the date
        }
        let (first, firstLength) = digitRun()
        switch firstLength {
        case 1, 2:
            components.hour = first
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return true }
            index += 1
            guard let minute = number(length: 2) else { return false }
            components.minute = minute
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                guard let second = number(length: 2) else { return false }
                components.second = second
            }
        case 4:
            components.hour = first / 100
            components.minute = first % 100
        case 6:
            components.hour = first / 10_000
            components.minute = first / 100 % 100
            components.second = first % 100
        default:
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            var scale = 0.1
            var fraction = 0.0
            let start = index
            while index < bytes.count, isDigit(bytes[index]) {
                fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return false }
            components.fraction = fraction
        }
        return true
    }

    /// `Z`, `±HH:MM`, `±HHMM`, `±HH`, a zone name, or nothing (UTC).
    private mutating func readZone(into components: inout DateComponentsUTC) -> Bool {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return true }
        guard let (offset, length) = TimeZoneReader.read(UnsafeBufferPointer(rebasing: bytes[index...])) else {
            return false
        }
        components.offset = offset
        index += length
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index == bytes.count
    }

    private mutating func number(length: Int) -> Int? {
        guard index + length <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<length {
            let byte = bytes[index + offset]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += length
        return value
    }

    private mutating func digitRun() -> (value: Int, length: Int) {
        var value = 0
        var length = 0
        while index < bytes.count, isDigit(bytes[index]), length < 9 {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            length += 1
            index += 1
        }
        return (value, length)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private func isSpace(_ byte: UInt8) -> Bool { FeedDateParser.isSpace(byte) }
}
