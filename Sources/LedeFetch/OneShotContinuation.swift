import Synchronization

/// A continuation that is resumed exactly once, by whichever of several racing parties gets
/// there first (the work, a timer, a cancellation), and that cancels the losing tasks.
/// It lets a caller stop waiting at once even when the work it started is slow to notice
/// cancellation (a blocking DNS lookup, a server that stops answering).
final class OneShotContinuation<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        /// Set once decided; delivered at once, or by `install` when it came first.
        var outcome: Result<Value, any Error>?
        var tasks: [Task<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Hands over the continuation. Returns `false` when an outcome is already known (it has
    /// then been delivered), so the caller should not start any work.
    func install(_ continuation: CheckedContinuation<Value, any Error>) -> Bool {
        let early: Result<Value, any Error>? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            return nil
        }
        guard let early else { return true }
        continuation.resume(with: early)
        return false
    }

    /// Cancels `task` once this is resumed (at once if it already is).
    func cancelOnResume(_ task: Task<Void, Never>) {
        let resumed = state.withLock { state in
            if state.outcome == nil { state.tasks.append(task) }
            return state.outcome != nil
        }
        if resumed { task.cancel() }
    }

    /// Delivers `result` unless something else was delivered first.
    func resume(with result: Result<Value, any Error>) {
        let (continuation, tasks): (CheckedContinuation<Value, any Error>?, [Task<Void, Never>]) = state.withLock { state in
            guard state.outcome == nil else { return (nil, []) }
            state.outcome = result
            let continuation = state.continuation
            state.continuation = nil
            defer { state.tasks = [] }
            return (continuation, state.tasks)
        }
        for task in tasks { task.cancel() }
        continuation?.resume(with: result)
    }

    func resume(throwing error: any Error) { resume(with: .failure(error)) }
}
