import Synchronization
import Testing

@testable import LedeFetch

@Suite struct PinnedClientCacheTests {
    final class FakeClient: Sendable {
        let key: PinnedClientCache<FakeClient>.Key
        let closed = Mutex(false)
        init(key: PinnedClientCache<FakeClient>.Key) { self.key = key }
        var isClosed: Bool { closed.withLock { $0 } }
    }

    static func makeCache(capacity: Int) -> PinnedClientCache<FakeClient> {
        PinnedClientCache(capacity: capacity, makeClient: { FakeClient(key: $0) }, closeClient: { $0.closed.withLock { $0 = true } })
    }

    static let a = PinnedClientCache<FakeClient>.Key(host: "a.example", address: "93.184.216.34")
    static let b = PinnedClientCache<FakeClient>.Key(host: "b.example", address: "93.184.216.35")
    static let c = PinnedClientCache<FakeClient>.Key(host: "c.example", address: "93.184.216.36")

    @Test func reusesOneClientPerHostAndAddress() async throws {
        let cache = Self.makeCache(capacity: 4)
        let first = try await cache.lease(Self.a)
        await cache.release(Self.a)
        let second = try await cache.lease(Self.a)
        await cache.release(Self.a)
        #expect(first === second)
        let rebound = try await cache.lease(.init(host: "a.example", address: "93.184.216.99"))
        #expect(rebound !== first)
        await cache.shutdown()
    }

    @Test func shutsDownTheLeastRecentlyUsedIdleClientBeyondCapacity() async throws {
        let cache = Self.makeCache(capacity: 2)
        let a = try await cache.lease(Self.a)
        await cache.release(Self.a)
        let b = try await cache.lease(Self.b)
        await cache.release(Self.b)
        let c = try await cache.lease(Self.c)
        await cache.release(Self.c)
        #expect(await cache.count == 2)
        await cache.shutdown()
        #expect(a.isClosed && b.isClosed && c.isClosed)
    }

    @Test func neverShutsDownAClientInUse() async throws {
        let cache = Self.makeCache(capacity: 1)
        let a = try await cache.lease(Self.a)
        let b = try await cache.lease(Self.b)
        #expect(await cache.count == 2)
        try await Task.sleep(for: .milliseconds(20))
        #expect(!a.isClosed && !b.isClosed)
        await cache.release(Self.a)
        // Over capacity with `a` idle now: it goes.
        #expect(await cache.count == 1)
        await cache.release(Self.b)
        await cache.shutdown()
        #expect(a.isClosed && b.isClosed)
    }

    @Test func refusesLeasesAfterShutdown() async throws {
        let cache = Self.makeCache(capacity: 2)
        await cache.shutdown()
        await #expect(throws: PinnedClientCache<FakeClient>.CacheError.self) { _ = try await cache.lease(Self.a) }
    }
}
