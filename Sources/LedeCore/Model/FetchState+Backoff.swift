import Foundation

extension FetchState {
    /// After this many failures in a row a source is paused until the reader retries it.
    public static let failuresBeforePause = 5

    /// The state after a successful fetch: failures forgotten, validators kept.
    public func recordingSuccess(at now: Date, etag: String?, lastModified: String?) -> FetchState {
        var state = self
        state.lastAttemptAt = now
        state.lastSuccessAt = now
        state.lastError = nil
        state.consecutiveFailures = 0
        state.isPaused = false
        state.nextAttemptAt = nil
        state.etag = etag ?? state.etag
        state.lastModified = lastModified ?? state.lastModified
        return state
    }

    /// The state after a failure: exponential backoff from 15 minutes up to a day, or the
    /// server's `Retry-After`; paused after `failuresBeforePause` failures in a row.
    public func recordingFailure(at now: Date, message: String, retryAfter: TimeInterval? = nil) -> FetchState {
        var state = self
        state.lastAttemptAt = now
        state.lastError = message
        state.consecutiveFailures += 1
        let backoff = min(24 * 3600, 15 * 60 * pow(2, Double(state.consecutiveFailures - 1)))
        state.nextAttemptAt = now.addingTimeInterval(max(backoff, retryAfter ?? 0))
        if state.consecutiveFailures >= Self.failuresBeforePause { state.isPaused = true }
        return state
    }

    /// Whether a scheduled fetch should try this source now. `force` ignores backoff (a
    /// reader asking to fetch) but never un-pauses: that takes an explicit retry.
    public func isDue(at now: Date, force: Bool) -> Bool {
        if isPaused { return false }
        if force { return true }
        return nextAttemptAt.map { $0 <= now } ?? true
    }
}
