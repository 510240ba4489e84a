import Foundation

/// The feed an item was first published in, when an aggregated feed says so (Atom `<source>`,
/// RSS `<source url="…">`). Useful to credit the original outlet.
public struct ParsedSource: Sendable, Hashable, Codable {
    public var id: String?
    public var title: String?
    public var titleDetail: ParsedText?
    /// The source's home page (RSS `url`, Atom alternate link), absolute.
    public var link: String?
    public var links: [ParsedLink]
    public var subtitleDetail: ParsedText?
    public var rights: ParsedText?
    public var updated: Date?
    public var authors: [ParsedAuthor]
    public var contributors: [ParsedAuthor]
    public var generator: ParsedGenerator?
    public var icon: String?
    public var logo: String?
    public var categories: [ParsedCategory]
    /// RSS `<source url>`: the address of the source's feed.
    public var feedURL: String?

    public init(
        id: String? = nil, title: String? = nil, titleDetail: ParsedText? = nil, link: String? = nil,
        links: [ParsedLink] = [], subtitleDetail: ParsedText? = nil, rights: ParsedText? = nil,
        updated: Date? = nil, authors: [ParsedAuthor] = [], contributors: [ParsedAuthor] = [],
        generator: ParsedGenerator? = nil, icon: String? = nil, logo: String? = nil,
        categories: [ParsedCategory] = [], feedURL: String? = nil
    ) {
        self.id = id
        self.title = title
        self.titleDetail = titleDetail
        self.link = link
        self.links = links
        self.subtitleDetail = subtitleDetail
        self.rights = rights
        self.updated = updated
        self.authors = authors
        self.contributors = contributors
        self.generator = generator
        self.icon = icon
        self.logo = logo
        self.categories = categories
        self.feedURL = feedURL
    }
}
