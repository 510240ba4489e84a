import Foundation
import LedeDemo
import LedeFetch
import Testing

@Suite struct HTTPFetcherTests {
    /// A fetcher that sends the demo corpus's hosts to a loopback server.
    static func withCorpusServer(_ body: (HTTPFetcher, CorpusSite) async throws -> Void) async throws {
        let site = try CorpusSite.bundledDemo()
        let server = try await CorpusServer.start(site: site)
        var configuration = FetchConfiguration()
        configuration.allowPrivateNetworks = true
        for host in site.hosts { configuration.hostOverrides[host] = .init(host: "127.0.0.1", port: server.port) }
        let fetcher = HTTPFetcher(configuration: configuration)
        do {
            try await body(fetcher, site)
        } catch {
            try await fetcher.shutdown()
            await server.stop()
            throw error
        }
        try await fetcher.shutdown()
        await server.stop()
    }

    @Test func fetchesAFeedThenGetsNotModifiedWithItsValidators() async throws {
        try await Self.withCorpusServer { fetcher, site in
            let feed = try #require(site.outlets.first?.feed)
            let first = try await fetcher.fetch(FetchRequest(url: feed, kind: .feed))
            #expect(first.status == 200 && !first.body.isEmpty)
            #expect(first.etag != nil && first.lastModified != nil)
            let second = try await fetcher.fetch(FetchRequest(url: feed, kind: .feed, etag: first.etag, lastModified: first.lastModified))
            #expect(second.notModified)
            #expect(second.body.isEmpty)
        }
    }

    @Test func missingPageIsAnHTTPError() async throws {
        try await Self.withCorpusServer { fetcher, site in
            let host = try #require(site.hosts.first)
            await #expect(throws: FetchError.httpStatus(url: "http://\(host)/no-such-page", status: 404, retryAfter: nil)) {
                _ = try await fetcher.fetch(FetchRequest(url: "http://\(host)/no-such-page", kind: .page))
            }
        }
    }

    @Test func refusesLoopbackByDefault() async throws {
        let fetcher = HTTPFetcher()
        defer { Task { try? await fetcher.shutdown() } }
        await #expect(throws: FetchError.blockedAddress(host: "127.0.0.1", address: "127.0.0.1")) {
            _ = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:9/feed", kind: .feed))
        }
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://example.com/feed", "data:text/plain,hello"])
    func refusesOtherSchemes(url: String) async throws {
        let fetcher = HTTPFetcher()
        defer { Task { try? await fetcher.shutdown() } }
        await #expect(throws: FetchError.unsupportedScheme(url)) {
            _ = try await fetcher.fetch(FetchRequest(url: url, kind: .feed))
        }
    }

    @Test func malformedAddressIsInvalid() async throws {
        let fetcher = HTTPFetcher()
        defer { Task { try? await fetcher.shutdown() } }
        await #expect(throws: FetchError.invalidURL("not a url")) {
            _ = try await fetcher.fetch(FetchRequest(url: "not a url", kind: .feed))
        }
    }
}
