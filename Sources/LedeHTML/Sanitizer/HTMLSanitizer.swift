import Foundation

/// An allow-list sanitizer for HTML from feeds and article pages, for display in a web page.
///
/// The input is tokenized (never built into a tree that could be re-parsed differently) and
/// every kept token is written out again from scratch: allowed elements with allowed attributes,
/// attribute values and text re-escaped, elements balanced. Scripts, styles, frames, plugins,
/// forms, event handlers and every URL whose scheme is not http, https or mailto are removed,
/// however they are spelled (entities, control characters and case are undone before checking).
public struct HTMLSanitizer: Sendable {
    public init() {}

    /// Sanitizes an HTML fragment.
    /// - Parameters:
    ///   - html: the markup, e.g. a feed item's content.
    ///   - baseURL: the address relative URLs are resolved against; `nil` keeps them relative.
    /// - Returns: markup that is safe to insert in a page, trimmed of surrounding whitespace.
    public func sanitize(_ html: String, baseURL: URL?) -> String {
        sanitize(html, base: baseURL?.absoluteString)
    }

    /// Sanitizes an HTML fragment, with the base address given as text (as feeds give it).
    public func sanitize(_ html: String, base: String?) -> String {
        var source = html
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count)
        source.withUTF8 { bytes in
            var writer = SanitizedHTMLWriter(bytes: bytes, base: base)
            var tokenizer = HTMLFragmentTokenizer(bytes)
            while let token = tokenizer.next() {
                writer.write(token)
            }
            writer.finish()
            output = writer.output
        }
        return Self.trimmed(output)
    }

    private static func trimmed(_ bytes: [UInt8]) -> String {
        var start = 0
        var end = bytes.count
        while start < end, isTrimmable(bytes[start]) { start += 1 }
        while end > start, isTrimmable(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
