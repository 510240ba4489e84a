import Foundation
import Testing

@testable import LedeFetch

/// At most a few requests at once to one host, enforced inside the fetcher.
@Suite(.timeLimit(.minutes(1)))
struct HostConcurrencyTests {
    static func slowPage(_ request: MisbehavingServer.Request) -> MisbehavingServer.Reply {
        .after(.milliseconds(400), .respond(status: 200, body: Array("page".utf8)))
    }

    static func fetchAtOnce(_ fetcher: HTTPFetcher, urls: [String]) async throws -> [FetchResponse] {
        try await withThrowingTaskGroup(of: FetchResponse.self) { group in
            for url in urls { group.addTask { try await fetcher.fetch(FetchRequest(url: url, kind: .page)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func sendsAtMostTwoRequestsAtOnceToOneHostByDefault() async throws {
        #expect(FetchConfiguration().maximumConcurrentRequestsPerHost == 2)
        try await FetchTesting.withServer(Self.slowPage) { fetcher, server in
            let urls = (0..<6).map { "http://127.0.0.1:\(server.port)/page/\($0)" }
            let responses = try await Self.fetchAtOnce(fetcher, urls: urls)
            #expect(responses.count == 6)
            #expect(server.mostRequestsAtOnce == 2)
        }
    }

    @Test func limitIsConfigurable() async throws {
        try await FetchTesting.withServer(
            Self.slowPage,
            configure: { configuration, _ in
                configuration.maximumConcurrentRequestsPerHost = 1
            }
        ) { fetcher, server in
            let urls = (0..<3).map { "http://127.0.0.1:\(server.port)/page/\($0)" }
            _ = try await Self.fetchAtOnce(fetcher, urls: urls)
            #expect(server.mostRequestsAtOnce == 1)
        }
    }

    @Test func differentHostsDoNotWaitForEachOther() async throws {
        try await FetchTesting.withServer(
            Self.slowPage,
            configure: { configuration, server in
                for host in ["a.test", "b.test", "c.test"] {
                    configuration.hostOverrides[host] = .init(host: "127.0.0.1", port: server.port)
                }
                configuration.maximumConcurrentRequestsPerHost = 1
            }
        ) { fetcher, server in
            let urls = ["a.test", "b.test", "c.test"].map { "http://\($0)/page" }
            _ = try await Self.fetchAtOnce(fetcher, urls: urls)
            #expect(server.mostRequestsAtOnce == 3)
        }
    }

    @Test func waitingForATurnDoesNotCountAgainstTheDeadline() async throws {
        // Twelve 400 ms requests one at a time take 4.8 s, more than the 3 s deadline of each,
        // while one request alone stays well inside it even on a loaded machine.
        try await FetchTesting.withServer(
            Self.slowPage,
            configure: { configuration, _ in
                configuration.maximumConcurrentRequestsPerHost = 1
                configuration.timeout = .seconds(3)
            }
        ) { fetcher, server in
            let urls = (0..<12).map { "http://127.0.0.1:\(server.port)/page/\($0)" }
            let responses = try await Self.fetchAtOnce(fetcher, urls: urls)
            #expect(responses.count == 12)
            #expect(server.mostRequestsAtOnce == 1)
        }
    }

    @Test func aCancelledWaiterGivesUpItsPlace() async throws {
        let limiter = HostConcurrencyLimiter(limit: 1)
        try await limiter.acquire("news.test")
        let waiter = Task { try await limiter.acquire("news.test") }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        await limiter.release("news.test")
        #expect(await limiter.activeCount("news.test") == 0)
        // The place is free again.
        try await limiter.acquire("news.test")
        #expect(await limiter.activeCount("news.test") == 1)
    }

    @Test func aReleasedTurnGoesToTheNextWaiter() async throws {
        let limiter = HostConcurrencyLimiter(limit: 1)
        try await limiter.acquire("news.test")
        let waiter = Task { try await limiter.acquire("news.test") }
        try await Task.sleep(for: .milliseconds(50))
        await limiter.release("news.test")
        try await waiter.value
        #expect(await limiter.activeCount("news.test") == 1)
    }
}
