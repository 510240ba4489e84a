import Foundation

/// A unit of background work kept in the database, so that any worker on any machine can run
/// it and none is lost when a worker dies: an expired lease hands the job to the next claim.
public struct Job: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var kind: JobKind
    /// The source (fetch) or user (edition) the job is about; `0` for clustering.
    public var subjectID: Int64
    public var state: JobState
    /// When it is (or was) due.
    public var runAt: Date
    /// Claims that counted against `JobKind.maximumAttempts` (a released job gives its claim back).
    public var attempts: Int
    /// The current holder while running.
    public var lease: JobLease?
    /// The last failure, in one sentence.
    public var lastError: String?
    public var createdAt: Date
    public var finishedAt: Date?

    public init(
        id: Int64, kind: JobKind, subjectID: Int64, state: JobState, runAt: Date, attempts: Int, lease: JobLease?,
        lastError: String?, createdAt: Date, finishedAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.subjectID = subjectID
        self.state = state
        self.runAt = runAt
        self.attempts = attempts
        self.lease = lease
        self.lastError = lastError
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}
