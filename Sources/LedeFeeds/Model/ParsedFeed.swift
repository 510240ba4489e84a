import Foundation

/// A feed as parsed: its own description and its items, in document order.
public struct ParsedFeed: Sendable, Hashable, Codable {
    public var format: FeedFormat
    /// The title for display: plain text on one line.
    public var title: String?
    public var titleDetail: ParsedText?
    /// The site's home page, absolute.
    public var link: String?
    public var links: [ParsedLink]
    /// The subtitle or description for display: plain text on one line.
    public var subtitle: String?
    public var subtitleDetail: ParsedText?
    /// The feed's language tag (`en-us`), from the feed or `xml:lang`.
    public var language: String?
    /// The feed's picture: RSS `<image>`, iTunes image, JSON Feed icon.
    public var image: String?
    /// Atom `<icon>` (small, square).
    public var icon: String?
    /// Atom `<logo>` (wide).
    public var logo: String?
    public var updated: Date?
    public var published: Date?
    /// Atom feed id.
    public var id: String?
    public var rights: ParsedText?
    /// Atom 0.3 `<info>`: what the feed format is, for people who open it in a browser.
    public var info: ParsedText?
    public var generator: ParsedGenerator?
    public var authors: [ParsedAuthor]
    public var contributors: [ParsedAuthor]
    /// RSS `webMaster`, `dc:publisher`, iTunes owner.
    public var publisher: ParsedAuthor?
    public var categoryDetails: [ParsedCategory]
    /// The character encoding the bytes were read with (`utf-8`, `windows-1252`, …).
    public var encoding: String
    /// `false` when the document was not well-formed and was read by recovering from its
    /// errors (feedparser's "bozo" flag): wrong or missing encoding, undefined entities,
    /// broken markup.
    public var isWellFormed: Bool
    /// Why `isWellFormed` is `false`: the first problem met (`undefined entity &nbsp;`,
    /// `declared as utf-8 but read as windows-1252`…).
    public var parseIssue: String?
    public var items: [ParsedItem]

    public init(
        format: FeedFormat, title: String? = nil, titleDetail: ParsedText? = nil, link: String? = nil,
        links: [ParsedLink] = [], subtitle: String? = nil, subtitleDetail: ParsedText? = nil,
        language: String? = nil, image: String? = nil, icon: String? = nil, logo: String? = nil,
        updated: Date? = nil, published: Date? = nil, id: String? = nil, rights: ParsedText? = nil,
        info: ParsedText? = nil, generator: ParsedGenerator? = nil, authors: [ParsedAuthor] = [],
        contributors: [ParsedAuthor] = [], publisher: ParsedAuthor? = nil, categoryDetails: [ParsedCategory] = [],
        encoding: String = "utf-8", isWellFormed: Bool = true, parseIssue: String? = nil, items: [ParsedItem] = []
    ) {
        self.format = format
        self.title = title
        self.titleDetail = titleDetail
        self.link = link
        self.links = links
        self.subtitle = subtitle
        self.subtitleDetail = subtitleDetail
        self.language = language
        self.image = image
        self.icon = icon
        self.logo = logo
        self.updated = updated
        self.published = published
        self.id = id
        self.rights = rights
        self.info = info
        self.generator = generator
        self.authors = authors
        self.contributors = contributors
        self.publisher = publisher
        self.categoryDetails = categoryDetails
        self.encoding = encoding
        self.isWellFormed = isWellFormed
        self.parseIssue = parseIssue
        self.items = items
    }

    /// The category terms, in feed order.
    public var categories: [String] { categoryDetails.compactMap(\.term) }
}
