/// At most `limit` requests at once to one host; the others wait their turn in order.
/// Politeness towards the sites Lede reads, enforced here so that no caller can forget it.
actor HostConcurrencyLimiter {
    private let limit: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)]] = [:]
    private var nextID: UInt64 = 0

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a turn at `host`. Every successful call must be paired with `release(_:)`.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func acquire(_ host: String) async throws {
        if active[host, default: 0] < limit {
            active[host, default: 0] += 1
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting[host, default: []].append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.abandon(host, id: id) }
        }
    }

    /// Ends a turn, handing it straight to the next waiter if there is one.
    func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue.isEmpty ? nil : queue
            next.continuation.resume()
            return
        }
        let count = active[host, default: 1] - 1
        active[host] = count > 0 ? count : nil
    }

    /// How many requests to `host` hold a turn now.
    func activeCount(_ host: String) -> Int { active[host, default: 0] }

    private func abandon(_ host: String, id: UInt64) {
        guard var queue = waiting[host], let index = queue.firstIndex(where: { $0.id == id }) else { return }
        let waiter = queue.remove(at: index)
        waiting[host] = queue.isEmpty ? nil : queue
        waiter.continuation.resume(throwing: CancellationError())
    }
}
