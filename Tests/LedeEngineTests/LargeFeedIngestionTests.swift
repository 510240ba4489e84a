import Foundation
import LedeCore
import LedeDemo
@testable import LedeEngine
import LedeFetch
import LedeSQLite
import Logging
import Testing

/// A feed far larger than any real one, fetched over loopback and stored a batch at a time.
@Suite struct LargeFeedIngestionTests {
    /// Collects progress lines from any task.
    final class Lines: ProgressReporter, @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func report(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    static let items = 12_000

    /// A corpus folder serving one RSS feed of `items` items (about 6 MB) whose pages are missing,
    /// so each article falls back to the feed's own text.
    static func hugeSite() throws -> CorpusSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-huge-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("sites/huge.example")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("[]".utf8).write(to: root.appendingPathComponent("outlets.json"))
        try Data(#"{"stories": [], "articles": []}"#.utf8).write(to: root.appendingPathComponent("labels.json"))
        var text = #"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Huge</title>"#
        var random = SplitMix(state: 7)
        for index in 0..<items {
            // Words drawn at random, so no item is taken for a copy of another.
            let words = (0..<40).map { _ in "w\(random.next() % 50_000)" }.joined(separator: " ")
            text += "<item><title>Item \(index)</title><link>http://huge.example/a/\(index)</link>"
            text += "<guid>huge-\(index)</guid><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>"
            text += "<description>Report \(index): \(words).</description></item>\n"
        }
        text += "</channel></rss>"
        try Data(text.utf8).write(to: folder.appendingPathComponent("feed.rss"))
        return try CorpusSite(root: root)
    }

    @Test(.timeLimit(.minutes(5)))
    func storesEveryItemOfAHugeFeedInBatches() async throws {
        let site = try Self.hugeSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let server = try await CorpusServer.start(site: site)
        var configuration = server.fetchConfiguration(hosts: ["huge.example"])
        configuration.maximumFeedBytes = 64 * 1024 * 1024
        let fetcher = HTTPFetcher(configuration: configuration)
        let store = try SQLiteStore.inMemory()
        let user = try await store.localUser()
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        _ = try await store.subscribe(userID: user.id, feedURL: "http://huge.example/feed.rss", title: nil, folder: nil, now: now)
        let lines = Lines()
        // Every item's missing page would otherwise log a line.
        var logger = Logger(label: "lede.test")
        logger.logLevel = .warning
        let ingestor = FeedIngestor(store: store, fetcher: fetcher, progress: lines, logger: logger)
        let first = try await ingestor.ingestAll(now: now)
        let again = try await ingestor.ingestAll(now: now)
        try await fetcher.shutdown()
        await server.stop()

        let report = try #require(first.first)
        #expect(report.error == nil)
        #expect(report.itemsRead == Self.items)
        #expect(report.newArticles == Self.items)
        #expect(try await store.articleCount() == Self.items)
        #expect(report.source.title == "Huge", "the feed's title arrives after its last batch")
        // Progress while reading shows the feed was taken in batches, not whole.
        #expect(lines.all.filter { $0.hasSuffix("items read…") }.count >= 2, "\(lines.all)")
        #expect(again.first?.newArticles == 0, "a second fetch stores nothing twice")
        #expect(try await store.articleCount() == Self.items)
    }

    @Test func aCopyWithinOneBatchAttachesToItsOriginal() async throws {
        let store = try SQLiteStore.inMemory()
        let user = try await store.localUser()
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let subscription = try await store.subscribe(userID: user.id, feedURL: "https://one.example/feed", title: nil, folder: nil, now: now)
        let text = (0..<60).map { "word\($0)" }.joined(separator: " ")
        func article(_ path: String) -> NewArticle {
            let url = "https://one.example/\(path)"
            return NewArticle(
                sourceID: subscription.source.id, itemKey: url, url: url, urlKey: URLCanonicalizer.key(url), outlet: "one.example",
                title: "Same", byline: nil, published: now, updated: nil, language: "en", summary: nil, text: text,
                contentHash: ContentFingerprint.exactHash(of: text), duplicateOfID: nil, storyID: nil, fetchedAt: now,
                minHash: ContentFingerprint.minHash(of: text), terms: [])
        }
        let fetcher = HTTPFetcher(configuration: FetchConfiguration())
        let stored = try await FeedIngestor(store: store, fetcher: fetcher).storeDeduplicated([article("a"), article("b")])
        try await fetcher.shutdown()
        #expect(stored.count == 2)
        #expect(stored[0].duplicateOfID == nil)
        #expect(stored[1].duplicateOfID == stored[0].id)
    }
}

/// A tiny seeded generator, so the feed is the same on every run.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
