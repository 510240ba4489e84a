/// Splits RSS-style author strings, `me@example.com (Example Editor)` or
/// `Example Editor <me@example.com>`, into a name and an email address.
enum AuthorText {
    static func parse(_ text: String) -> ParsedAuthor {
        guard let (email, range) = findEmail(in: text) else {
            return ParsedAuthor(name: text.nilIfEmpty)
        }
        var name = text
        name.removeSubrange(range)
        for debris in ["()", "<>", "&lt;&gt;", "mailto:"] {
            name = name.replacingAll(debris, with: "")
        }
        name = name.trimmingWhitespace()
        if name.hasPrefix("(") { name.removeFirst() }
        if name.hasSuffix(")") { name.removeLast() }
        name = name.trimmingWhitespace()
        return ParsedAuthor(name: name.nilIfEmpty, email: email)
    }

    /// The first thing that looks like an email address: a local part, `@`, a dotted domain.
    static func findEmail(in text: String) -> (String, Range<String.Index>)? {
        guard let at = text.firstIndex(of: "@") else { return nil }
        func isLocal(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || "._+-".contains(character))
        }
        func isDomain(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || ".-".contains(character))
        }
        var start = at
        while start > text.startIndex, isLocal(text[text.index(before: start)]) { start = text.index(before: start) }
        var end = text.index(after: at)
        while end < text.endIndex, isDomain(text[end]) { end = text.index(after: end) }
        while end > text.index(after: at), text[text.index(before: end)] == "." { end = text.index(before: end) }
        let domain = text[text.index(after: at)..<end]
        guard start < at, domain.contains("."), !domain.hasPrefix(".") else { return nil }
        return (String(text[start..<end]), start..<end)
    }
}
