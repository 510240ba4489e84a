import ArgumentParser
import Dispatch
import Foundation
import LedeCore
import LedeEngine
import LedeFetch
import Logging
import Synchronization

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run the background jobs: fetch due feeds, group articles into stories, write editions.",
        discussion: """
            Workers share the job queue in the database: run as many as you like, on one machine or \
            several (with PostgreSQL). Each job is leased to one worker; a worker that dies stops \
            renewing its leases and its jobs are taken over when they expire. SIGINT or SIGTERM \
            stops a worker after the jobs under way finish; a second signal stops it at once.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup(title: "Time") var time: TimeOptions
    @Option(help: "Jobs to run at once; each keeps at most one core busy.") var concurrency = 2
    @Flag(help: "Stop once nothing is due or running (for scripts, tests and cron) instead of waiting for more work.")
    var untilIdle = false
    @Option(help: "Seconds a claimed job stays leased without renewal (default: $LEDE_WORKER_LEASE_SECONDS, else 60).")
    var lease: Double?
    @Option(help: "Seconds between looks at the queue when there is room for more jobs.") var poll: Double = 2
    @Option(help: "Minutes between fetches of one feed.") var fetchInterval: Double = 30
    @Option(
        help:
            "Seconds a clustering job waits for the worker that ran the last one (its memory holds the stories) while that worker is busy; 0 to take it at once."
    ) var clusteringHandover: Double = 30
    @Flag(help: "Print the queue's state (due, waiting, running, expired, done, failed jobs) and exit.") var status = false

    func validate() throws {
        if !(1...64).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 64.") }
        if let lease, lease < 1 { throw ValidationError("--lease must be at least 1 second.") }
        if poll <= 0 || poll > 60 { throw ValidationError("--poll must be more than 0 and at most 60 seconds.") }
        if fetchInterval < 1 { throw ValidationError("--fetch-interval must be at least 1 minute.") }
    }

    var leaseDuration: TimeInterval {
        if let lease { return lease }
        if let text = common.environment["LEDE_WORKER_LEASE_SECONDS"], let seconds = Double(text), seconds >= 1 { return seconds }
        return 60
    }

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            if status {
                let summary = try await store.jobSummary(now: Date())
                printOut(
                    "due \(summary.due), waiting \(summary.later), running \(summary.running), expired \(summary.expired), done \(summary.done), failed \(summary.failed)\n"
                )
                return
            }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .info
                return handler
            }
            var configuration = JobRunnerConfiguration()
            configuration.concurrency = concurrency
            configuration.leaseDuration = leaseDuration
            configuration.pollInterval = min(poll, leaseDuration / 3)
            configuration.fetchInterval = fetchInterval * 60
            configuration.untilIdle = untilIdle
            configuration.clusteringHandover = max(0, clusteringHandover)
            // A run that ends when idle writes editions at once rather than after a pause it would not wait for.
            if untilIdle { configuration.editionDelay = 0 }
            let fetcher = HTTPFetcher(configuration: common.fetchConfiguration())
            let runner = JobRunner(store: store, fetcher: fetcher, configuration: configuration, moment: InProcessWorker.clock(time))
            let signals = StopSignals { runner.stop() }
            defer { signals.cancel() }
            do {
                try await runner.run()
                try await fetcher.shutdown()
            } catch {
                try? await fetcher.shutdown()
                throw error
            }
        }
    }
}

/// The job runner `lede serve` keeps beside the web app on SQLite, where one process does
/// everything. On PostgreSQL the jobs are left to `lede worker` processes.
struct InProcessWorker: Sendable {
    let runner: JobRunner
    let fetcher: HTTPFetcher
    let task: Task<Void, Never>

    /// Starts running jobs, or returns `nil` when the database is not SQLite.
    static func start(
        location: DatabaseLocation, store: any LedeStore, fetchConfiguration: FetchConfiguration, time: TimeOptions,
        clusteringMemory: ClusteringMemory
    ) -> InProcessWorker? {
        guard case .sqlite = location else { return nil }
        var logger = Logger(label: "lede.worker")
        logger.logLevel = .notice
        let fetcher = HTTPFetcher(configuration: fetchConfiguration)
        var configuration = JobRunnerConfiguration()
        configuration.concurrency = 2
        configuration.drainTimeout = 5
        let runner = JobRunner(
            store: store, fetcher: fetcher, configuration: configuration, logger: logger, moment: clock(time), clusteringMemory: clusteringMemory)
        let task = Task {
            do {
                try await runner.run()
            } catch {
                logger.error("background jobs stopped: \(error)")
            }
        }
        return InProcessWorker(runner: runner, fetcher: fetcher, task: task)
    }

    /// Lets the jobs under way finish (briefly), then shuts the fetcher down.
    func stop() async {
        runner.stop()
        await task.value
        try? await fetcher.shutdown()
    }

    /// The pipeline's clock: `--now`/`--date` when given (running on from there), else the system's.
    static func clock(_ time: TimeOptions) -> @Sendable () -> Date {
        guard time.isExplicit else { return { Date() } }
        let offset = time.moment.timeIntervalSinceNow
        return { Date().addingTimeInterval(offset) }
    }
}

/// SIGINT and SIGTERM: the first asks for a graceful stop, the second exits at once (leases
/// then expire and other workers take the jobs over).
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(onFirst: @escaping @Sendable () -> Void) {
        let received = Mutex(0)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let count = received.withLock { value -> Int in
                    value += 1
                    return value
                }
                if count == 1 {
                    FileHandle.standardError.write(Data("lede worker: stopping after the jobs under way (signal again to stop at once)\n".utf8))
                    onFirst()
                } else {
                    exit(128 + number)
                }
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
