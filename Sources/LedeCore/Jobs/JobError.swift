/// Failures of the job queue that callers act on.
public enum JobError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lease expired and another worker claimed the job (or it was finished or released):
    /// the holder must stop and write nothing more for it.
    case leaseLost(jobID: Int64)

    public var description: String {
        switch self {
        case .leaseLost(let id): "Job \(id) is no longer leased to this worker (its lease expired); another worker runs it now."
        }
    }
}
