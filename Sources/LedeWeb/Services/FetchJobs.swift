import Foundation
import LedeCore
import LedeEngine
import LedeFetch
import Logging
import Synchronization

/// Fetching in the background, one reader's job at a time (story clustering must not run
/// twice at once), with progress that pages and the API poll. The progress is kept in the
/// store, so any server sharing the database reports it and none starts a second fetch for
/// the same reader.
final class FetchJobs: Sendable {
    /// A fetch whose progress has not been saved for this long is taken to have died with its
    /// server, and a new one may start.
    static let staleAfter: TimeInterval = 15 * 60

    private let store: any LedeStore
    private let fetcher: HTTPFetcher
    private let clock: WebClock
    private let editions: ReaderEditions
    private let logger: Logger
    private let grouping: StoryGrouping
    /// The fetches this server runs, as last changed; each change is saved to the store.
    private let live = Mutex<[Int64: FetchRun]>([:])
    private let queue = JobQueue()

    init(store: any LedeStore, fetcher: HTTPFetcher, clock: WebClock, editions: ReaderEditions, grouping: StoryGrouping, logger: Logger) {
        self.store = store
        self.fetcher = fetcher
        self.clock = clock
        self.editions = editions
        self.grouping = grouping
        self.logger = logger
    }

    func progress(userID: Int64) async throws -> FetchRun {
        try await store.fetchRun(userID: userID) ?? FetchRun()
    }

    /// Starts fetching every feed the reader follows, unless their fetch is already under way
    /// (on this server or another).
    @discardableResult
    func start(userID: Int64, profile: Profile?) async throws -> FetchRun {
        var queued = FetchRun()
        queued.state = .queued
        queued.message = "Waiting for another fetch to finish…"
        let now = clock.now()
        queued.startedAt = now
        guard try await store.saveFetchRun(queued, userID: userID, at: now, onlyIfIdleSince: now.addingTimeInterval(-Self.staleAfter))
        else { return try await progress(userID: userID) }
        live.withLock { $0[userID] = queued }
        Task { await queue.run { await self.run(userID: userID, profile: profile) } }
        return queued
    }

    /// Changes the reader's progress and saves it.
    private func update(_ userID: Int64, _ change: (inout FetchRun) -> Void) async {
        self.change(userID, change)
        await save(userID)
    }

    /// Changes the reader's progress in memory only; `save` stores it.
    private func change(_ userID: Int64, _ change: (inout FetchRun) -> Void) {
        live.withLock { jobs in
            var job = jobs[userID] ?? FetchRun()
            change(&job)
            jobs[userID] = job
        }
    }

    /// Stores the reader's progress as it is now. Saves are made one after another by the
    /// run, never from concurrent tasks, so an older version never lands after a newer one.
    private func save(_ userID: Int64) async {
        guard let latest = live.withLock({ $0[userID] }) else { return }
        do {
            try await store.saveFetchRun(latest, userID: userID, at: clock.now(), onlyIfIdleSince: nil)
        } catch {
            logger.warning("fetch progress not saved", metadata: ["user.id": "\(userID)", "error": "\(error)"])
        }
    }

    private func run(userID: Int64, profile: Profile?) async {
        do {
            let subscriptions = try await store.subscriptions(userID: userID)
            await update(userID) {
                $0.state = .running
                $0.total = subscriptions.count
                $0.message = "Fetching \(subscriptions.count) source\(subscriptions.count == 1 ? "" : "s")…"
            }
            let reporter = JobProgressReporter { [self] message in
                change(userID) { job in
                    // The ingestor reports once per source after its opening line.
                    if !message.hasPrefix("Fetching ") { job.done += 1 }
                    job.message = message
                }
            }
            // While the feeds are fetched, one task saves the progress twice a second; it is
            // stopped before the run saves again.
            let saving = Task { [self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    await save(userID)
                }
            }
            let reports: [FeedIngestor.SourceReport]
            do {
                reports = try await FeedIngestor(store: store, fetcher: fetcher, progress: reporter, logger: logger)
                    .ingestAll(now: clock.now(), force: true, userID: userID)
            } catch {
                saving.cancel()
                await saving.value
                throw error
            }
            saving.cancel()
            await saving.value
            let added = reports.reduce(0) { $0 + $1.newArticles }
            let failed = reports.filter { $0.error != nil }.count
            var grouped = ""
            switch grouping {
            case .inProcess(let memory):
                await update(userID) { $0.message = "Grouping articles into stories…" }
                try await StoryUpdater(store: store, memory: memory).run()
                if let profile {
                    await update(userID) { $0.message = "Writing today's edition…" }
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
            await update(userID) {
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
            await update(userID) {
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
