import Foundation

/// Everything Lede keeps, behind one protocol: the SQLite store and (later) the PostgreSQL
/// store implement it and pass the same test suite, so the rest of Lede never knows which
/// database it talks to.
public protocol LedeStore: Sendable {
    // MARK: Sources

    /// Subscribes to a feed.
    /// - Throws: `StoreError.duplicateSource` when the feed is already followed.
    func addSource(feedURL: String, title: String?, now: Date) async throws -> Source
    func sources() async throws -> [Source]
    func source(id: Int64) async throws -> Source?
    func source(feedURL: String) async throws -> Source?
    /// Saves a source's title, site and fetch state.
    func updateSource(_ source: Source) async throws
    /// Unsubscribes and removes the source's articles.
    func removeSource(id: Int64) async throws

    // MARK: Articles

    /// The item keys already stored for a source, so a re-fetched feed adds only new items.
    func knownItemKeys(sourceID: Int64) async throws -> Set<String>
    func article(urlKey: String) async throws -> Article?
    func article(contentHash: Int64) async throws -> Article?
    /// Stored articles sharing a MinHash band with the given keys: near-duplicate candidates.
    func nearDuplicateCandidates(bandKeys: [Int64]) async throws -> [(article: Article, minHash: MinHashSignature)]
    /// Stores articles in one transaction, counting their terms into the document frequencies.
    func insertArticles(_ articles: [NewArticle]) async throws -> [Article]
    func articles(ids: [Int64]) async throws -> [Article]
    /// The articles of the given stories, duplicates included, oldest first.
    func articles(storyIDs: [Int64]) async throws -> [Article]
    /// Original articles not yet placed in a story, oldest first.
    func unclusteredArticles(limit: Int) async throws -> [Article]
    func articleCount() async throws -> Int
    /// Articles published in `[from, to)` (or since `from` when `to` is nil), oldest first.
    func articles(publishedFrom from: Date, to: Date?) async throws -> [Article]

    // MARK: Stories

    /// Stories whose latest article is at or after `date`, latest first.
    func stories(activeSince date: Date) async throws -> [Story]
    func story(id: Int64) async throws -> Story?
    /// Stores the outcome of a clustering run in one transaction: new and changed stories,
    /// and each article's (and its duplicates') story.
    func saveClustering(_ batch: ClusteringBatch) async throws
    func documentFrequencies() async throws -> DocumentFrequencies

    // MARK: Search and conversations

    /// Paragraphs of original articles matching any of the query's terms, most relevant first.
    func searchPassages(_ query: PassageQuery) async throws -> [Passage]
    func saveConversation(_ conversation: Conversation) async throws
    func conversation(id: String) async throws -> Conversation?
    /// Conversations, most recently started first.
    func conversations(limit: Int) async throws -> [Conversation]

    // MARK: Profiles

    func saveProfile(_ profile: Profile) async throws
    func profile(named name: String) async throws -> Profile?
    func profiles() async throws -> [Profile]

    // MARK: Briefings

    /// Stores a day's edition for a profile, replacing an earlier one for the same day.
    func saveBriefing(_ briefing: Briefing) async throws
    func briefing(date: String, profile: String) async throws -> Briefing?
}

/// The outcome of one clustering run.
public struct ClusteringBatch: Sendable {
    public var stories: [StoryUpdate]
    public var placements: [(articleID: Int64, placement: StoryClusterer.Placement)]

    public init(stories: [StoryUpdate], placements: [(articleID: Int64, placement: StoryClusterer.Placement)]) {
        self.stories = stories
        self.placements = placements
    }
}

/// Failures every store reports the same way.
public enum StoreError: Error, Sendable, Equatable {
    case duplicateSource(feedURL: String)
    case notFound(String)
    /// The database cannot be opened or written; `reason` says what to do.
    case unavailable(reason: String)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .duplicateSource(let url): "You already follow \(url)."
        case .notFound(let what): "No \(what) found."
        case .unavailable(let reason): reason
        }
    }
}
