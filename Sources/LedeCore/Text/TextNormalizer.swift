/// Small, allocation-light text normalisations shared by the analysis stages.
public enum TextNormalizer {
    /// Collapses every run of whitespace (including non-breaking spaces) to one space and trims the ends.
    public static func collapseWhitespace(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
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
