import Foundation

/// A stored article: one item of a source, with the text extracted from its page.
public struct Article: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var sourceID: Int64
    /// Identity of the item within its source: guid or id, else link, else a content hash.
    public var itemKey: String
    /// The article's address after canonicalisation (tracking parameters removed, canonical link used).
    public var url: String
    /// Scheme-less canonical form of `url`, used to recognise the same page under another address.
    public var urlKey: String
    /// The outlet label used in citations, e.g. `harbor-ledger.example`.
    public var outlet: String
    public var title: String
    public var byline: String?
    public var published: Date
    public var updated: Date?
    public var language: String?
    /// The feed's teaser, as plain text.
    public var summary: String?
    /// The main text, paragraphs separated by blank lines.
    public var text: String
    /// Hash of the normalised text, for exact duplicates.
    public var contentHash: Int64
    /// Set when this article is a copy (syndicated or duplicate) of another stored article.
    public var duplicateOfID: Int64?
    public var storyID: Int64?
    public var fetchedAt: Date

    public init(
        id: Int64, sourceID: Int64, itemKey: String, url: String, urlKey: String, outlet: String,
        title: String, byline: String?, published: Date, updated: Date?, language: String?,
        summary: String?, text: String, contentHash: Int64, duplicateOfID: Int64?, storyID: Int64?,
        fetchedAt: Date
    ) {
        self.id = id
        self.sourceID = sourceID
        self.itemKey = itemKey
        self.url = url
        self.urlKey = urlKey
        self.outlet = outlet
        self.title = title
        self.byline = byline
        self.published = published
        self.updated = updated
        self.language = language
        self.summary = summary
        self.text = text
        self.contentHash = contentHash
        self.duplicateOfID = duplicateOfID
        self.storyID = storyID
        self.fetchedAt = fetchedAt
    }

    /// The main text split into its paragraphs.
    public var paragraphs: [String] { Self.paragraphs(of: text) }

    /// A stored main text's paragraphs: they are separated by blank lines.
    public static func paragraphs(of text: String) -> [String] {
        blankLineParts(of: text).filter { !$0.isEmpty }.map(String.init)
    }

    /// The parts of a text between blank lines ("\n\n"), empty ones included, as
    /// `components(separatedBy: "\n\n")` gives them but found byte by byte (Foundation's search
    /// was a fiftieth of a fetch job's time).
    public static func blankLineParts(of text: String) -> [Substring] {
        let newline = UInt8(ascii: "\n")
        let bytes = text.utf8
        var parts: [Substring] = []
        var partStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == newline, next != bytes.endIndex, bytes[next] == newline {
                parts.append(text[partStart..<index])
                partStart = bytes.index(after: next)
                index = partStart
            } else {
                index = next
            }
        }
        parts.append(text[partStart...])
        return parts
    }
}

/// An article about to be stored; the store assigns its id.
public struct NewArticle: Sendable, Hashable {
    public var sourceID: Int64
    public var itemKey: String
    public var url: String
    public var urlKey: String
    public var outlet: String
    public var title: String
    public var byline: String?
    public var published: Date
    public var updated: Date?
    public var language: String?
    public var summary: String?
    public var text: String
    public var contentHash: Int64
    public var duplicateOfID: Int64?
    public var storyID: Int64?
    public var fetchedAt: Date
    /// MinHash signature of the text, indexed for near-duplicate lookups.
    public var minHash: MinHashSignature
    /// The distinct terms of the article, counted into the document frequencies.
    public var terms: Set<String>
    /// What the clusterer compares, stored so the clustering job need not compute it again;
    /// `nil` leaves it to the clustering job.
    public var signature: ArticleSignature?

    public init(
        sourceID: Int64, itemKey: String, url: String, urlKey: String, outlet: String, title: String,
        byline: String?, published: Date, updated: Date?, language: String?, summary: String?,
        text: String, contentHash: Int64, duplicateOfID: Int64?, storyID: Int64?, fetchedAt: Date,
        minHash: MinHashSignature, terms: Set<String>, signature: ArticleSignature? = nil
    ) {
        self.sourceID = sourceID
        self.itemKey = itemKey
        self.url = url
        self.urlKey = urlKey
        self.outlet = outlet
        self.title = title
        self.byline = byline
        self.published = published
        self.updated = updated
        self.language = language
        self.summary = summary
        self.text = text
        self.contentHash = contentHash
        self.duplicateOfID = duplicateOfID
        self.storyID = storyID
        self.fetchedAt = fetchedAt
        self.minHash = minHash
        self.terms = terms
        self.signature = signature
    }

    /// The stored article this becomes once the store has given it an id.
    public func stored(id: Int64) -> Article {
        Article(
            id: id, sourceID: sourceID, itemKey: itemKey, url: url, urlKey: urlKey, outlet: outlet,
            title: title, byline: byline, published: published, updated: updated, language: language,
            summary: summary, text: text, contentHash: contentHash, duplicateOfID: duplicateOfID,
            storyID: storyID, fetchedAt: fetchedAt)
    }
}

/// An article waiting for its story: what the clustering job reads.
public struct UnplacedArticle: Sendable, Hashable {
    public var id: Int64
    public var outlet: String
    public var title: String
    public var published: Date
    /// The signature stored when the article was fetched; `nil` for articles stored without one.
    public var storedSignature: ArticleSignature?
    /// The main text, read only when there is no stored signature.
    public var text: String?

    public init(id: Int64, outlet: String, title: String, published: Date, storedSignature: ArticleSignature?, text: String?) {
        self.id = id
        self.outlet = outlet
        self.title = title
        self.published = published
        self.storedSignature = storedSignature
        self.text = text
    }

    /// The stored signature, else one computed from the text; dated by the stored article.
    public var signature: ArticleSignature {
        var signature =
            storedSignature
            ?? ArticleSignature(title: title, paragraphs: Article.paragraphs(of: text ?? ""), published: published)
        signature.published = published
        return signature
    }
}
