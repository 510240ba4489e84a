import Foundation

/// The progress of a reader's "fetch now" in the web app. Kept in the store, so that every
/// server sharing the database reports the same fetch and starts no second one beside it.
public struct FetchRun: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable { case idle, queued, running, finished }

    public var state: State = .idle
    public var total = 0
    public var done = 0
    public var newArticles = 0
    public var failedSources = 0
    /// The latest thing the fetch did, in one line.
    public var message: String = "No fetch has run yet."
    public var startedAt: Date?
    public var finishedAt: Date?

    public init() {}

    public var isActive: Bool { state == .queued || state == .running }
    /// 0 to 100, for a progress bar.
    public var percent: Int { total == 0 ? (state == .finished ? 100 : 0) : min(100, done * 100 / total) }
}
