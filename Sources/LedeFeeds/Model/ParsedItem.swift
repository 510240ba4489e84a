import Foundation

/// One entry of a feed, as the feed describes it. Identity (and deduplication) is the store's
/// business: this keeps what it needs, `id`, `link` and the content.
public struct ParsedItem: Sendable, Hashable, Codable {
    /// The guid, Atom id or JSON Feed id, as written (absolute for Atom ids that are URLs).
    public var id: String?
    /// The title for display: plain text on one line.
    public var title: String?
    /// The title as the feed gave it, with its markup type.
    public var titleDetail: ParsedText?
    /// The item's web page (the alternate link), absolute.
    public var link: String?
    /// Every link with its relation: alternate, enclosure, related, replies, license…
    public var links: [ParsedLink]
    public var published: Date?
    public var updated: Date?
    public var authors: [ParsedAuthor]
    public var contributors: [ParsedAuthor]
    /// The summary or description with its markup type; see `summary` for HTML.
    public var summaryDetail: ParsedText?
    /// The full content with its markup type; see `content` for HTML.
    public var contentDetail: ParsedText?
    public var categoryDetails: [ParsedCategory]
    public var enclosures: [ParsedEnclosure]
    /// Media RSS `media:content` files.
    public var media: [ParsedEnclosure]
    /// A picture for the item: Media RSS thumbnail or image, iTunes image, JSON Feed image.
    public var imageURL: String?
    public var rights: ParsedText?
    public var commentsURL: String?
    /// The feed the item comes from, for aggregated feeds.
    public var source: ParsedSource?

    public init(
        id: String? = nil, title: String? = nil, titleDetail: ParsedText? = nil, link: String? = nil,
        links: [ParsedLink] = [], published: Date? = nil, updated: Date? = nil, authors: [ParsedAuthor] = [],
        contributors: [ParsedAuthor] = [], summaryDetail: ParsedText? = nil, contentDetail: ParsedText? = nil,
        categoryDetails: [ParsedCategory] = [], enclosures: [ParsedEnclosure] = [], media: [ParsedEnclosure] = [],
        imageURL: String? = nil, rights: ParsedText? = nil, commentsURL: String? = nil, source: ParsedSource? = nil
    ) {
        self.id = id
        self.title = title
        self.titleDetail = titleDetail
        self.link = link
        self.links = links
        self.published = published
        self.updated = updated
        self.authors = authors
        self.contributors = contributors
        self.summaryDetail = summaryDetail
        self.contentDetail = contentDetail
        self.categoryDetails = categoryDetails
        self.enclosures = enclosures
        self.media = media
        self.imageURL = imageURL
        self.rights = rights
        self.commentsURL = commentsURL
        self.source = source
    }

    /// The summary as HTML (plain text escaped), not sanitized.
    public var summary: String? { summaryDetail?.html }

    /// The full content as HTML (plain text escaped), not sanitized.
    public var content: String? { contentDetail?.html }

    /// The category terms, in feed order.
    public var categories: [String] { categoryDetails.compactMap(\.term) }
}
