import Foundation
import LedeEngine

/// How the web app is served and how strict it is.
public struct WebConfiguration: Sendable {
    /// The address to listen on; loopback unless the operator opens it up.
    public var host = "127.0.0.1"
    public var port = 8080
    /// Marks the session cookie `Secure` on every response, for servers behind a TLS proxy.
    public var secureCookies = false
    /// Bcrypt's cost (log2 of its rounds); 10 is the least Lede accepts.
    public var bcryptCost: UInt8 = 12
    /// How long a sign-in lasts.
    public var sessionLifetime: TimeInterval = 14 * 24 * 3600
    /// Failed sign-ins allowed per address and per user name within `loginWindow`.
    public var loginFailureLimit = 5
    public var loginWindow: TimeInterval = 15 * 60
    /// The reader that loopback visitors are signed in as without a password (`lede demo --serve`).
    public var autoSignInUser: String?
    /// The address readers reach this server at (`https://news.example.org`), for links that
    /// leave the browser: feed and share links. Without it, the request's own host is used.
    public var publicURL: String?
    /// How long a rendered edition is reused before the store is read again.
    public var editionCacheLifetime: TimeInterval = 60
    /// Who groups the articles a reader's "fetch now" brings into stories.
    public var storyGrouping: StoryGrouping = .inProcess(ClusteringMemory())

    public init() {}

    /// The smallest Bcrypt cost accepted, whatever is configured.
    public static let minimumBcryptCost: UInt8 = 10
}

/// Who groups new articles into stories after a reader's "fetch now".
public enum StoryGrouping: Sendable {
    /// This process, taking turns with the process's own job runner (which shares the memory)
    /// so that two clusterings never run at once: one machine on SQLite.
    case inProcess(ClusteringMemory)
    /// The `lede worker` processes, through a clustering job in the store's queue: several
    /// servers and workers on PostgreSQL, where no server may cluster beside the workers.
    case byWorkers
}
