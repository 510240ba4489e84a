import Foundation

/// A feed the reader follows, with the state of its last fetches.
public struct Source: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// The feed's address, as the reader gave it or as discovery found it.
    public var feedURL: String
    /// The feed's own title, once fetched.
    public var title: String?
    /// The site the feed belongs to (the feed's `link`), once fetched.
    public var siteURL: String?
    public var addedAt: Date
    public var fetchState: FetchState

    public init(
        id: Int64, feedURL: String, title: String? = nil, siteURL: String? = nil, addedAt: Date,
        fetchState: FetchState = FetchState()
    ) {
        self.id = id
        self.feedURL = feedURL
        self.title = title
        self.siteURL = siteURL
        self.addedAt = addedAt
        self.fetchState = fetchState
    }

    /// The short outlet label used in citations, such as `harbor-ledger.example`:
    /// the site's host when it has a real domain name, else the feed title.
    public var outletLabel: String {
        for candidate in [siteURL, feedURL].compactMap({ $0 }) {
            if let host = OutletName.label(forURL: candidate) { return host }
        }
        return title ?? feedURL
    }
}

/// What Lede remembers about fetching a source: validators for conditional GET,
/// failures for backoff, and whether the source is paused.
public struct FetchState: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    /// One actionable sentence describing the last failure; cleared on success.
    public var lastError: String?
    public var consecutiveFailures: Int
    /// A paused source is not fetched until the reader retries it.
    public var isPaused: Bool
    /// Earliest time for the next attempt (backoff after failures, `Retry-After`).
    public var nextAttemptAt: Date?

    public init(
        etag: String? = nil, lastModified: String? = nil, lastAttemptAt: Date? = nil,
        lastSuccessAt: Date? = nil, lastError: String? = nil, consecutiveFailures: Int = 0,
        isPaused: Bool = false, nextAttemptAt: Date? = nil
    ) {
        self.etag = etag
        self.lastModified = lastModified
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.isPaused = isPaused
        self.nextAttemptAt = nextAttemptAt
    }
}
