/// Runs work against a deadline and gives up on it when the deadline passes, without
/// waiting for the work to wind down: the caller gets `onTimeout()` on time even if the
/// server, the resolver or the network stack is slow to notice the cancellation.
enum Deadline {
    static func run<Value: Sendable>(
        within duration: Duration, onTimeout: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        guard duration > .zero else { throw onTimeout() }
        let outcome = OneShotContinuation<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard outcome.install(continuation) else { return }
                let work = Task {
                    do {
                        outcome.resume(with: .success(try await operation()))
                    } catch {
                        outcome.resume(throwing: error)
                    }
                }
                let timer = Task {
                    do {
                        try await Task.sleep(for: duration)
                    } catch {
                        return  // The work finished first.
                    }
                    outcome.resume(throwing: onTimeout())
                }
                outcome.cancelOnResume(work)
                outcome.cancelOnResume(timer)
            }
        } onCancel: {
            outcome.resume(throwing: CancellationError())
        }
    }
}
