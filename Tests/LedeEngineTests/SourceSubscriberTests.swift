import Foundation
import LedeCore
import LedeDemo
import LedeEngine
import LedeFetch
import LedeSQLite
import LedeTestSupport
import Testing

/// Subscribing over loopback HTTP to a small site built in the test.
@Suite struct SourceSubscriberTests {
    /// A site with a feed, a page that links to it, and a page that is not a feed.
    static func withSite(_ body: (SourceSubscriber, SQLiteStore, Int64) async throws -> Void) async throws {
        let feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>News Example</title><link>http://news.example/</link>
            <item><title>First</title><link>http://news.example/first.html</link><guid>1</guid></item>
            </channel></rss>
            """
        let root = try TestSite.write(
            host: "news.example",
            files: [
                "feed.rss": feed,
                "index.html": #"<html><head><link rel="alternate" type="application/rss+xml" href="/feed.rss"></head><body>Home</body></html>"#,
                "about.html": "<html><body><p>Just a page, with no feed anywhere.</p></body></html>",
            ])
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try await CorpusServer.start(site: try CorpusSite(root: root))
        let fetcher = HTTPFetcher(configuration: server.fetchConfiguration(hosts: ["news.example"]))
        let store = try SQLiteStore.inMemory()
        do {
            try await body(SourceSubscriber(store: store, fetcher: fetcher), store, try await store.localUser().id)
        } catch {
            try await fetcher.shutdown()
            await server.stop()
            throw error
        }
        try await fetcher.shutdown()
        await server.stop()
    }

    @Test func subscribesToAFeedByItsAddress() async throws {
        try await Self.withSite { subscriber, store, reader in
            let subscription = try await subscriber.subscribe(to: "http://news.example/feed.rss", userID: reader, now: Date())
            #expect(subscription.displayTitle == "News Example")
            #expect(try await store.subscriptions(userID: reader).count == 1)
        }
    }

    @Test func findsTheFeedAPageAdvertises() async throws {
        try await Self.withSite { subscriber, _, reader in
            let subscription = try await subscriber.subscribe(to: "http://news.example/", userID: reader, now: Date())
            #expect(subscription.source.feedURL == "http://news.example/feed.rss")
        }
    }

    @Test func aPageWithoutAFeedIsRefusedAndNothingIsStored() async throws {
        try await Self.withSite { subscriber, store, reader in
            let error = await #expect(throws: IngestError.self) {
                _ = try await subscriber.subscribe(to: "http://news.example/about.html", userID: reader, now: Date())
            }
            let message = error.map { String(describing: $0) } ?? ""
            #expect(message.contains("is not a feed Lede can read"))
            let subscriptions = try await store.subscriptions(userID: reader)
            #expect(subscriptions.isEmpty)
        }
    }

    @Test func followingTheSameFeedTwiceIsRefused() async throws {
        try await Self.withSite { subscriber, store, reader in
            _ = try await subscriber.subscribe(to: "http://news.example/feed.rss", userID: reader, now: Date())
            await #expect(throws: StoreError.duplicateSource(feedURL: "http://news.example/feed.rss")) {
                _ = try await subscriber.subscribe(to: "http://news.example/feed.rss", userID: reader, now: Date())
            }
            #expect(try await store.subscriptions(userID: reader).count == 1)
        }
    }
}
