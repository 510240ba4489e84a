/// Finds the figures in a sentence: money (`$5B`, `$5 billion`, `US$5bn`, `€3.2bn`, `£40m`),
/// percentages, capacities (`5 GW`, `300 megawatts`), energy (`2 TWh`), durations
/// (`over 10 years`, `a decade`), counts (`100,000 customers`) and dates (`April 20`).
public enum FigureExtractor {
    public static func figures(in sentence: String) -> [Figure] {
        let characters = Array(sentence)
        let tokens = FigureLexer.tokens(in: characters)
        var figures: [Figure] = []
        var index = 0
        while index < tokens.count {
            if let (figure, next) = match(at: index, tokens, characters) {
                figures.append(figure)
                index = next
            } else {
                index += 1
            }
        }
        return figures
    }

    // MARK: - Vocabulary

    static let scales: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "mln": 1e6, "bn": 1e9,
        "tn": 1e12, "k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12,
    ]
    /// Scale abbreviations that are only read as such right after a number ("5bn", "$5m").
    static let shortScales: Set<String> = ["k", "m", "b", "t"]
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
        "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY",
        "renminbi": "CNY",
    ]
    static let capacityUnits: [String: Double] = [
        "w": 1, "watt": 1, "watts": 1, "kw": 1e3, "kilowatt": 1e3, "kilowatts": 1e3, "mw": 1e6,
        "megawatt": 1e6, "megawatts": 1e6, "gw": 1e9, "gigawatt": 1e9, "gigawatts": 1e9, "tw": 1e12,
        "terawatt": 1e12, "terawatts": 1e12,
    ]
    static let energyUnits: [String: Double] = [
        "wh": 1, "kwh": 1e3, "mwh": 1e6, "gwh": 1e9, "twh": 1e12,
    ]
    static let durationUnits: [String: String] = [
        "year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
        "day": "day", "days": "day", "hour": "hour", "hours": "hour", "quarter": "quarter", "quarters": "quarter",
    ]
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    /// Words allowed between a number and the noun it counts: "1,500 new jobs".
    static let countAdjectives: Set<String> = [
        "new", "more", "additional", "existing", "active", "paying", "direct", "full", "part", "time", "other",
        "extra", "major", "enterprise", "corporate", "local", "former", "current", "permanent", "temporary",
        "monthly", "daily", "registered", "retail", "business", "million", "billion",
    ]
    /// Plural words that are not things being counted.
    static let notCountNouns: Set<String> = [
        "percent", "points", "times", "cents", "others", "ones", "this", "was", "has", "is", "its", "as",
        "plus", "less", "minus", "us", "previous", "various", "series", "news",
    ]

    // MARK: - Matching

    private static func match(at start: Int, _ tokens: [FigureLexer.Token], _ characters: [Character]) -> (Figure, Int)? {
        if let date = matchDate(at: start, tokens, characters) { return date }
        if let decade = matchDecade(at: start, tokens, characters) { return decade }

        var index = start
        var currency: String?
        if case .currency(let code) = tokens[index].kind {
            currency = code
            index += 1
        } else if let word = tokens[index].word, ["usd", "eur", "gbp"].contains(word), index + 1 < tokens.count,
            tokens[index + 1].number != nil, characters[tokens[index].start].isUppercase
        {
            currency = word.uppercased()
            index += 1
        }
        guard index < tokens.count else { return nil }

        var value: Double
        var isWordNumber = false
        if let number = tokens[index].number {
            // "Q3", "H100", "A320": a number glued to letters is a name, not a figure.
            if currency == nil, tokens[index].attached, index > 0, tokens[index - 1].word != nil { return nil }
            value = number
        } else if let word = tokens[index].word, let number = numberWords[word] {
            value = number
            isWordNumber = true
        } else {
            return nil
        }
        var end = index + 1

        // Scale: "5 billion", "5bn", "$5m".
        var scaled = false
        if end < tokens.count, let word = tokens[end].word, let scale = scales[word],
            !shortScales.contains(word) || tokens[end].attached
        {
            if !shortScales.contains(word) || currency != nil || isMoneyFollowing(end + 1, tokens) {
                value *= scale
                scaled = true
                end += 1
            }
        }

        let unitIndex = skipHyphen(end, tokens)
        let unitWord = unitIndex < tokens.count ? tokens[unitIndex].word : nil

        func figure(_ kind: Figure.Kind, _ value: Double, _ unit: String, through last: Int) -> (Figure, Int) {
            let qualifier = kind == .date || kind == .duration ? nil : qualifier(before: start, tokens)
            let firstCharacter = qualifier.map { tokens[start - $0.words].start } ?? tokens[start].start
            let written = String(joining: characters[firstCharacter..<tokens[last].end])
            return (Figure(kind: kind, value: value, unit: unit, qualifier: qualifier?.kind, asWritten: written), last + 1)
        }

        if currency == nil, let unitWord, let code = currencyWords[unitWord] {
            return figure(.money, value, code, through: unitIndex)
        }
        if let currency {
            // "$5 billion dollars" is rare but harmless: take the trailing word along.
            if let unitWord, currencyWords[unitWord] != nil { return figure(.money, value, currency, through: unitIndex) }
            return figure(.money, value, currency, through: end - 1)
        }
        if isWordNumber && !["percent", "gigawatts", "megawatts", "gigawatt", "megawatt"].contains(unitWord ?? "")
            && (unitWord.map { durationUnits[$0] == nil && capacityUnits[$0] == nil } ?? true)
        {
            return nil
        }
        if unitIndex < tokens.count, tokens[unitIndex].kind == .percent {
            return figure(.percentage, value, "%", through: unitIndex)
        }
        if let unitWord {
            if unitWord == "percent" || unitWord == "pct" { return figure(.percentage, value, "%", through: unitIndex) }
            if unitWord == "per", unitIndex + 1 < tokens.count, tokens[unitIndex + 1].word == "cent" {
                return figure(.percentage, value, "%", through: unitIndex + 1)
            }
            if unitWord == "percentage", unitIndex + 1 < tokens.count,
                tokens[unitIndex + 1].word == "point" || tokens[unitIndex + 1].word == "points"
            {
                return figure(.percentage, value, "pp", through: unitIndex + 1)
            }
            if let multiplier = capacityUnits[unitWord], unitWord != "w" || tokens[unitIndex].attached {
                return figure(.capacity, value * multiplier, "W", through: unitIndex)
            }
            if let multiplier = energyUnits[unitWord] {
                return figure(.energy, value * multiplier, "Wh", through: unitIndex)
            }
            if let unit = durationUnits[unitWord], !scaled, value <= 1000 {
                return figure(.duration, value, unit, through: unitIndex)
            }
        }
        // A year on its own: "by 2030".
        if !scaled, value >= 1900, value <= 2100, value == value.rounded(), tokens[index].end - tokens[index].start == 4 {
            return figure(.date, value * 10000, "date", through: index)
        }
        if let (noun, nounIndex) = countedNoun(after: end, tokens), value >= 2 || scaled {
            return figure(.count, value, noun, through: nounIndex)
        }
        return nil
    }

    /// "April 20", "April 20, 2026", "20 April 2026", "2026-04-20".
    private static func matchDate(at start: Int, _ tokens: [FigureLexer.Token], _ characters: [Character]) -> (Figure, Int)? {
        func number(_ index: Int) -> Double? { index < tokens.count ? tokens[index].number : nil }
        func month(_ index: Int) -> Int? {
            guard index < tokens.count, let word = tokens[index].word, let month = months[word] else { return nil }
            // "may" is a month only when capitalised.
            if word == "may" && !characters[tokens[index].start].isUppercase { return nil }
            return month
        }
        func isYear(_ value: Double?) -> Bool { value.map { $0 >= 1900 && $0 <= 2100 && $0 == $0.rounded() } ?? false }
        func isDay(_ value: Double?) -> Bool { value.map { $0 >= 1 && $0 <= 31 && $0 == $0.rounded() } ?? false }
        func make(year: Double?, month: Int, day: Double, last: Int) -> (Figure, Int) {
            let value = (year ?? 0) * 10000 + Double(month * 100) + day
            let written = String(joining: characters[tokens[start].start..<tokens[last].end])
            return (Figure(kind: .date, value: value, unit: "date", asWritten: written), last + 1)
        }
        // "Aug. 19": an abbreviated month may end with a full stop.
        let abbreviated = start + 1 < tokens.count && tokens[start + 1].kind == .other(".") && (tokens[start].word?.count ?? 0) <= 4
        let dayIndex = abbreviated ? start + 2 : start + 1
        if let month = month(start), isDay(number(dayIndex)), let day = number(dayIndex) {
            // Optional ", 2026".
            var last = dayIndex
            var year: Double?
            if dayIndex + 2 < tokens.count, tokens[dayIndex + 1].kind == .other(","), isYear(number(dayIndex + 2)) {
                year = number(dayIndex + 2)
                last = dayIndex + 2
            } else if isYear(number(dayIndex + 1)) {
                year = number(dayIndex + 1)
                last = dayIndex + 1
            }
            return make(year: year, month: month, day: day, last: last)
        }
        if isDay(number(start)), let day = number(start), let month = month(start + 1) {
            let year = isYear(number(start + 2)) ? number(start + 2) : nil
            return make(year: year, month: month, day: day, last: year == nil ? start + 1 : start + 2)
        }
        // A month on its own, after "in", "by", "until", "from" or "since", or before a year: "in June", "June 2027".
        if let month = month(start), start > 0, ["in", "by", "until", "from", "since", "before", "after", "early", "late", "mid"].contains(tokens[start - 1].word ?? "") || isYear(number(start + 1)) {
            let year = isYear(number(start + 1)) ? number(start + 1) : nil
            return make(year: year, month: month, day: 0, last: year == nil ? start : start + 1)
        }
        if isYear(number(start)), start + 4 < tokens.count, tokens[start + 1].kind == .other("-"),
            let monthNumber = number(start + 2), monthNumber >= 1, monthNumber <= 12,
            tokens[start + 3].kind == .other("-"), isDay(number(start + 4)), let day = number(start + 4)
        {
            return make(year: number(start), month: Int(monthNumber), day: day, last: start + 4)
        }
        return nil
    }

    /// "a decade", "the next decade", "two decades".
    private static func matchDecade(at start: Int, _ tokens: [FigureLexer.Token], _ characters: [Character]) -> (Figure, Int)? {
        guard let word = tokens[start].word, start + 1 < tokens.count else { return nil }
        var count: Double?
        var unitIndex = start + 1
        if word == "a" || word == "the" {
            count = 1
            if tokens[unitIndex].word == "next" || tokens[unitIndex].word == "past", unitIndex + 1 < tokens.count {
                unitIndex += 1
            }
        } else if let number = numberWords[word] {
            count = number
        }
        guard let count, let unit = tokens[unitIndex].word, unit == "decade" || unit == "decades" else { return nil }
        let written = String(joining: characters[tokens[start].start..<tokens[unitIndex].end])
        return (Figure(kind: .duration, value: count * 10, unit: "year", asWritten: written), unitIndex + 1)
    }

    private static func skipHyphen(_ index: Int, _ tokens: [FigureLexer.Token]) -> Int {
        if index < tokens.count, tokens[index].kind == .other("-"), index + 1 < tokens.count, tokens[index + 1].attached {
            return index + 1
        }
        return index
    }

    private static func isMoneyFollowing(_ index: Int, _ tokens: [FigureLexer.Token]) -> Bool {
        guard index < tokens.count, let word = tokens[index].word else { return false }
        return currencyWords[word] != nil
    }

    private static func countedNoun(after index: Int, _ tokens: [FigureLexer.Token]) -> (String, Int)? {
        var current = index
        for _ in 0..<3 {
            guard current < tokens.count else { return nil }
            if tokens[current].kind == .other("-") {
                current += 1
                continue
            }
            guard let word = tokens[current].word else { return nil }
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !Stopwords.english.contains(word),
                !notCountNouns.contains(word), months[word] == nil, durationUnits[word] == nil
            {
                return (word, current)
            }
            // "1,500 new jobs", "40,000 Tern chips": an adjective or a name may stand between.
            guard countAdjectives.contains(word) || tokens[current].isCapitalised else { return nil }
            current += 1
        }
        return nil
    }

    private static func qualifier(before start: Int, _ tokens: [FigureLexer.Token]) -> (kind: Figure.Qualifier, words: Int)? {
        func word(_ offset: Int) -> String? { start - offset >= 0 ? tokens[start - offset].word : nil }
        switch (word(2), word(1)) {
        case ("up", "to"): return (.upTo, 2)
        case ("more", "than"), ("greater", "than"): return (.moreThan, 2)
        case ("at", "least"): return (.atLeast, 2)
        case ("less", "than"), ("fewer", "than"): return (.lessThan, 2)
        default: break
        }
        switch word(1) {
        case "over", "above", "exceeding", "beyond": return (.moreThan, 1)
        case "about", "around", "roughly", "approximately", "nearly", "almost", "some", "circa", "approx":
            return (.about, 1)
        case "under", "below": return (.lessThan, 1)
        default: return nil
        }
    }
}
