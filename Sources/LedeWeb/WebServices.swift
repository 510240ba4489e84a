import Foundation
import LedeCore
import Hummingbird
import LedeFetch
import Logging

/// Everything the controllers share: the store, the fetcher, the clock, the templates and the
/// in-memory state of this server (caches, sign-in attempts, fetch jobs).
struct WebServices: Sendable {
    let store: any LedeStore
    let fetcher: HTTPFetcher
    let configuration: WebConfiguration
    let clock: WebClock
    let pages: PageRenderer
    let editions: ReaderEditions
    let stories: StoryLookup
    let fetchJobs: FetchJobs
    let loginLimiter: LoginRateLimiter
    let passwords: PasswordHasher
    let sessions = SessionCache()
    let logger: Logger

    init(store: any LedeStore, fetcher: HTTPFetcher, configuration: WebConfiguration, clock: WebClock, pages: PageRenderer, logger: Logger) {
        self.store = store
        self.fetcher = fetcher
        self.configuration = configuration
        self.clock = clock
        self.pages = pages
        self.logger = logger
        editions = ReaderEditions(store: store, clock: clock, cache: EditionCache(lifetime: configuration.editionCacheLifetime))
        stories = StoryLookup(store: store, clock: clock)
        fetchJobs = FetchJobs(
            store: store, fetcher: fetcher, clock: clock, editions: editions, grouping: configuration.storyGrouping, logger: logger)
        loginLimiter = LoginRateLimiter(store: store, limit: configuration.loginFailureLimit, window: configuration.loginWindow)
        passwords = PasswordHasher(cost: configuration.bcryptCost)
    }

    /// Starts a session for a reader and returns the cookie that carries its secret.
    func startSession(for user: User, secure: Bool) async throws -> (session: Session, cookie: Cookie) {
        let secret = SecretToken.generate()
        let session = Session(
            secretHash: SecretToken.hash(secret, kind: .session), userID: user.id, csrfToken: SecretToken.generate(),
            expiresAt: clock.now().addingTimeInterval(configuration.sessionLifetime))
        try await store.saveSession(session)
        return (session, SessionCookie.make(secret, lifetime: configuration.sessionLifetime, secure: secure))
    }
}
