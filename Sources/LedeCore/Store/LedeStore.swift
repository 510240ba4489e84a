import Foundation

/// Everything Lede keeps, behind one protocol: the SQLite and PostgreSQL stores implement it
/// and pass the same test suite (`StoreConformance`), so the rest of Lede never knows which
/// database it talks to.
///
/// Feeds (`Source`), articles and stories are shared by all readers; subscriptions, profiles,
/// editions, feedback, read state and conversations belong to one reader (`userID`). Methods
/// that take a `userID` only ever see or change that reader's things.
public protocol LedeStore: Sendable {
    // MARK: Users, sessions, tokens

    /// - Throws: `StoreError.duplicateUser` when the name is taken.
    func createUser(name: String, passwordHash: String?, isAdmin: Bool, now: Date) async throws -> User
    func user(id: Int64) async throws -> User?
    func user(named name: String) async throws -> User?
    func users() async throws -> [User]
    func passwordHash(userID: Int64) async throws -> String?
    func setPasswordHash(_ hash: String, userID: Int64) async throws
    func addToken(userID: Int64, name: String, tokenHash: String, now: Date) async throws -> APIToken
    /// The user a token hash belongs to.
    func user(tokenHash: String) async throws -> User?
    /// The reader's tokens (API tokens, feed and share links), oldest first.
    func tokens(userID: Int64) async throws -> [APIToken]
    /// Revokes one of the reader's tokens.
    /// - Throws: `StoreError.notFound` when the reader has no token with that id.
    func deleteToken(id: Int64, userID: Int64) async throws
    func saveSession(_ session: Session) async throws
    func session(secretHash: String) async throws -> Session?
    func deleteSession(secretHash: String) async throws
    /// Records a failed sign-in under each key (a client address, a user name), and forgets
    /// every failure older than `forgetBefore`, so the table holds one window's worth.
    func recordSignInFailure(keys: [String], at date: Date, forgetBefore: Date) async throws
    /// The times of the failures recorded under `key` at or after `since`, oldest first.
    func signInFailures(key: String, since: Date) async throws -> [Date]
    func clearSignInFailures(key: String) async throws

    // MARK: Feeds and subscriptions

    /// Follows a feed for a reader, adding the feed if nobody followed it yet.
    /// - Throws: `StoreError.duplicateSource` when the reader already follows it.
    func subscribe(userID: Int64, feedURL: String, title: String?, folder: String?, now: Date) async throws -> Subscription
    /// The reader's subscriptions, oldest first.
    func subscriptions(userID: Int64) async throws -> [Subscription]
    func subscription(id: Int64, userID: Int64) async throws -> Subscription?
    /// Stops following; a feed nobody follows any more is removed with its articles.
    /// - Throws: `StoreError.notFound` when the reader has no such subscription.
    func unsubscribe(subscriptionID: Int64, userID: Int64) async throws
    /// Every feed, for fetching.
    func sources() async throws -> [Source]
    func source(id: Int64) async throws -> Source?
    func source(feedURL: String) async throws -> Source?
    /// Saves a feed's title, site and fetch state.
    func updateSource(_ source: Source) async throws

    // MARK: Articles

    /// The item keys already stored for a feed, so a re-fetched feed adds only new items.
    func knownItemKeys(sourceID: Int64) async throws -> Set<String>
    func article(urlKey: String) async throws -> Article?
    func article(contentHash: Int64) async throws -> Article?
    func article(sourceID: Int64, itemKey: String) async throws -> Article?
    /// Stored articles sharing a MinHash band with the given keys: near-duplicate candidates.
    func nearDuplicateCandidates(bandKeys: [Int64]) async throws -> [(article: Article, minHash: MinHashSignature)]
    /// Stores articles in one transaction, counting their terms into the document frequencies.
    func insertArticles(_ articles: [NewArticle]) async throws -> [Article]
    /// Replaces the text and metadata of an article whose item was edited at its source.
    func updateArticle(_ article: Article) async throws
    func articles(ids: [Int64]) async throws -> [Article]
    /// The articles of the given stories, duplicates included, oldest first; with a
    /// `userID`, only articles of feeds that reader follows.
    func articles(storyIDs: [Int64], userID: Int64?) async throws -> [Article]
    /// Original articles not yet placed in a story, oldest first.
    func unclusteredArticles(limit: Int) async throws -> [UnplacedArticle]
    func articleCount() async throws -> Int
    /// Articles published in `[from, to)`, oldest first; with a `userID`, of that reader's feeds.
    func articles(publishedFrom from: Date, to: Date?, userID: Int64?) async throws -> [Article]

    // MARK: Stories

    /// Stories whose latest article is at or after `date`, latest first; with a `userID`,
    /// only stories with an article from a feed that reader follows.
    func stories(activeSince date: Date, userID: Int64?) async throws -> [Story]
    /// The stories whose latest article is at or after `from` and before `end`: what a kept
    /// clusterer lacks when a batch reaches further back than the stories it holds.
    func stories(lastPublishedFrom from: Date, before end: Date) async throws -> [Story]
    func story(id: Int64) async throws -> Story?
    /// Stores the outcome of a clustering run in one transaction: new and changed stories,
    /// and each article's (and its duplicates') story.
    @discardableResult
    func saveClustering(_ batch: ClusteringBatch) async throws -> ClusteringReceipt
    /// How many clustering batches have been saved, by anyone: stories kept in memory
    /// between batches are current only while nobody else has saved one since.
    func clusteringGeneration() async throws -> Int64
    /// The stories saved by clustering saves after `generation`, so that a clusterer kept from
    /// then can take in what others saved instead of reading every story again.
    func stories(savedAfterGeneration generation: Int64) async throws -> [Story]
    func documentFrequencies() async throws -> DocumentFrequencies

    // MARK: Search and conversations

    /// Paragraphs of original articles matching any of the query's terms, most relevant first.
    func searchPassages(_ query: PassageQuery) async throws -> [Passage]
    func saveConversation(_ conversation: Conversation, userID: Int64) async throws
    func conversation(id: String, userID: Int64) async throws -> Conversation?
    /// The reader's conversations, most recently started first.
    func conversations(userID: Int64, limit: Int) async throws -> [Conversation]

    // MARK: Profiles, editions, feedback, read state

    func saveProfile(_ profile: Profile, userID: Int64) async throws
    func profile(named name: String, userID: Int64) async throws -> Profile?
    func profiles(userID: Int64) async throws -> [Profile]
    func deleteProfile(named name: String, userID: Int64) async throws
    /// Stores a day's edition for a reader's profile, replacing an earlier one for that day.
    func saveBriefing(_ briefing: Briefing, userID: Int64) async throws
    func briefing(date: String, profile: String, userID: Int64) async throws -> Briefing?
    /// The days with a stored edition for a profile, latest first.
    func briefingDates(profile: String, userID: Int64, limit: Int) async throws -> [String]
    /// Records feedback, replacing the reader's earlier feedback on the same story.
    func saveFeedback(_ feedback: Feedback) async throws
    func feedback(userID: Int64) async throws -> [Feedback]
    func markRead(storyIDs: [Int64], userID: Int64, at: Date) async throws
    func readStoryIDs(userID: Int64) async throws -> Set<Int64>
    /// Saves the reader's fetch as `run`, unless `onlyIfIdleSince` is given and a fetch of
    /// theirs is active and was saved at or after that date (a fetch saved before it is taken
    /// to have died with its server).
    /// - Returns: whether it was saved.
    @discardableResult
    func saveFetchRun(_ run: FetchRun, userID: Int64, at date: Date, onlyIfIdleSince: Date?) async throws -> Bool
    func fetchRun(userID: Int64) async throws -> FetchRun?

    // MARK: Jobs (the queue `lede worker` runs; see docs/deploy.md)

    /// Adds jobs to the queue. Idempotent: a request is skipped while a job of the same kind
    /// and subject is pending, or running for kinds that do not queue behind a running one
    /// (`JobKind.queuesBehindRunning`).
    /// - Returns: how many jobs were added.
    @discardableResult
    func enqueueJobs(_ requests: [JobRequest], now: Date) async throws -> Int
    /// Queues a fetch for every followed, unpaused feed that is due at `moment` (its
    /// `nextAttemptAt` has passed, or it has none and was last tried at least `fetchInterval`
    /// before), and a clustering job when original articles wait for a story. Idempotent as
    /// `enqueueJobs`.
    /// - Parameters:
    ///   - moment: the time feeds' fetch state is compared with (the pipeline's "now").
    ///   - now: the queue's clock: the new jobs are due then.
    /// - Returns: how many jobs were added.
    @discardableResult
    func scheduleDueJobs(moment: Date, fetchInterval: TimeInterval, now: Date) async throws -> Int
    /// Leases up to `limit` jobs to `owner` until `now + leaseDuration`: pending jobs that are
    /// due and running jobs whose lease expired (their worker died), highest priority first,
    /// then earliest due. Concurrent claims never lease one job twice. An expired job that has
    /// used its last attempt is marked failed instead of being handed out again. Pending jobs of
    /// the deferred kind are passed over unless they were due by the deferral's moment or no
    /// other owner holds a live lease (see `JobDeferral`).
    func claimJobs(limit: Int, owner: String, leaseDuration: TimeInterval, now: Date, deferring: JobDeferral?) async throws -> [Job]
    /// Extends leases to `until`.
    /// - Returns: the leases still held, with their new expiry; the others were lost.
    func renewLeases(_ leases: [JobLease], until: Date) async throws -> [JobLease]
    /// Records a job as done.
    /// - Throws: `JobError.leaseLost` when the lease is no longer held.
    func completeJob(_ lease: JobLease, now: Date) async throws
    /// Records a failed attempt: the job is due again at `retryAt`, or failed for good when
    /// `retryAt` is `nil` or the job has used its last attempt.
    /// - Throws: `JobError.leaseLost` when the lease is no longer held.
    func failJob(_ lease: JobLease, error: String, retryAt: Date?, now: Date) async throws
    /// Gives a job back unfinished (its worker is stopping): due at once, and the claim does
    /// not count as an attempt.
    /// - Throws: `JobError.leaseLost` when the lease is no longer held.
    func releaseJob(_ lease: JobLease, now: Date) async throws
    /// Jobs in the given states (all when `nil`), most recently created first.
    func jobs(states: Set<JobState>?, limit: Int) async throws -> [Job]
    /// How many jobs are due, waiting, running, expired, done and failed at `now`.
    func jobSummary(now: Date) async throws -> JobSummary
    /// Deletes done and failed jobs that finished before `date`.
    /// - Returns: how many were deleted.
    @discardableResult
    func pruneJobs(finishedBefore date: Date) async throws -> Int
    /// `saveClustering` for a clustering job: written in one transaction only while `lease` is
    /// held, so a worker that lost its lease cannot overwrite the stories of the one that took
    /// over. The same transaction also places copies stored while their original was being
    /// placed.
    /// - Throws: `JobError.leaseLost` (and nothing is written) when the lease is no longer held.
    @discardableResult
    func saveClustering(_ batch: ClusteringBatch, lease: JobLease) async throws -> ClusteringReceipt
}

extension LedeStore {
    /// Claims without deferring any kind of job.
    public func claimJobs(limit: Int, owner: String, leaseDuration: TimeInterval, now: Date) async throws -> [Job] {
        try await claimJobs(limit: limit, owner: owner, leaseDuration: leaseDuration, now: now, deferring: nil)
    }

    // Stores written before tokens could be listed and revoked keep compiling; each store
    // should implement both (SQLite does).
    public func tokens(userID: Int64) async throws -> [APIToken] {
        throw StoreError.unavailable(reason: "This database cannot list tokens yet; use a SQLite database.")
    }

    public func deleteToken(id: Int64, userID: Int64) async throws {
        throw StoreError.unavailable(reason: "This database cannot revoke tokens yet; use a SQLite database.")
    }
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

/// What saving a clustering batch did.
public struct ClusteringReceipt: Sendable, Hashable {
    /// The ids of the stories the batch opened, by provisional key.
    public var storyIDs: [Int: Int64]
    /// The clustering generation this save made (see `LedeStore.clusteringGeneration()`).
    public var generation: Int64

    public init(storyIDs: [Int: Int64], generation: Int64) {
        self.storyIDs = storyIDs
        self.generation = generation
    }
}

/// Failures every store reports the same way.
public enum StoreError: Error, Sendable, Equatable {
    case duplicateSource(feedURL: String)
    case duplicateUser(name: String)
    case notFound(String)
    /// The database cannot be opened or written; `reason` says what to do.
    case unavailable(reason: String)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .duplicateSource(let url): "You already follow \(url)."
        case .duplicateUser(let name): "There is already a user named \(name)."
        case .notFound(let what): "No \(what) found."
        case .unavailable(let reason): reason
        }
    }
}
