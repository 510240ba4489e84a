import Foundation
import LedeCore
import LedeFetch
import Logging
import Synchronization

/// Claims due jobs from the store's queue and runs them through the engine: fetching a feed
/// and its pages, clustering articles into stories, writing readers' editions. Any number of
/// runners, in one process or on several machines, share one queue: the store leases each job
/// to one of them, the runner renews its leases while it works, and a runner that dies simply
/// stops renewing, so the next claim after its leases expire takes its jobs over.
///
/// `lede worker` runs one; on SQLite, `lede serve` runs one in-process.
public final class JobRunner: Sendable {
    let store: any LedeStore
    let fetcher: HTTPFetcher
    let configuration: JobRunnerConfiguration
    let logger: Logger
    /// The pipeline's "now" (articles' dates are capped by it, editions are written for its
    /// day); the queue itself always uses the system clock, which other workers share.
    let moment: @Sendable () -> Date
    private let control = Mutex<Control>(Control())

    struct Control {
        var continuation: AsyncStream<Event>.Continuation?
        var stopRequested = false
    }

    enum Event: Sendable {
        case tick
        case finished(jobID: Int64)
        case stop
    }

    /// What a run did, for its last log line and for scripts.
    public struct Totals: Sendable, Hashable {
        public var jobs = 0
        public var failed = 0
        public var newArticles = 0
        public var placedArticles = 0
        public var editions = 0
    }

    private let totals = Mutex<Totals>(Totals())
    /// The clusterer kept between this runner's clustering jobs, shared with whatever else
    /// clusters in this process so that two clusterings never run at once.
    public let clusteringMemory: ClusteringMemory

    public init(
        store: any LedeStore, fetcher: HTTPFetcher, configuration: JobRunnerConfiguration = JobRunnerConfiguration(),
        logger: Logger = Logger(label: "lede.worker"), moment: @escaping @Sendable () -> Date = { Date() },
        clusteringMemory: ClusteringMemory = ClusteringMemory()
    ) {
        self.store = store
        self.clusteringMemory = clusteringMemory
        self.fetcher = fetcher
        self.configuration = configuration
        self.logger = logger
        self.moment = moment
    }

    /// Asks the runner to stop: it claims nothing more, lets the jobs under way finish (for at
    /// most `drainTimeout`), gives back the rest, and `run()` returns.
    public func stop() {
        control.withLock { control in
            control.stopRequested = true
            control.continuation?.yield(.stop)
        }
    }

    /// Runs jobs until stopped (or, with `untilIdle`, until the queue has nothing left to do).
    /// - Returns: what the run did.
    @discardableResult
    public func run() async throws -> Totals {
        let (events, continuation) = AsyncStream<Event>.makeStream()
        let alreadyStopped = control.withLock { control in
            control.continuation = continuation
            return control.stopRequested
        }
        // Ticks also drive lease renewal, so they come at least three times per lease.
        let tick = min(configuration.pollInterval, configuration.leaseDuration / 3)
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(tick))
                continuation.yield(.tick)
            }
        }
        defer {
            ticker.cancel()
            continuation.finish()
            control.withLock { $0.continuation = nil }
        }
        logger.info(
            "worker \(configuration.owner) started: up to \(configuration.concurrency) job\(configuration.concurrency == 1 ? "" : "s") at once, leases of \(Self.seconds(configuration.leaseDuration))"
        )

        var running: [Int64: (lease: JobLease, task: Task<Void, Never>)] = [:]
        var stopping = alreadyStopped
        var stopDeadline: Date?
        var lastRenewal = Date()
        var lastSchedule = Date.distantPast
        var lastPrune = Date.distantPast
        if !stopping { continuation.yield(.tick) }

        eventLoop: for await event in events {
            switch event {
            case .finished(let jobID):
                running[jobID] = nil
            case .stop:
                if !stopping {
                    stopping = true
                    logger.info("worker \(configuration.owner) stopping: \(running.count) job\(running.count == 1 ? "" : "s") under way")
                }
            case .tick:
                break
            }
            if stopping {
                let deadline = stopDeadline ?? Date().addingTimeInterval(configuration.drainTimeout)
                stopDeadline = deadline
                if running.isEmpty { break eventLoop }
                if Date() >= deadline {
                    await abandon(running.values.map { $0 })
                    running.removeAll()
                    break eventLoop
                }
            }

            // Keep the leases of the jobs under way; stop the ones whose lease was lost.
            if !running.isEmpty, Date().timeIntervalSince(lastRenewal) >= configuration.leaseDuration / 3 {
                lastRenewal = Date()
                let leases = running.values.map(\.lease)
                do {
                    let held = try await store.renewLeases(leases, until: Date().addingTimeInterval(configuration.leaseDuration))
                    let heldIDs = Set(held.map(\.jobID))
                    for lease in leases where !heldIDs.contains(lease.jobID) {
                        logger.warning("job \(lease.jobID): lease lost (another worker took the job over); stopping it")
                        running[lease.jobID]?.task.cancel()
                        running[lease.jobID] = nil
                    }
                    for lease in held { running[lease.jobID]?.lease = lease }
                } catch {
                    logger.warning("could not renew leases: \(describe(error)); retrying")
                }
            }
            guard !stopping else { continue }

            // Claim more while there is room.
            let room = configuration.concurrency - running.count
            var claimed: [Job] = []
            if room > 0 {
                do {
                    // Also whenever an idle-bound runner has nothing under way: a job queued while
                    // its twin was running (clustering after a fetch) was refused, and is found here.
                    let idle = configuration.untilIdle && running.isEmpty
                    if idle || Date().timeIntervalSince(lastSchedule) >= configuration.pollInterval {
                        lastSchedule = Date()
                        let added = try await store.scheduleDueJobs(moment: moment(), fetchInterval: configuration.fetchInterval, now: Date())
                        if added > 0 { logger.info("scheduled \(added) due job\(added == 1 ? "" : "s")") }
                        if Date().timeIntervalSince(lastPrune) >= 3600 {
                            lastPrune = Date()
                            try await store.pruneJobs(finishedBefore: Date().addingTimeInterval(-configuration.keepFinishedJobs))
                        }
                    }
                    claimed = try await store.claimJobs(
                        limit: room, owner: configuration.owner, leaseDuration: configuration.leaseDuration, now: Date(),
                        deferring: try await clusteringDeferral(now: Date()))
                } catch {
                    logger.warning("could not claim jobs: \(describe(error)); retrying in \(Self.seconds(configuration.pollInterval))")
                }
            }
            for job in claimed {
                guard let lease = job.lease else { continue }
                let task = Task {
                    await self.execute(job, lease: lease)
                    continuation.yield(.finished(jobID: job.id))
                }
                running[job.id] = (lease, task)
            }
            if configuration.untilIdle, running.isEmpty, claimed.isEmpty {
                do {
                    let summary = try await store.jobSummary(now: Date())
                    if !summary.hasWorkInFlight { break eventLoop }
                } catch {
                    logger.warning("could not read the queue: \(describe(error))")
                }
            }
        }
        let result = totals.withLock { $0 }
        logger.info(
            "worker \(configuration.owner) stopped after \(result.jobs) job\(result.jobs == 1 ? "" : "s"): \(result.newArticles) new articles, \(result.placedArticles) placed in stories, \(result.editions) editions, \(result.failed) failed"
        )
        return result
    }

    /// Clustering is left for `clusteringHandover` to the worker that ran it last, unless this
    /// one is that worker: several workers taking turns would each first read back what the
    /// others saved (with two workers on two cores, that was a sixteenth of all the work).
    private func clusteringDeferral(now: Date) async throws -> JobDeferral? {
        guard configuration.clusteringHandover > 0 else { return nil }
        guard !clusteringMemory.isCurrent(storeGeneration: try await store.clusteringGeneration()) else { return nil }
        return JobDeferral(kind: .cluster, dueBy: now.addingTimeInterval(-configuration.clusteringHandover))
    }

    /// Gives jobs still running at the end of the drain back to the queue, at once and without
    /// counting the attempt.
    private func abandon(_ jobs: [(lease: JobLease, task: Task<Void, Never>)]) async {
        for (lease, task) in jobs {
            task.cancel()
            do {
                try await store.releaseJob(lease, now: Date())
                logger.info("job \(lease.jobID): given back to the queue unfinished")
            } catch {
                logger.warning("job \(lease.jobID): could not be given back (\(describe(error))); it runs again once its lease expires")
            }
        }
    }

    // MARK: Running one job

    func execute(_ job: Job, lease: JobLease) async {
        let started = Date()
        do {
            let outcome: String
            var followUps: [JobRequest] = []
            switch job.kind {
            case .fetch:
                (outcome, followUps) = try await fetch(sourceID: job.subjectID)
            case .cluster:
                (outcome, followUps) = try await cluster(lease: lease)
            case .edition:
                outcome = try await edition(userID: job.subjectID)
            }
            try Task.checkCancellation()
            try await store.completeJob(lease, now: Date())
            // After completion: a single-flight job cannot queue its own successor while it runs.
            if !followUps.isEmpty { try await store.enqueueJobs(followUps, now: Date()) }
            totals.withLock { $0.jobs += 1 }
            logger.info("job \(job.id) \(job.kind.rawValue) \(outcome) (\(Self.seconds(Date().timeIntervalSince(started))), attempt \(job.attempts))")
        } catch let error as JobError {
            logger.warning("job \(job.id) \(job.kind.rawValue): \(error.description)")
        } catch is CancellationError {
            logger.info("job \(job.id) \(job.kind.rawValue): stopped before it finished")
        } catch {
            let message = describe(error)
            let retry = Date().addingTimeInterval(min(3600, 30 * pow(2, Double(job.attempts - 1))))
            let retries = job.attempts < job.kind.maximumAttempts
            totals.withLock { $0.failed += 1 }
            logger.error(
                "job \(job.id) \(job.kind.rawValue) failed (attempt \(job.attempts) of \(job.kind.maximumAttempts)): \(message)\(retries ? "; retrying at \(retry)" : "; giving up")"
            )
            do {
                try await store.failJob(lease, error: message, retryAt: retries ? retry : nil, now: Date())
            } catch {
                logger.warning("job \(job.id): could not record the failure (\(describe(error))); it runs again once its lease expires")
            }
        }
    }

    /// Fetches one feed and its new pages; queues clustering when articles came in, and the
    /// feed's next fetch.
    func fetch(sourceID: Int64) async throws -> (String, [JobRequest]) {
        guard let source = try await store.source(id: sourceID) else { return ("of source \(sourceID) skipped: the source is gone", []) }
        guard !source.fetchState.isPaused else { return ("of \(source.feedURL) skipped: the source is paused", []) }
        let pipelineNow = moment()
        let report = await FeedIngestor(store: store, fetcher: fetcher, logger: logger).ingest(source, now: pipelineNow)
        try Task.checkCancellation()
        totals.withLock { $0.newArticles += report.newArticles }
        var followUps: [JobRequest] = []
        if report.newArticles + report.duplicates + report.updatedArticles > 0 { followUps.append(.cluster(at: Date())) }
        // The next fetch: after the backoff when this one failed, else after the interval.
        let wait = report.source.fetchState.nextAttemptAt.map { $0.timeIntervalSince(pipelineNow) } ?? configuration.fetchInterval
        if !report.source.fetchState.isPaused { followUps.append(.fetch(sourceID: sourceID, at: Date().addingTimeInterval(max(wait, 1)))) }
        let outcome: String
        if let error = report.error {
            outcome = "of \(source.feedURL) failed: \(error)"
        } else if report.notModified {
            outcome = "of \(source.feedURL): not modified"
        } else {
            outcome = "of \(source.feedURL): \(report.newArticles) new, \(report.duplicates) copies, \(report.updatedArticles) updated"
        }
        return (outcome, followUps)
    }

    /// Places unclustered articles, saving each batch only under the job's lease; queues the
    /// readers' editions when stories changed.
    func cluster(lease: JobLease) async throws -> (String, [JobRequest]) {
        let placed = try await StoryUpdater(store: store, lease: lease, memory: clusteringMemory).run()
        totals.withLock { $0.placedArticles += placed }
        guard placed > 0 else { return ("placed nothing", []) }
        var editions: [JobRequest] = []
        for user in try await store.users() {
            guard try await !store.profiles(userID: user.id).isEmpty else { continue }
            editions.append(.edition(userID: user.id, at: Date().addingTimeInterval(configuration.editionDelay)))
        }
        return ("placed \(placed) article\(placed == 1 ? "" : "s") in stories", editions)
    }

    /// Writes today's edition of each of the reader's profiles.
    func edition(userID: Int64) async throws -> String {
        let profiles = try await store.profiles(userID: userID)
        let service = EditionService(store: store)
        for profile in profiles {
            try Task.checkCancellation()
            _ = try await service.brief(profile: profile, userID: userID, now: moment())
        }
        totals.withLock { $0.editions += profiles.count }
        return "wrote \(profiles.count) edition\(profiles.count == 1 ? "" : "s") for reader \(userID)"
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval < 10 ? String(format: "%.1f s", interval) : "\(Int(interval.rounded())) s"
    }

    func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}
