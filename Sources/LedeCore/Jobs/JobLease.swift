import Foundation

/// A worker's hold on a claimed job. The token changes with every claim, so a worker whose
/// lease expired and was taken over can no longer complete, fail, renew or save for the job:
/// the store refuses it with `JobError.leaseLost`.
public struct JobLease: Sendable, Hashable, Codable {
    public var jobID: Int64
    /// How many times the job has been claimed, this claim included: the fencing token.
    public var token: Int
    /// Who holds it, e.g. `host:pid`, for people reading the queue.
    public var owner: String
    public var until: Date

    public init(jobID: Int64, token: Int, owner: String, until: Date) {
        self.jobID = jobID
        self.token = token
        self.owner = owner
        self.until = until
    }
}
