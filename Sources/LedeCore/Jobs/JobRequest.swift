import Foundation

/// A job to add to the queue.
public struct JobRequest: Sendable, Hashable {
    public var kind: JobKind
    /// The source (fetch) or user (edition) the job is about; `0` for clustering.
    public var subjectID: Int64
    /// When it becomes due.
    public var runAt: Date

    public init(kind: JobKind, subjectID: Int64, runAt: Date) {
        self.kind = kind
        self.subjectID = subjectID
        self.runAt = runAt
    }

    public static func fetch(sourceID: Int64, at date: Date) -> JobRequest {
        JobRequest(kind: .fetch, subjectID: sourceID, runAt: date)
    }

    public static func cluster(at date: Date) -> JobRequest {
        JobRequest(kind: .cluster, subjectID: 0, runAt: date)
    }

    public static func edition(userID: Int64, at date: Date) -> JobRequest {
        JobRequest(kind: .edition, subjectID: userID, runAt: date)
    }
}
