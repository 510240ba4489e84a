/// Reads the dates pages write: ISO 8601 and its relatives (`2016-12-23T10:00:00+01:00`,
/// `2016/12/23`), numeric days (`23.12.2016`, `12/23/2016`), written months in the common
/// languages (`December 23, 2016`, `23. Dezember 2016`, `23 de diciembre de 2016`), RFC 822
/// (`Fri, 23 Dec 2016 10:00:00 GMT`) and CJK (`2016年12月23日`).
enum DateParser {
    /// The first date in `text`.
    /// - Parameter dayFirst: how to read an ambiguous numeric date such as `03/04/2020`.
    static func parse(_ text: String, dayFirst: Bool = true) -> PageDate? {
        let scalars = Array(text.unicodeScalars.prefix(400))
        return parseISO(scalars) ?? parseCJK(scalars) ?? parseTextual(text) ?? parseNumeric(scalars, dayFirst: dayFirst)
    }

    // MARK: - Numbers in scalars

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }

    /// The number of `count...maxCount` digits at `index`, not preceded by a digit.
    private static func number(_ scalars: [Unicode.Scalar], at index: Int, digits range: ClosedRange<Int>)
        -> (value: Int, end: Int)?
    {
        guard index < scalars.count, index == 0 || digit(scalars[index - 1]) == nil else { return nil }
        var value = 0
        var end = index
        while end < scalars.count, let value0 = digit(scalars[end]), end - index < range.upperBound {
            value = value * 10 + value0
            end += 1
        }
        let length = end - index
        guard range.contains(length), end >= scalars.count || digit(scalars[end]) == nil else { return nil }
        return (value, end)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "/" || scalar == "." || scalar == "_"
    }

    // MARK: - Formats

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD` (as a whole token), with an
    /// optional ISO time and zone.
    static func parseISO(_ scalars: [Unicode.Scalar]) -> PageDate? {
        var index = 0
        while index < scalars.count {
            if let year = number(scalars, at: index, digits: 4...4) {
                var position = year.end
                if position < scalars.count, isSeparator(scalars[position]),
                    let month = number(scalars, at: position + 1, digits: 1...2),
                    month.end < scalars.count, scalars[month.end] == scalars[position],
                    let day = number(scalars, at: month.end + 1, digits: 1...2),
                    var date = PageDate(year: year.value, month: month.value, day: day.value)
                {
                    position = day.end
                    readTime(scalars, from: position, into: &date)
                    return date
                }
            }
            if let compact = number(scalars, at: index, digits: 8...8) {
                let value = compact.value
                if var date = PageDate(year: value / 10_000, month: value / 100 % 100, day: value % 100) {
                    readTime(scalars, from: compact.end, into: &date)
                    return date
                }
            }
            index += 1
        }
        return nil
    }

    /// `T10:00`, ` 10:00:00`, `.123`, `Z`, `+01:00`, `+0100`.
    private static func readTime(_ scalars: [Unicode.Scalar], from start: Int, into date: inout PageDate) {
        var position = start
        guard position < scalars.count, scalars[position] == "T" || scalars[position] == " " else { return }
        position += 1
        guard let hour = number(scalars, at: position, digits: 1...2), hour.value < 24,
            hour.end < scalars.count, scalars[hour.end] == ":",
            let minute = number(scalars, at: hour.end + 1, digits: 2...2), minute.value < 60
        else { return }
        date.hour = hour.value
        date.minute = minute.value
        position = minute.end
        if position < scalars.count, scalars[position] == ":",
            let second = number(scalars, at: position + 1, digits: 2...2)
        {
            date.second = min(second.value, 59)
            position = second.end
        }
        if position < scalars.count, scalars[position] == "." || scalars[position] == "," {
            position += 1
            while position < scalars.count, digit(scalars[position]) != nil { position += 1 }
        }
        guard position < scalars.count else { return }
        if scalars[position] == "Z" {
            date.offset = 0
        } else if scalars[position] == "+" || scalars[position] == "-" {
            let sign = scalars[position] == "-" ? -1 : 1
            if let hours = number(scalars, at: position + 1, digits: 2...2) {
                var minutes = 0
                if hours.end < scalars.count, scalars[hours.end] == ":",
                    let value = number(scalars, at: hours.end + 1, digits: 2...2)
                {
                    minutes = value.value
                } else if let value = number(scalars, at: hours.end, digits: 2...2) {
                    minutes = value.value
                }
                if hours.value <= 14 { date.offset = sign * (hours.value * 3600 + minutes * 60) }
            } else if let packed = number(scalars, at: position + 1, digits: 4...4), packed.value / 100 <= 14 {
                date.offset = sign * (packed.value / 100 * 3600 + packed.value % 100 * 60)
            }
        }
    }

    /// `2016年12月23日` (and the Korean `2016년 12월 23일`).
    static func parseCJK(_ scalars: [Unicode.Scalar]) -> PageDate? {
        var index = 0
        while index < scalars.count {
            if let year = number(scalars, at: index, digits: 4...4), year.end < scalars.count,
                scalars[year.end] == "年" || scalars[year.end] == "년"
            {
                var position = year.end + 1
                while position < scalars.count, scalars[position] == " " { position += 1 }
                if let month = number(scalars, at: position, digits: 1...2), month.end < scalars.count,
                    scalars[month.end] == "月" || scalars[month.end] == "월"
                {
                    position = month.end + 1
                    while position < scalars.count, scalars[position] == " " { position += 1 }
                    if let day = number(scalars, at: position, digits: 1...2),
                        let date = PageDate(year: year.value, month: month.value, day: day.value)
                    {
                        return date
                    }
                }
            }
            index += 1
        }
        return nil
    }

    /// A written month with a day and a year near it, in either order.
    static func parseTextual(_ text: String) -> PageDate? {
        let words = DateWords.words(String(text.prefix(400)))
        for (index, word) in words.enumerated() {
            guard let month = DateWords.months[word] else { continue }
            let window = max(0, index - 3)..<min(words.count, index + 5)
            var year: Int?
            var day: (value: Int, distance: Int)?
            for position in window where position != index {
                guard let value = Int(words[position]) else { continue }
                let distance = abs(position - index)
                if words[position].count == 4, (1990...2100).contains(value) {
                    if year == nil { year = value }
                } else if words[position].count <= 2, (1...31).contains(value),
                    day.map({ distance < $0.distance }) ?? true
                {
                    day = (value, distance)
                }
            }
            if let year, let day, let date = PageDate(year: year, month: month, day: day.value) { return date }
        }
        return nil
    }

    /// `23.12.2016`, `23/12/16`, `12/23/2016`, `23-12-2016`.
    static func parseNumeric(_ scalars: [Unicode.Scalar], dayFirst: Bool) -> PageDate? {
        var index = 0
        while index < scalars.count {
            if let first = number(scalars, at: index, digits: 1...2), first.end < scalars.count,
                isSeparator(scalars[first.end]),
                let second = number(scalars, at: first.end + 1, digits: 1...2), second.end < scalars.count,
                scalars[second.end] == scalars[first.end],
                let third = number(scalars, at: second.end + 1, digits: 2...4), third.end - second.end - 1 != 3
            {
                let twoDigits = third.end - second.end - 1 == 2
                let year = twoDigits ? (third.value < 70 ? 2000 : 1900) + third.value : third.value
                var day = dayFirst ? first.value : second.value
                var month = dayFirst ? second.value : first.value
                if month > 12 && day <= 12 { swap(&day, &month) }
                if let date = PageDate(year: year, month: month, day: day) { return date }
            }
            index += 1
        }
        return nil
    }
}
