/// Small, allocation-light text normalisations shared by the analysis stages.
public enum TextNormalizer {
    /// Collapses every run of whitespace (including non-breaking spaces) to one space and trims the ends.
    public static func collapseWhitespace(_ text: some StringProtocol) -> String {
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
