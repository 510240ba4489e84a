/// The clients that connect to one checked address for one host name (https keeps the name
/// for SNI and the certificate check but must not resolve it again), kept for reuse within a
/// run so a site's pages share connections. Bounded: the least recently used idle client is
/// shut down when there are more than `capacity`; clients in use are never shut down early.
actor PinnedClientCache<Client: Sendable> {
    struct Key: Hashable, Sendable {
        var host: String
        var address: String
    }

    enum CacheError: Error { case shutDown }

    private struct Entry {
        var client: Client
        var leases: Int
        var lastUsed: UInt64
    }

    private let capacity: Int
    private let makeClient: @Sendable (Key) -> Client
    private let closeClient: @Sendable (Client) async -> Void
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    private var closing: [UInt64: Task<Void, Never>] = [:]
    private var isShutDown = false

    init(capacity: Int, makeClient: @escaping @Sendable (Key) -> Client, closeClient: @escaping @Sendable (Client) async -> Void) {
        self.capacity = max(1, capacity)
        self.makeClient = makeClient
        self.closeClient = closeClient
    }

    /// The client for `key`, created if needed. Pair with `release(_:)`.
    /// - Throws: `CacheError.shutDown` after `shutdown()`.
    func lease(_ key: Key) throws -> Client {
        guard !isShutDown else { throw CacheError.shutDown }
        clock += 1
        if var entry = entries[key] {
            entry.leases += 1
            entry.lastUsed = clock
            entries[key] = entry
            return entry.client
        }
        let client = makeClient(key)
        entries[key] = Entry(client: client, leases: 1, lastUsed: clock)
        evictIdleClients()
        return client
    }

    func release(_ key: Key) {
        guard var entry = entries[key] else { return }
        clock += 1
        entry.leases = max(0, entry.leases - 1)
        entry.lastUsed = clock
        entries[key] = entry
        evictIdleClients()
    }

    /// Clients currently kept.
    var count: Int { entries.count }

    /// Shuts every client down, in use or not, and waits for them to close.
    func shutdown() async {
        isShutDown = true
        let clients = entries.values.map(\.client)
        entries = [:]
        for client in clients { close(client) }
        while let (id, task) = closing.first {
            await task.value
            closing[id] = nil
        }
    }

    private func evictIdleClients() {
        while entries.count > capacity {
            let idle = entries.filter { $0.value.leases == 0 }
            guard let oldest = idle.min(by: { $0.value.lastUsed < $1.value.lastUsed }) else { return }
            entries[oldest.key] = nil
            close(oldest.value.client)
        }
    }

    private func close(_ client: Client) {
        clock += 1
        let id = clock
        let closeClient = closeClient
        closing[id] = Task {
            await closeClient(client)
            self.closed(id)
        }
    }

    private func closed(_ id: UInt64) { closing[id] = nil }
}
