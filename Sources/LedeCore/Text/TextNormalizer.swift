/// Small, allocation-light text normalisations shared by the analysis stages.
public enum TextNormalizer {
    /// Collapses every run of whitespace (including non-breaking spaces) to one space and trims the ends.
    public static func collapseWhitespace(_ text: some StringProtocol) -> String {
        // Most text reaching here is already collapsed (paragraphs are collapsed when extracted).
        if isCollapsedASCII(text.utf8) { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        // By scalar rather than by character: finding character boundaries and looking up
        // the Unicode whitespace property for every letter was most of the cost, and ASCII
        // needs neither. (A combining mark right after a space now stays, as its own scalar.)
        for scalar in text.unicodeScalars {
            if scalar.isASCII ? Self.asciiWhitespace(scalar) : scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// ASCII text with no whitespace but single spaces between other characters.
    private static func isCollapsedASCII(_ bytes: some Collection<UInt8>) -> Bool {
        var previousWasSpace = true  // so that a leading space fails
        for byte in bytes {
            if byte >= 0x80 || (byte >= 0x09 && byte <= 0x0D) { return false }
            let isSpace = byte == 0x20
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || bytes.isEmpty
    }

    private static func asciiWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
    }

    /// A form for comparing text across sources: whitespace collapsed, typographic quotes,
    /// apostrophes and dashes folded to their ASCII forms.
    public static func comparable(_ text: some StringProtocol) -> String {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": folded.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": folded.unicodeScalars.append("\"")
            case "\u{2013}", "\u{2014}", "\u{2212}": folded.unicodeScalars.append("-")
            default: folded.unicodeScalars.append(scalar)
            }
        }
        return collapseWhitespace(folded)
    }
}

extension Character {
    /// `isLetter`, answered without a Unicode property lookup for ASCII characters (most
    /// characters of most text; the lexers ask for every one).
    var isLetterQuickly: Bool {
        if let ascii = asciiValue { return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A }
        return isLetter
    }

    /// `isUppercase`, as `isLetterQuickly`.
    var isUppercaseQuickly: Bool {
        if let ascii = asciiValue { return ascii >= 0x41 && ascii <= 0x5A }
        return isUppercase
    }

    /// `isWhitespace`, as `isLetterQuickly` ("\r\n" is one character whose ASCII value is a newline).
    var isWhitespaceQuickly: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }
}

extension String {
    /// The text of some characters, built from their UTF-8 bytes: the standard initializer
    /// appends one Character at a time, which was most of the cost of cutting sentences and
    /// words out of a `[Character]`.
    init(joining characters: ArraySlice<Character>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count)
        for character in characters { bytes.append(contentsOf: character.utf8) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
