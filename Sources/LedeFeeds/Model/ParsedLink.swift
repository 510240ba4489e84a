/// A link from a feed or item (Atom `<link>`, RSS `<link>`, enclosures, JSON Feed URLs).
public struct ParsedLink: Sendable, Hashable, Codable {
    /// Absolute where the feed allowed it to be made absolute.
    public var href: String
    /// `alternate`, `self`, `enclosure`, `related`, `license`, …
    public var rel: String
    public var type: String?
    public var title: String?
    public var length: String?
    public var hreflang: String?

    public init(
        href: String, rel: String = "alternate", type: String? = nil, title: String? = nil,
        length: String? = nil, hreflang: String? = nil
    ) {
        self.href = href
        self.rel = rel
        self.type = type
        self.title = title
        self.length = length
        self.hreflang = hreflang
    }
}
