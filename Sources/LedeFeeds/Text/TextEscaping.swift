import LedeHTML

/// Small text conversions between plain text and HTML used across the parser.
enum TextEscaping {
    /// Escapes `&`, `<` and `>` so plain text can be embedded in HTML.
    static func escapingHTML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func collapsingWhitespace(_ text: String) -> String {
        // Most titles need no change; checking first avoids a copy per item.
        var previousWasSpace = true
        var needsWork = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
            if isSpace && (previousWasSpace || byte != 0x20) {
                needsWork = true
                break
            }
            previousWasSpace = isSpace
        }
        if !needsWork && !previousWasSpace { return text }
        return HTMLSanitizer.collapsingWhitespace(text)
    }

    /// Display text on one line: paragraph breaks become spaces.
    static func plainText(fromHTML html: String) -> String {
        HTMLSanitizer.collapsingWhitespace(HTMLSanitizer.plainText(fromHTML: html))
    }
}
