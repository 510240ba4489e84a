/// A file attached to an item: RSS `<enclosure>`, Atom `rel="enclosure"`, JSON Feed attachments,
/// Media RSS content.
public struct ParsedEnclosure: Sendable, Hashable, Codable {
    /// Absolute.
    public var url: String
    public var type: String?
    /// Size in bytes as the feed states it (often wrong or zero).
    public var length: Int?

    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
