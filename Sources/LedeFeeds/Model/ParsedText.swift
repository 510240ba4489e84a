/// A piece of human-readable text from a feed with what the feed said about it: its markup
/// type, language and the base address its relative links refer to (Atom's text constructs).
public struct ParsedText: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Plain text: `<` is a less-than sign.
        case text
        /// HTML markup.
        case html
        /// XHTML markup, already serialised.
        case xhtml
    }

    /// The text as the feed gave it, read according to `type` (plain text is not escaped here).
    public var value: String
    public var type: Kind
    /// The `xml:lang` in effect, if any.
    public var language: String?
    /// The `xml:base` (or document address) in effect, if any.
    public var base: String?

    public init(value: String, type: Kind, language: String? = nil, base: String? = nil) {
        self.value = value
        self.type = type
        self.language = language
        self.base = base
    }

    /// The text as HTML: plain text escaped, markup as written (not sanitized).
    public var html: String {
        type == .text ? TextEscaping.escapingHTML(value) : value
    }

    /// The text for display on one line: markup removed, references decoded, whitespace collapsed.
    public var plainText: String {
        type == .text ? TextEscaping.collapsingWhitespace(value) : TextEscaping.plainText(fromHTML: value)
    }
}
