/// A start tag as the fragment tokenizer reads it: names lowercased, attribute values with their
/// character references decoded (so `&#106;avascript:` is seen as `javascript:`).
struct HTMLFragmentTag {
    var name: String
    var attributes: [(name: String, value: String)]
    var isSelfClosing: Bool
}

/// One piece of an HTML fragment. Text is given as a byte range so that copying it is the
/// caller's choice.
enum HTMLFragmentToken {
    /// Character data, character references still encoded.
    case text(Range<Int>)
    /// The content of a `<script>` or `<style>` element, which browsers never read as markup.
    case rawText(Range<Int>)
    case startTag(HTMLFragmentTag)
    case endTag(name: String)
    /// Comments, doctypes, processing instructions and other `<!…>` / `<?…>` markup.
    case ignorable
}

/// A forgiving, allocation-light tokenizer for HTML fragments (feed summaries, article bodies).
///
/// It follows the HTML5 tokenizer where that decides what a browser would execute (tag and
/// attribute syntax, raw-text elements, references in attribute values) and stays simple
/// elsewhere: the sanitizer re-serialises every token it keeps, so a construct the tokenizer
/// reads as text can never come out as markup.
struct HTMLFragmentTokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Set after `<script>` or `<style>`: the next token is that element's raw text.
    private var rawTextEndTag: [UInt8]?
    /// For each byte searched for and not found: the position from which it is known to be
    /// absent. Without it, markup like `<a b='` repeated thousands of times would make every
    /// attempt scan to the end, quadratic in the input.
    private var absentFrom: [UInt8: Int] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static let rawTextElements: Set<String> = ["script", "style"]

    mutating func next() -> HTMLFragmentToken? {
        let count = bytes.count
        guard position < count else { return nil }
        if let endTag = rawTextEndTag {
            rawTextEndTag = nil
            let start = position
            let end = findRawTextEnd(endTag, from: start) ?? count
            position = end
            if end > start { return .rawText(start..<end) }
        }
        guard position < count else { return nil }
        if bytes[position] == UInt8(ascii: "<"), let token = markup() {
            return token
        }
        // Text runs to the next `<` that starts markup; a `<` that does not is text.
        let start = position
        position += 1
        while position < count {
            if bytes[position] == UInt8(ascii: "<"), startsMarkup(at: position) { break }
            position += 1
        }
        return .text(start..<position)
    }

    // MARK: - Markup

    private func startsMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        return isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
            || next == UInt8(ascii: "?")
    }

    /// Reads the markup at `position` (a `<`), or returns `nil` when it is text after all.
    private mutating func markup() -> HTMLFragmentToken? {
        let count = bytes.count
        let start = position
        guard start + 1 < count else { return nil }
        let next = bytes[start + 1]
        if isASCIILetter(next) {
            return startTag()
        }
        if next == UInt8(ascii: "/") {
            guard start + 2 < count else { return nil }
            if isASCIILetter(bytes[start + 2]) { return endTag() }
            // `</>` and `</3…` are dropped up to the next `>`, as browsers drop them.
            guard let close = firstIndex(of: UInt8(ascii: ">"), from: start + 2) else { return nil }
            position = close + 1
            return .ignorable
        }
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: start) { return comment() }
            // Only a doctype is a declaration worth dropping; `<![CDATA[`, `<!'` and the like are
            // the author's text (HTML would hide them as bogus comments).
            guard isDoctype(at: start + 2) else { return nil }
            guard let close = firstIndex(of: UInt8(ascii: ">"), from: start + 2) else { return nil }
            position = close + 1
            return .ignorable
        }
        if next == UInt8(ascii: "?") {
            guard let close = firstIndex(of: UInt8(ascii: ">"), from: start + 2) else { return nil }
            position = close + 1
            return .ignorable
        }
        return nil
    }

    private mutating func comment() -> HTMLFragmentToken {
        let count = bytes.count
        let bodyStart = position + 4
        // `<!-->` and `<!--->` are complete (empty) comments in HTML5.
        if bodyStart < count, bytes[bodyStart] == UInt8(ascii: ">") {
            position = bodyStart + 1
            return .ignorable
        }
        if bodyStart + 1 < count, bytes[bodyStart] == UInt8(ascii: "-"), bytes[bodyStart + 1] == UInt8(ascii: ">") {
            position = bodyStart + 2
            return .ignorable
        }
        var index = bodyStart
        while index + 2 < count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                if bytes[index + 2] == UInt8(ascii: ">") {
                    position = index + 3
                    return .ignorable
                }
                if bytes[index + 2] == UInt8(ascii: "!"), index + 3 < count, bytes[index + 3] == UInt8(ascii: ">") {
                    position = index + 4
                    return .ignorable
                }
            }
            index += 1
        }
        // Unterminated: end it at the first `--…>` if there is one, else drop the rest, so an
        // open comment can never swallow and then release markup in the reader's browser.
        index = bodyStart
        while index + 1 < count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                guard let close = firstIndex(of: UInt8(ascii: ">"), from: index + 2) else { break }
                position = close + 1
                return .ignorable
            }
            index += 1
        }
        position = count
        return .ignorable
    }

    private mutating func endTag() -> HTMLFragmentToken? {
        let count = bytes.count
        var index = position + 2
        let nameStart = index
        while index < count, !isTagNameTerminator(bytes[index]) { index += 1 }
        let name = lowercasedString(nameStart..<index)
        guard let close = firstIndex(of: UInt8(ascii: ">"), from: index) else { return nil }
        position = close + 1
        return .endTag(name: name)
    }

    /// A start tag, or, when the input ends inside it, the rest of the input as text: trying
    /// again from the next `<` would make runs of unterminated tags quadratic, and what follows
    /// an unterminated tag is not markup a browser would render anyway.
    private mutating func startTag() -> HTMLFragmentToken? {
        let count = bytes.count
        let tagStart = position
        var unterminated: HTMLFragmentToken {
            .text(tagStart..<count)
        }
        var index = position + 1
        let nameStart = index
        while index < count, !isTagNameTerminator(bytes[index]) { index += 1 }
        let name = lowercasedString(nameStart..<index)
        var attributes: [(name: String, value: String)] = []
        var selfClosing = false
        while true {
            while index < count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                selfClosing = bytes[index] == UInt8(ascii: "/")
                index += 1
            }
            guard index < count else {
                position = count
                return unterminated
            }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            selfClosing = false
            // An attribute name may start with `=` and runs to a space, `/`, `>` or `=`.
            let attributeStart = index
            index += 1
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=")
            {
                index += 1
            }
            let attributeName = lowercasedString(attributeStart..<index)
            var valueEnd = index
            while valueEnd < count, isSpace(bytes[valueEnd]) { valueEnd += 1 }
            var value = ""
            if valueEnd < count, bytes[valueEnd] == UInt8(ascii: "=") {
                index = valueEnd + 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                guard index < count else {
                    position = count
                    return unterminated
                }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = index + 1
                    guard let closing = firstIndex(of: quote, from: valueStart) else {
                        position = count
                        return unterminated
                    }
                    value = decodedAttributeValue(valueStart..<closing)
                    index = closing + 1
                } else {
                    let valueStart = index
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = decodedAttributeValue(valueStart..<index)
                }
            }
            attributes.append((attributeName, value))
        }
        position = index
        if Self.rawTextElements.contains(name) {
            rawTextEndTag = Array("</\(name)".utf8)
        }
        return .startTag(HTMLFragmentTag(name: name, attributes: attributes, isSelfClosing: selfClosing))
    }

    /// Finds `</name` followed by a space, `/` or `>`, case-insensitively.
    private mutating func findRawTextEnd(_ endTag: [UInt8], from start: Int) -> Int? {
        let count = bytes.count
        var index = start
        while let candidate = firstIndex(of: UInt8(ascii: "<"), from: index) {
            let after = candidate + endTag.count
            if after <= count {
                var same = true
                for offset in 1..<endTag.count where bytes[candidate + offset] | 0x20 != endTag[offset] {
                    same = false
                    break
                }
                if same && (after == count || isTagNameTerminator(bytes[after])) { return candidate }
            }
            index = candidate + 1
        }
        return nil
    }

    // MARK: - Bytes

    private func decodedAttributeValue(_ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        HTMLCharacterReferences.appendDecoded(slice, to: &output, requireSemicolon: false)
        return String(decoding: output, as: UTF8.self)
    }

    private func lowercasedString(_ range: Range<Int>) -> String {
        var hasUpper = false
        for index in range where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") {
            hasUpper = true
            break
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard hasUpper else { return String(decoding: slice, as: UTF8.self) }
        return String(decoding: slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private func isDoctype(at index: Int) -> Bool {
        let word = "doctype".utf8
        guard index + word.count <= bytes.count else { return false }
        return zip(bytes[index..<(index + word.count)], word).allSatisfy { $0 | 0x20 == $1 }
    }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    private mutating func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        if let absent = absentFrom[byte], start >= absent { return nil }
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        absentFrom[byte] = min(absentFrom[byte] ?? start, start)
        return nil
    }

    private func isTagNameTerminator(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
