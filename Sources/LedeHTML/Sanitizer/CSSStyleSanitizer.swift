import Foundation

/// Keeps the harmless part of a `style` attribute: colours, fonts, text layout and box sizes.
///
/// Anything that can load a resource (`url(…)`), run code (`expression(…)`, `behavior`,
/// `-moz-binding`) or place content over the reader's page (`position`, `z-index`) is dropped.
/// A declaration list with characters outside a plain vocabulary is dropped whole: escapes and
/// comments are how filters are usually fooled.
enum CSSStyleSanitizer {
    static func sanitize(_ style: String) -> String {
        let withoutURLs = removingURLFunctions(style)
        guard isPlainVocabulary(withoutURLs) else { return "" }
        var kept: [String] = []
        for declaration in withoutURLs.split(separator: ";") {
            guard !declaration.allSatisfy(\.isWhitespace) else { continue }
            guard let colon = declaration.firstIndex(of: ":") else { return "" }
            let property = declaration[..<colon].trimmingSpaces()
            let value = declaration[declaration.index(after: colon)...].trimmingSpaces()
            guard !property.isEmpty, property.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
                !value.contains(":")
            else { return "" }
            guard !value.isEmpty else { continue }
            let lowered = property.lowercased()
            if allowedProperties.contains(lowered) {
                kept.append("\(property): \(value);")
            } else if let family = lowered.split(separator: "-").first, boxProperties.contains(String(family)),
                value.split(whereSeparator: \.isWhitespace).allSatisfy({ isAllowedBoxValue(String($0)) })
            {
                kept.append("\(property): \(value);")
            }
        }
        return kept.joined(separator: " ")
    }

    /// Properties whose values cannot reach outside the element's text and box.
    private static let allowedProperties: Set<String> = [
        "azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color",
        "border-left-color", "border-right-color", "border-top-color", "clear", "color", "cursor", "direction",
        "display", "elevation", "float", "font", "font-family", "font-size", "font-style", "font-variant",
        "font-weight", "height", "letter-spacing", "line-height", "overflow", "pause", "pause-after",
        "pause-before", "pitch", "pitch-range", "richness", "speak", "speak-header", "speak-numeral",
        "speak-punctuation", "speech-rate", "stress", "text-align", "text-decoration", "text-indent",
        "unicode-bidi", "vertical-align", "voice-family", "volume", "white-space", "width",
    ]

    /// Shorthand families (`margin-left`, `border-top`…) allowed when every value is a keyword,
    /// a colour or a small length.
    private static let boxProperties: Set<String> = ["background", "border", "margin", "padding"]

    private static let boxKeywords: Set<String> = [
        "!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center",
        "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "italic", "left", "lime", "maroon",
        "medium", "navy", "none", "normal", "nowrap", "olive", "pointer", "purple", "red", "right", "silver",
        "solid", "teal", "top", "transparent", "underline", "white", "yellow",
    ]

    private static let lengthUnits: Set<String> = ["cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")"]

    /// A keyword, `#hex`, `rgb(…)` or a length of at most two digits each side of the point.
    private static func isAllowedBoxValue(_ value: String) -> Bool {
        if boxKeywords.contains(value) { return true }
        let lowered = value.lowercased()
        if lowered.hasPrefix("#") {
            let digits = lowered.dropFirst()
            return !digits.isEmpty && digits.allSatisfy(\.isHexDigit)
        }
        if lowered.hasPrefix("rgb(") {
            return lowered.dropFirst(4).allSatisfy { $0.isNumber || $0 == "%" || $0 == "," || $0 == ")" }
        }
        var rest = Substring(lowered)
        let integer = rest.prefix(while: \.isNumber)
        guard integer.count <= 2 else { return false }
        rest = rest.dropFirst(integer.count)
        if rest.hasPrefix(".") {
            rest = rest.dropFirst()
            let fraction = rest.prefix(while: \.isNumber)
            guard fraction.count <= 2 else { return false }
            rest = rest.dropFirst(fraction.count)
        }
        return rest.isEmpty || lengthUnits.contains(String(rest))
    }

    /// Removes `url( … )` with the spaces around it.
    private static func removingURLFunctions(_ style: String) -> String {
        guard style.range(of: "url", options: .caseInsensitive) != nil else { return style }
        var result = ""
        var rest = Substring(style)
        while let range = rest.range(of: "url", options: .caseInsensitive) {
            var cursor = range.upperBound
            while cursor < rest.endIndex, rest[cursor].isWhitespace { cursor = rest.index(after: cursor) }
            guard cursor < rest.endIndex, rest[cursor] == "(", let close = rest[cursor...].firstIndex(of: ")") else {
                result += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                continue
            }
            result += rest[..<range.lowerBound] + " "
            var after = rest.index(after: close)
            while after < rest.endIndex, rest[after].isWhitespace { after = rest.index(after: after) }
            rest = rest[after...]
        }
        return result + rest
    }

    /// Letters, digits, spaces and `: , ; # % . !`, hyphens inside words, quoted words and
    /// parenthesised number lists; nothing else.
    private static func isPlainVocabulary(_ style: String) -> Bool {
        let characters = Array(style.unicodeScalars)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if isWordCharacter(character) || " \t\n\r\u{0C}:,;#%.!".unicodeScalars.contains(character) {
                index += 1
            } else if character == "-", index > 0, index + 1 < characters.count,
                isWordCharacter(characters[index - 1]), isWordCharacter(characters[index + 1])
            {
                index += 1
            } else if character == "'" || character == "\"" {
                guard let close = characters[(index + 1)...].firstIndex(of: character), close > index + 1,
                    characters[(index + 1)..<close].allSatisfy({ isWordCharacter($0) || $0.properties.isWhitespace })
                else { return false }
                index = close + 1
            } else if character == "(" {
                guard let close = characters[(index + 1)...].firstIndex(of: ")"),
                    characters[(index + 1)..<close].allSatisfy({
                        ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "," || $0.properties.isWhitespace
                    })
                else { return false }
                index = close + 1
            } else {
                return false
            }
        }
        return true
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
