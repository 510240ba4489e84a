import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a `JobRunner` claims and runs jobs.
public struct JobRunnerConfiguration: Sendable {
    /// Who holds the leases, for people reading the queue: `host:pid` by default.
    public var owner = JobRunnerConfiguration.defaultOwner
    /// Jobs run at once.
    public var concurrency = 2
    /// How long a claim holds a job. The runner renews its leases three times per lease, so a
    /// job outlives its lease only when its worker is gone; then the next claim takes it over.
    public var leaseDuration: TimeInterval = 60
    /// How often the runner looks for due jobs when it has capacity left.
    public var pollInterval: TimeInterval = 2
    /// How long after a successful fetch a feed is fetched again.
    public var fetchInterval: TimeInterval = 30 * 60
    /// How long after clustering the readers' editions are written again: later clustering
    /// runs within that time join the same waiting edition job instead of queueing more.
    public var editionDelay: TimeInterval = 60
    /// How long a clustering job waits for the worker that ran the last one (whose memory
    /// holds the stories as saved) before another worker takes it; 0 to take it at once.
    public var clusteringHandover: TimeInterval = 30
    /// Stop once nothing is due, running or waiting for an expired lease (for scripts, tests
    /// and cron), instead of waiting for more work.
    public var untilIdle = false
    /// When asked to stop, how long jobs under way may take to finish before they are
    /// abandoned and given back to the queue.
    public var drainTimeout: TimeInterval = 20
    /// How long done and failed jobs stay in the queue for people to read (`lede worker --status`)
    /// before a runner deletes them.
    public var keepFinishedJobs: TimeInterval = 7 * 24 * 3600

    public init() {}

    public static var defaultOwner: String {
        var buffer = [CChar](repeating: 0, count: 256)
        let named = gethostname(&buffer, buffer.count) == 0
        let host = named ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "localhost"
        return "\(host):\(getpid())"
    }
}
