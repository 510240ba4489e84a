import Foundation
import LedeCore
import LedeEngine
import LedeFetch
import Logging
import Synchronization

/// Fetching in the background, one reader's job at a time (story clustering must not run
/// twice at once), with progress that pages and the API poll.
final class FetchJobs: Sendable {
    /// A job's progress as `GET /fetch/progress` and `GET /api/v1/fetch` report it.
    struct Progress: Sendable, Codable, Equatable {
        enum State: String, Sendable, Codable { case idle, queued, running, finished }

        var state: State = .idle
        var total = 0
        var done = 0
        var newArticles = 0
        var failedSources = 0
        /// The latest thing the job did, in one line.
        var message: String = "No fetch has run yet."
        var startedAt: Date?
        var finishedAt: Date?

        var isActive: Bool { state == .queued || state == .running }
        /// 0 to 100, for a progress bar.
        var percent: Int { total == 0 ? (state == .finished ? 100 : 0) : min(100, done * 100 / total) }
    }

    private let store: any LedeStore
    private let fetcher: HTTPFetcher
    private let clock: WebClock
    private let editions: ReaderEditions
    private let logger: Logger
    private let grouping: StoryGrouping
    private let progress = Mutex<[Int64: Progress]>([:])
    private let queue = JobQueue()

    init(store: any LedeStore, fetcher: HTTPFetcher, clock: WebClock, editions: ReaderEditions, grouping: StoryGrouping, logger: Logger) {
        self.store = store
        self.fetcher = fetcher
        self.clock = clock
        self.editions = editions
        self.grouping = grouping
        self.logger = logger
    }

    func progress(userID: Int64) -> Progress {
        progress.withLock { $0[userID] ?? Progress() }
    }

    /// Starts fetching every feed the reader follows, unless their fetch is already under way.
    @discardableResult
    func start(userID: Int64, profile: Profile?) -> Progress {
        let started: Progress? = progress.withLock { jobs in
            if let current = jobs[userID], current.isActive { return nil }
            var queued = Progress()
            queued.state = .queued
            queued.message = "Waiting for another fetch to finish…"
            queued.startedAt = clock.now()
            jobs[userID] = queued
            return queued
        }
        guard let started else { return self.progress(userID: userID) }
        Task { await queue.run { await self.run(userID: userID, profile: profile) } }
        return started
    }

    private func update(_ userID: Int64, _ change: (inout Progress) -> Void) {
        progress.withLock { jobs in
            var job = jobs[userID] ?? Progress()
            change(&job)
            jobs[userID] = job
        }
    }

    private func run(userID: Int64, profile: Profile?) async {
        do {
            let subscriptions = try await store.subscriptions(userID: userID)
            update(userID) {
                $0.state = .running
                $0.total = subscriptions.count
                $0.message = "Fetching \(subscriptions.count) source\(subscriptions.count == 1 ? "" : "s")…"
            }
            let reporter = JobProgressReporter { [self] message in
                update(userID) { job in
                    // The ingestor reports once per source after its opening line.
                    if !message.hasPrefix("Fetching ") { job.done += 1 }
                    job.message = message
                }
            }
            let reports = try await FeedIngestor(store: store, fetcher: fetcher, progress: reporter, logger: logger)
                .ingestAll(now: clock.now(), force: true, userID: userID)
            let added = reports.reduce(0) { $0 + $1.newArticles }
            let failed = reports.filter { $0.error != nil }.count
            var grouped = ""
            switch grouping {
            case .inProcess(let memory):
                update(userID) { $0.message = "Grouping articles into stories…" }
                try await StoryUpdater(store: store, memory: memory).run()
                if let profile {
                    update(userID) { $0.message = "Writing today's edition…" }
                    try await editions.rewriteToday(for: profile, userID: userID)
                } else {
                    editions.cache.invalidate(userID: userID)
                }
            case .byWorkers:
                // The workers' clustering job then queues the readers' editions.
                if added > 0 {
                    try await store.enqueueJobs([.cluster(at: Date())], now: Date())
                    grouped = " The workers are grouping them into stories."
                }
                editions.cache.invalidate(userID: userID)
            }
            update(userID) {
                $0.state = .finished
                $0.done = $0.total
                $0.newArticles = added
                $0.failedSources = failed
                $0.finishedAt = clock.now()
                $0.message = "Fetched \(reports.count) source\(reports.count == 1 ? "" : "s"): \(added) new article\(added == 1 ? "" : "s")"
                    + (failed > 0 ? ", \(failed) failed (see their last error below)." : ".") + grouped
            }
        } catch {
            logger.error("fetch job failed", metadata: ["user.id": "\(userID)", "error": "\(error)"])
            update(userID) {
                $0.state = .finished
                $0.finishedAt = clock.now()
                $0.message = "The fetch stopped: \(WebError.from(error).message)"
            }
        }
    }
}

/// Runs jobs one after another.
actor JobQueue {
    private var last: Task<Void, Never>?

    func run(_ job: @escaping @Sendable () async -> Void) async {
        let previous = last
        let task = Task {
            await previous?.value
            await job()
        }
        last = task
        await task.value
    }
}

/// Hands the ingestor's progress lines to a closure.
struct JobProgressReporter: ProgressReporter {
    let onReport: @Sendable (String) -> Void

    init(_ onReport: @escaping @Sendable (String) -> Void) {
        self.onReport = onReport
    }

    func report(_ message: String) { onReport(message) }
}
