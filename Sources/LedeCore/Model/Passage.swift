import Foundation

/// A paragraph of a stored article, found by full-text search.
public struct Passage: Sendable, Hashable {
    public var articleID: Int64
    public var storyID: Int64?
    public var outlet: String
    public var url: String
    public var title: String
    public var published: Date
    /// The paragraph's position in its article, from 0.
    public var position: Int
    public var text: String
    /// The search engine's relevance, higher is better (comparable within one search only).
    public var relevance: Double

    /// Which paragraph of which article: the same in every search that finds it.
    public struct Location: Sendable, Hashable {
        public var articleID: Int64
        public var position: Int

        public init(articleID: Int64, position: Int) {
            self.articleID = articleID
            self.position = position
        }
    }

    public var location: Location { Location(articleID: articleID, position: position) }

    public init(
        articleID: Int64, storyID: Int64?, outlet: String, url: String, title: String, published: Date, position: Int,
        text: String, relevance: Double
    ) {
        self.articleID = articleID
        self.storyID = storyID
        self.outlet = outlet
        self.url = url
        self.title = title
        self.published = published
        self.position = position
        self.text = text
        self.relevance = relevance
    }
}

/// What to search for: any of `terms` (lowercased words), optionally only in the feeds a
/// reader follows, within one story and before a moment.
public struct PassageQuery: Sendable, Hashable {
    public var terms: [String]
    public var userID: Int64?
    public var storyID: Int64?
    public var publishedBefore: Date?
    /// Only these articles' paragraphs, when given.
    public var articleIDs: [Int64]?
    public var limit: Int

    public init(
        terms: [String], userID: Int64? = nil, storyID: Int64? = nil, publishedBefore: Date? = nil, articleIDs: [Int64]? = nil,
        limit: Int = 60
    ) {
        self.terms = terms
        self.userID = userID
        self.storyID = storyID
        self.publishedBefore = publishedBefore
        self.articleIDs = articleIDs
        self.limit = limit
    }
}
