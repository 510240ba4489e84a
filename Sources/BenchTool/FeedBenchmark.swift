import Foundation
import LedeCore
import LedeDemo
import LedeEngine
import LedeFetch
import LedeSQLite
import Logging

/// One enormous feed (100,000 items, about 50 MB) fetched over loopback and stored: items
/// per second, and peak memory, which must stay near the size of the feed's bytes rather than
/// grow with its items (they are parsed and stored a batch at a time).
struct FeedBenchmark {
    let store: SQLiteStore
    let items: Int
    let folder: URL

    func run() async throws {
        let site = try writeSite()
        let feedBytes = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("sites/huge.example/feed.rss").path)[.size] as? Int ?? 0
        say(String(format: "one feed of %d items, %.1f MB", items, Double(feedBytes) / 1_048_576))
        let server = try await CorpusServer.start(site: site)
        var configuration = server.fetchConfiguration(hosts: ["huge.example"])
        configuration.maximumFeedBytes = 128 * 1024 * 1024
        let fetcher = HTTPFetcher(configuration: configuration)
        let user = try await store.localUser()
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        _ = try await store.subscribe(userID: user.id, feedURL: "http://huge.example/feed.rss", title: nil, folder: nil, now: now)
        let clock = ContinuousClock()
        let began = clock.now
        // Every item's missing page would otherwise log a line.
        var logger = Logger(label: "lede.bench")
        logger.logLevel = .warning
        let reports = try await FeedIngestor(store: store, fetcher: fetcher, progress: PrintedProgress(), logger: logger).ingestAll(now: now)
        let seconds = (clock.now - began) / .seconds(1)
        try await fetcher.shutdown()
        await server.stop()
        let stored = try await store.articleCount()
        if let error = reports.first?.error { say("error: \(error)") }
        say(String(format: "stored %d articles in %.1f s: %.0f items/s (each item's page fetched too)", stored, seconds, Double(stored) / seconds))
    }

    /// A corpus folder with the one feed; its items' pages are missing, so each article falls
    /// back to the feed's own text after one page request.
    func writeSite() throws -> CorpusSite {
        let site = folder.appendingPathComponent("sites/huge.example")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("[]".utf8).write(to: folder.appendingPathComponent("outlets.json"))
        try Data(#"{"stories": [], "articles": []}"#.utf8).write(to: folder.appendingPathComponent("labels.json"))
        var generator = SeededGenerator(seed: 5)
        var text = #"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Huge</title>"#
        for index in 0..<items {
            let words = (0..<52).map { _ in SyntheticNews.filler.randomElement(using: &generator)! }.joined(separator: " ")
            text += "<item><title>Item \(index)</title><link>http://huge.example/a/\(index)</link>"
            text += "<guid>huge-\(index)</guid><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>"
            text += "<description>Report \(index): \(words).</description></item>\n"
        }
        text += "</channel></rss>"
        try Data(text.utf8).write(to: site.appendingPathComponent("feed.rss"))
        return try CorpusSite(root: folder)
    }
}

/// Progress lines on standard output.
struct PrintedProgress: ProgressReporter {
    func report(_ line: String) { say(line) }
}
