import Foundation

/// One event told by one or more articles, possibly from several outlets and over several days.
public struct Story: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var headline: String
    public var firstPublished: Date
    public var lastPublished: Date
    /// What the clusterer knows about the story, so that new articles can be matched to it.
    public var signature: StorySignature

    public init(id: Int64, headline: String, firstPublished: Date, lastPublished: Date, signature: StorySignature) {
        self.id = id
        self.headline = headline
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
        self.signature = signature
    }
}

/// A story about to be stored, or an update to one (`id` set).
public struct StoryUpdate: Sendable, Hashable {
    /// `nil` for a story the clusterer has just opened.
    public var id: Int64?
    /// A key that ties new stories to the articles assigned to them before they have an id.
    public var provisionalKey: Int
    public var headline: String
    public var firstPublished: Date
    public var lastPublished: Date
    public var signature: StorySignature

    public init(
        id: Int64?, provisionalKey: Int, headline: String, firstPublished: Date, lastPublished: Date,
        signature: StorySignature
    ) {
        self.id = id
        self.provisionalKey = provisionalKey
        self.headline = headline
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
        self.signature = signature
    }
}
