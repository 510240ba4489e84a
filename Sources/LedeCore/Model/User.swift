import Foundation

/// A reader with an account. Everything a reader owns (subscriptions, profiles, editions,
/// feedback, conversations) carries their id; feeds, articles and stories are shared.
public struct User: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var isAdmin: Bool
    public var createdAt: Date

    /// The account the command line acts as on a single-reader install.
    public static let localName = "local"

    public init(id: Int64, name: String, isAdmin: Bool, createdAt: Date) {
        self.id = id
        self.name = name
        self.isAdmin = isAdmin
        self.createdAt = createdAt
    }
}

/// A reader following a feed. The id is what the reader sees as "source id".
public struct Subscription: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var userID: Int64
    public var source: Source
    /// The reader's own name for the feed, if they gave one.
    public var title: String?
    /// The OPML folder path, e.g. `Tech/Cloud`, if any.
    public var folder: String?
    public var addedAt: Date

    public init(id: Int64, userID: Int64, source: Source, title: String?, folder: String?, addedAt: Date) {
        self.id = id
        self.userID = userID
        self.source = source
        self.title = title
        self.folder = folder
        self.addedAt = addedAt
    }

    public var displayTitle: String { title ?? source.title ?? source.feedURL }
}

/// A reader's reaction to a story, which changes what the next editions rank first.
public struct Feedback: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// More stories like this one.
        case more
        /// Fewer stories like this one.
        case less
        /// Never this story again (and its developments).
        case mute
    }

    public var userID: Int64
    public var storyID: Int64
    public var kind: Kind
    public var at: Date

    public init(userID: Int64, storyID: Int64, kind: Kind, at: Date) {
        self.userID = userID
        self.storyID = storyID
        self.kind = kind
        self.at = at
    }
}

/// A signed-in browser session. Only a hash of the session's secret is stored.
public struct Session: Sendable, Hashable, Codable {
    public var secretHash: String
    public var userID: Int64
    /// The token every form must echo (CSRF protection), bound to the session.
    public var csrfToken: String
    public var expiresAt: Date

    public init(secretHash: String, userID: Int64, csrfToken: String, expiresAt: Date) {
        self.secretHash = secretHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// An API token's record; only the hash of the token is stored.
public struct APIToken: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    public var tokenHash: String
    public var createdAt: Date

    public init(id: Int64, userID: Int64, name: String, tokenHash: String, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}
