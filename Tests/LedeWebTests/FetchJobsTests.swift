import Foundation
import LedeCore
import LedeDemo
import LedeEngine
import LedeFetch
import LedeSQLite
import LedeTestSupport
import Logging
import Testing
@testable import LedeWeb

/// "Fetch now" over loopback: on one machine the server groups the new articles itself; with
/// workers it leaves the grouping to them, so no server ever clusters beside them.
@Suite struct FetchJobsTests {
    static func withFeed(_ body: (SQLiteStore, HTTPFetcher, Int64) async throws -> Void) async throws {
        let feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>News Example</title><link>http://news.example/</link>
            <item><title>Corvane beats forecasts</title><link>http://news.example/first.html</link><guid>1</guid>
            <description>Corvane Systems reported first-quarter revenue of $2.3 billion, up 18%, beating forecasts.</description></item>
            </channel></rss>
            """
        let page = """
            <html><head><title>Corvane beats forecasts</title></head><body><article><h1>Corvane beats forecasts</h1>
            <p>Corvane Systems reported first-quarter revenue of $2.3 billion, up 18%, beating analysts' forecasts as orders for data-centre switches grew.</p>
            <p>The company raised its full-year revenue outlook to $9.8 billion, and its shares rose 9% in early trading.</p>
            </article></body></html>
            """
        let root = try TestSite.write(host: "news.example", files: ["feed.rss": feed, "first.html": page])
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try await CorpusServer.start(site: try CorpusSite(root: root))
        let fetcher = HTTPFetcher(configuration: server.fetchConfiguration(hosts: ["news.example"]))
        let store = try SQLiteStore.inMemory()
        let reader = try await store.localUser().id
        _ = try await store.subscribe(userID: reader, feedURL: "http://news.example/feed.rss", title: nil, folder: nil, now: Date())
        do {
            try await body(store, fetcher, reader)
        } catch {
            try await fetcher.shutdown()
            await server.stop()
            throw error
        }
        try await fetcher.shutdown()
        await server.stop()
    }

    static func fetchNow(_ store: SQLiteStore, _ fetcher: HTTPFetcher, _ reader: Int64, grouping: StoryGrouping) async throws -> FetchRun {
        let editions = ReaderEditions(store: store, clock: .system, cache: EditionCache(lifetime: 60))
        let jobs = FetchJobs(store: store, fetcher: fetcher, clock: .system, editions: editions, grouping: grouping, logger: Logger(label: "test"))
        try await jobs.start(userID: reader, profile: nil)
        return try await finished(jobs, reader)
    }

    static func finished(_ jobs: FetchJobs, _ reader: Int64) async throws -> FetchRun {
        for _ in 0..<200 where try await jobs.progress(userID: reader).isActive {
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await jobs.progress(userID: reader)
    }

    @Test func anotherServerSeesTheFetchAndStartsNoSecond() async throws {
        try await Self.withFeed { store, fetcher, reader in
            let servers = (0..<2).map { _ in
                FetchJobs(
                    store: store, fetcher: fetcher, clock: .system, editions: ReaderEditions(store: store, clock: .system, cache: EditionCache(lifetime: 60)),
                    grouping: .byWorkers, logger: Logger(label: "test"))
            }
            let started = try await servers[0].start(userID: reader, profile: nil)
            #expect(started.isActive)
            #expect(try await servers[1].progress(userID: reader).isActive, "the other server reports the fetch")
            let second = try await servers[1].start(userID: reader, profile: nil)
            #expect(second.isActive)
            let progress = try await Self.finished(servers[1], reader)
            #expect(progress.state == .finished && progress.newArticles == 1)
            #expect(try await store.jobSummary(now: Date()).due == 1, "one fetch, one clustering job queued")
        }
    }

    @Test func onOneMachineTheServerGroupsTheNewArticles() async throws {
        try await Self.withFeed { store, fetcher, reader in
            let progress = try await Self.fetchNow(store, fetcher, reader, grouping: .inProcess(ClusteringMemory()))
            #expect(progress.state == .finished)
            #expect(progress.newArticles == 1)
            #expect(try await store.stories(activeSince: .distantPast, userID: nil).count == 1)
        }
    }

    @Test func withWorkersTheServerQueuesTheGrouping() async throws {
        try await Self.withFeed { store, fetcher, reader in
            let progress = try await Self.fetchNow(store, fetcher, reader, grouping: .byWorkers)
            #expect(progress.state == .finished)
            #expect(progress.newArticles == 1)
            #expect(progress.message.contains("workers"))
            #expect(try await store.stories(activeSince: .distantPast, userID: nil).isEmpty)
            #expect(try await store.jobSummary(now: Date()).due == 1, "a clustering job waits for the workers")
        }
    }
}
