/// Where a job is in its life.
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting until it is due and a worker claims it.
    case pending
    /// Leased by a worker until its lease expires.
    case running
    /// Finished.
    case done
    /// Given up after its last attempt; `Job.lastError` says why.
    case failed
}
