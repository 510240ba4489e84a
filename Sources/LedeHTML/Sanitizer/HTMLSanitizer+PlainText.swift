extension HTMLSanitizer {
    /// The readable text of an HTML fragment on one line: tags removed, references decoded,
    /// scripts and styles dropped, whitespace collapsed (block boundaries count as spaces).
    public static func plainText(fromHTML html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else {
            return collapsingWhitespace(html)
        }
        var source = html
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count)
        source.withUTF8 { bytes in
            var tokenizer = HTMLFragmentTokenizer(bytes)
            var dropped: [String] = []
            while let token = tokenizer.next() {
                switch token {
                case .text(let range):
                    if dropped.isEmpty {
                        HTMLCharacterReferences.appendDecoded(UnsafeBufferPointer(rebasing: bytes[range]), to: &text)
                    }
                case .rawText, .ignorable:
                    break
                case .startTag(let tag):
                    if droppedWithContent.contains(tag.name), !tag.isSelfClosing,
                        !HTMLFragmentTokenizer.rawTextElements.contains(tag.name)
                    {
                        dropped.append(tag.name)
                    } else if !inlineElements.contains(tag.name) {
                        text.append(UInt8(ascii: " "))
                    }
                case .endTag(let name):
                    if dropped.last == name {
                        dropped.removeLast()
                    } else if !inlineElements.contains(name) {
                        text.append(UInt8(ascii: " "))
                    }
                }
            }
        }
        return collapsingWhitespace(String(decoding: text, as: UTF8.self))
    }

    /// Elements that do not separate words.
    static let inlineElements: Set<String> = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
        "var",
    ]

    /// Collapses runs of ASCII whitespace to one space and trims the ends. No-break spaces are
    /// kept: the author asked for them.
    public static func collapsingWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }
}
