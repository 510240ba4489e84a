/// Splits a sentence into the tokens the figure patterns look at: numbers (with their
/// thousands separators and decimals), words, currency signs and `%`.
struct FigureLexer {
    enum Kind: Equatable {
        case number(Double)
        case word(String)  // lowercased
        case currency(String)  // ISO code
        case percent
        case other(Character)
    }

    struct Token {
        var kind: Kind
        /// Offsets into the sentence's characters, for quoting the figure as written.
        var start: Int
        var end: Int
        /// No space between this token and the previous one ("5bn", "$5", "10-year").
        var attached: Bool

        var word: String? {
            if case .word(let word) = kind { return word }
            return nil
        }

        var number: Double? {
            if case .number(let value) = kind { return value }
            return nil
        }

        /// A word written with a capital ("Tern"), known from the sentence, not the lowercased token.
        var isCapitalised = false
    }

    /// Letters written before `$` to name the dollar: `US$`, `A$`, `C$`, `HK$`, `S$`, `NZ$`.
    static let dollarPrefixes: [String: String] = [
        "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "S": "SGD", "NZ": "NZD",
    ]

    /// The currency a sign stands for; a switch rather than a dictionary, whose lookup hashed a
    /// character for every token.
    static func currencyCode(_ character: Character) -> String? {
        switch character {
        case "$": "USD"
        case "€": "EUR"
        case "£": "GBP"
        case "¥": "JPY"
        default: nil
        }
    }

    static func tokens(in characters: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var previousEnd = -1
        func append(_ kind: Kind, _ start: Int, _ end: Int) {
            tokens.append(Token(kind: kind, start: start, end: end, attached: start == previousEnd))
            previousEnd = end
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespaceQuickly {
                index += 1
                continue
            }
            if let code = currencyCode(character) {
                append(.currency(code), index, index + 1)
                index += 1
                continue
            }
            if character == "%" {
                append(.percent, index, index + 1)
                index += 1
                continue
            }
            if character.isASCII && character.isNumber {
                var end = index
                var digits = ""
                while end < characters.count {
                    let current = characters[end]
                    if current.isASCII && current.isNumber {
                        digits.append(current)
                    } else if current == ",", isThousandsSeparator(characters, at: end) {
                        // A thousands separator: exactly three digits follow.
                    } else if current == ".", end + 1 < characters.count, characters[end + 1].isASCII,
                        characters[end + 1].isNumber, !digits.contains(".")
                    {
                        digits.append(".")
                    } else {
                        break
                    }
                    end += 1
                }
                append(.number(Double(digits) ?? 0), index, end)
                index = end
                continue
            }
            if character.isLetterQuickly {
                var end = index
                while end < characters.count, characters[end].isLetterQuickly { end += 1 }
                let word = String(joining: characters[index..<end])
                // "US$5": letters immediately followed by a dollar sign.
                if end < characters.count, characters[end] == "$", let code = dollarPrefixes[word] {
                    append(.currency(code), index, end + 1)
                    index = end + 1
                    continue
                }
                append(.word(word.lowercased()), index, end)
                tokens[tokens.count - 1].isCapitalised = word.first?.isUppercase == true
                index = end
                continue
            }
            append(.other(character), index, index + 1)
            index += 1
        }
        return tokens
    }

    /// A comma followed by exactly three digits, as in `100,000` (not `5,6` or `1,2345`).
    static func isThousandsSeparator(_ characters: [Character], at comma: Int) -> Bool {
        guard comma + 3 < characters.count else { return false }
        for offset in 1...3 where !(characters[comma + offset].isASCII && characters[comma + offset].isNumber) {
            return false
        }
        let after = comma + 4
        return after >= characters.count || !(characters[after].isASCII && characters[after].isNumber)
    }
}
