import LedeHTML

/// Guesses whether text from an element that should be plain (an RSS title) is in fact HTML.
///
/// Errs on the side of plain text, as a false positive loses the author's characters: the text
/// must contain an end tag or a character reference, and every tag and named reference in it
/// must be real HTML.
enum HTMLDetection {
    static func looksLikeHTML(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.contains(UInt8(ascii: "<")) || utf8.contains(UInt8(ascii: "&")) else { return false }
        var hasEvidence = false
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "<") {
                var cursor = index + 1
                let isEnd = cursor < utf8.count && utf8[cursor] == UInt8(ascii: "/")
                if isEnd { cursor += 1 }
                let nameStart = cursor
                while cursor < utf8.count, isWordByte(utf8[cursor]) { cursor += 1 }
                if cursor > nameStart {
                    let name = String(decoding: utf8[nameStart..<cursor], as: UTF8.self).lowercased()
                    guard knownElements.contains(name) else { return false }
                    if isEnd && cursor < utf8.count && utf8[cursor] == UInt8(ascii: ">") { hasEvidence = true }
                }
                index = cursor
            } else if byte == UInt8(ascii: "&") {
                var cursor = index + 1
                let isNumeric = cursor < utf8.count && utf8[cursor] == UInt8(ascii: "#")
                if isNumeric { cursor += 1 }
                let nameStart = cursor
                while cursor < utf8.count, isWordByte(utf8[cursor]) { cursor += 1 }
                if cursor > nameStart, cursor < utf8.count, utf8[cursor] == UInt8(ascii: ";") {
                    if !isNumeric {
                        let name = String(decoding: utf8[nameStart..<cursor], as: UTF8.self)
                        guard HTMLCharacterReferences.character(named: name) != nil else { return false }
                    }
                    hasEvidence = true
                }
                index = cursor
            } else {
                index += 1
            }
        }
        return hasEvidence
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_")
    }

    /// HTML elements that appear in feed text; an unknown tag means the `<` was meant literally.
    static let knownElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid",
        "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
        "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m", "map", "mark", "menu", "meter",
        "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option", "output", "p", "pre", "progress",
        "q", "s", "samp", "section", "select", "small", "sound", "source", "spacer", "span", "strike", "strong",
        "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul",
        "var", "video",
    ]
}
