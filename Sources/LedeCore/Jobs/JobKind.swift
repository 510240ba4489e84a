import Foundation

/// What a job does. Each kind has a subject (the feed or the reader it is about, `0` for
/// clustering), a priority and a number of attempts before it is given up.
public enum JobKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fetch one feed (subject: the source's id) and store its new articles.
    case fetch
    /// Place every unclustered article into a story. Single-flight: it reads and writes story
    /// signatures, so two runs at once would open the same story twice.
    case cluster
    /// Write today's editions for one reader (subject: the user's id).
    case edition

    /// Claimed first when several jobs are due: clustering keeps up with fetching, so stories
    /// and editions do not wait for a long queue of feeds to drain.
    public var priority: Int {
        switch self {
        case .cluster: 30
        case .edition: 20
        case .fetch: 10
        }
    }

    /// Claims before a job is given up as failed. A claim whose worker dies counts as one, so a
    /// job that crashes every worker that runs it stops being handed out.
    public var maximumAttempts: Int {
        switch self {
        case .fetch: 3
        case .cluster: 10
        case .edition: 3
        }
    }

    /// Whether a second job of this kind and subject may be queued while one runs. Fetches and
    /// clustering may not (re-enqueueing them while one waits or runs does nothing); an edition
    /// asked for while one is being written waits behind it, so the later clustering is not lost.
    public var queuesBehindRunning: Bool {
        self == .edition
    }
}
