/// The facts a page states about itself in schema.org JSON-LD (`NewsArticle`, `Article`,
/// `BlogPosting`, …), as written there; dates are kept as the page spells them.
public struct ArticleStructuredData: Sendable, Hashable, Codable {
    /// The schema.org type, e.g. "NewsArticle".
    public var type: String
    public var headline: String?
    public var description: String?
    public var authors: [String]
    public var publisher: String?
    public var datePublished: String?
    public var dateModified: String?
    public var image: String?
    public var section: String?
    public var keywords: [String]
    public var language: String?
    public var url: String?
    public var isAccessibleForFree: Bool?

    public init(
        type: String, headline: String? = nil, description: String? = nil, authors: [String] = [],
        publisher: String? = nil, datePublished: String? = nil, dateModified: String? = nil,
        image: String? = nil, section: String? = nil, keywords: [String] = [], language: String? = nil,
        url: String? = nil, isAccessibleForFree: Bool? = nil
    ) {
        self.type = type
        self.headline = headline
        self.description = description
        self.authors = authors
        self.publisher = publisher
        self.datePublished = datePublished
        self.dateModified = dateModified
        self.image = image
        self.section = section
        self.keywords = keywords
        self.language = language
        self.url = url
        self.isAccessibleForFree = isAccessibleForFree
    }
}
