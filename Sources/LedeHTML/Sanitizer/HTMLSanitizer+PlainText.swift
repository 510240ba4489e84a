extension HTMLSanitizer {
    /// The readable text of an HTML fragment: tags removed, character references decoded,
    /// scripts, styles and other invisible content dropped. Block elements (paragraphs,
    /// headings, list items, table rows…) are separated by a blank line (`"\n\n"`), `<br>` by a
    /// line break; other whitespace is collapsed to single spaces.
    public static func plainText(fromHTML html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else {
            return collapsingWhitespace(html)
        }
        var source = html
        var writer = PlainTextWriter()
        source.withUTF8 { bytes in
            var tokenizer = HTMLFragmentTokenizer(bytes)
            var dropped: [String] = []
            var decoded: [UInt8] = []
            while let token = tokenizer.next() {
                switch token {
                case .text(let range):
                    guard dropped.isEmpty else { continue }
                    decoded.removeAll(keepingCapacity: true)
                    HTMLCharacterReferences.appendDecoded(UnsafeBufferPointer(rebasing: bytes[range]), to: &decoded)
                    writer.append(decoded)
                case .rawText, .ignorable:
                    break
                case .startTag(let tag):
                    if droppedWithContent.contains(tag.name), !tag.isSelfClosing,
                        !HTMLFragmentTokenizer.rawTextElements.contains(tag.name)
                    {
                        dropped.append(tag.name)
                    } else {
                        writer.boundary(for: tag.name)
                    }
                case .endTag(let name):
                    if dropped.last == name {
                        dropped.removeLast()
                    } else if name != "br" {
                        writer.boundary(for: name)
                    }
                }
            }
        }
        return writer.text
    }

    /// Elements that do not separate words.
    static let inlineElements: Set<String> = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
        "var",
    ]

    /// Elements that separate words without starting a paragraph.
    static let wordSeparatingElements: Set<String> = ["td", "th", "img", "wbr", "hr"]

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

/// Accumulates plain text with collapsed spaces and at most one blank line between blocks.
private struct PlainTextWriter {
    private var output: [UInt8] = []
    /// 0: nothing pending; 1: a space; 2: a line break; 3: a paragraph break.
    private var pendingSeparator = 0

    var text: String { String(decoding: output, as: UTF8.self) }

    mutating func boundary(for element: String) {
        if element == "br" {
            pendingSeparator = max(pendingSeparator, 2)
        } else if HTMLSanitizer.wordSeparatingElements.contains(element) {
            pendingSeparator = max(pendingSeparator, 1)
        } else if !HTMLSanitizer.inlineElements.contains(element) {
            pendingSeparator = 3
        }
    }

    mutating func append(_ bytes: [UInt8]) {
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                pendingSeparator = max(pendingSeparator, 1)
                continue
            }
            if !output.isEmpty {
                switch pendingSeparator {
                case 1: output.append(0x20)
                case 2: output.append(0x0A)
                case 3: output.append(contentsOf: [0x0A, 0x0A])
                default: break
                }
            }
            pendingSeparator = 0
            output.append(byte)
        }
    }
}
