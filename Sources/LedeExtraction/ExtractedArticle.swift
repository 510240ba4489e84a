import Foundation

/// What Lede keeps of an article page: its text with paragraph structure, display HTML and
/// the facts about it that the page states (title, authors, dates, image, …).
public struct ExtractedArticle: Sendable, Hashable, Codable {
    public var title: String?
    public var byline: String?
    public var authors: [String]
    public var published: Date?
    /// The publication day as the page states it (`YYYY-MM-DD`), in the page's own time zone:
    /// what to show as "published on", which `published` in another zone may not give.
    public var publishedDay: String?
    public var modified: Date?
    /// BCP 47 primary language tag ("en", "de"), from `<html lang>`, meta tags or the text.
    public var language: String?
    /// The lead image, absolute.
    public var image: String?
    /// The canonical address, absolute.
    public var canonicalURL: String?
    public var siteName: String?
    public var description: String?
    public var tags: [String]
    /// The main text, one entry per block (paragraph, heading, list item, quote, table cell),
    /// whitespace-normalised.
    public var paragraphs: [String]
    /// The body as clean display HTML (paragraphs, headings, lists, quotes, links, images).
    public var html: String
    /// Facts from the page's schema.org `NewsArticle` (or other `Article`) JSON-LD, if any.
    public var structuredData: ArticleStructuredData?

    /// The main text, blocks separated by blank lines.
    public var text: String { paragraphs.joined(separator: "\n\n") }

    public init(
        title: String? = nil, byline: String? = nil, authors: [String] = [], published: Date? = nil,
        publishedDay: String? = nil, modified: Date? = nil, language: String? = nil, image: String? = nil, canonicalURL: String? = nil,
        siteName: String? = nil, description: String? = nil, tags: [String] = [], paragraphs: [String] = [],
        html: String = "", structuredData: ArticleStructuredData? = nil
    ) {
        self.title = title
        self.byline = byline
        self.authors = authors
        self.published = published
        self.publishedDay = publishedDay
        self.modified = modified
        self.language = language
        self.image = image
        self.canonicalURL = canonicalURL
        self.siteName = siteName
        self.description = description
        self.tags = tags
        self.paragraphs = paragraphs
        self.html = html
        self.structuredData = structuredData
    }
}
