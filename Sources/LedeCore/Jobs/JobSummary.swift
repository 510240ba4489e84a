/// The queue at a glance, for `lede worker --status` and for a draining worker deciding
/// whether anything is left to do.
public struct JobSummary: Sendable, Hashable {
    /// Pending jobs that are due.
    public var due: Int
    /// Pending jobs due later (retries after a failure, scheduled work).
    public var later: Int
    /// Running jobs whose lease is still valid.
    public var running: Int
    /// Running jobs whose lease expired: their worker died; the next claim takes them over.
    public var expired: Int
    public var done: Int
    public var failed: Int

    public init(due: Int = 0, later: Int = 0, running: Int = 0, expired: Int = 0, done: Int = 0, failed: Int = 0) {
        self.due = due
        self.later = later
        self.running = running
        self.expired = expired
        self.done = done
        self.failed = failed
    }

    /// Whether a worker can claim something now, or will once a running job ends or its lease expires.
    public var hasWorkInFlight: Bool { due + running + expired > 0 }
}
