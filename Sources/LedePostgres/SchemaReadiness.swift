import Synchronization

/// Makes sure the schema is migrated once before a store's first statement, without making
/// every later call wait on a lock: callers that arrive while migrating share the one attempt,
/// and a failed attempt (server down) is forgotten so that the next call tries again.
final class SchemaReadiness: Sendable {
    private let isReady = Atomic<Bool>(false)
    private let attempt = Mutex<Task<Void, any Error>?>(nil)

    func ensure(_ migrate: @escaping @Sendable () async throws -> Void) async throws {
        if isReady.load(ordering: .acquiring) { return }
        let task = attempt.withLock { current in
            if let current { return current }
            let started = Task { try await migrate() }
            current = started
            return started
        }
        do {
            try await task.value
            markReady()
        } catch {
            attempt.withLock { if $0 == task { $0 = nil } }
            throw error
        }
    }

    /// Records that the schema is up to date (also after an explicit migration).
    func markReady() {
        isReady.store(true, ordering: .releasing)
        // The finished attempt is not needed any more; dropping it releases what it captured.
        attempt.withLock { $0 = nil }
    }
}
