import Foundation
import LedeCore
import LedeEngine
import LedeFetch
import LedePostgres
import LedeScale
import Testing

/// The job runner in-process, as `lede serve` runs it on SQLite and `lede worker` everywhere:
/// feeds fetched once each, articles placed in stories, editions written, nothing left over.
@Suite(.serialized) struct JobRunnerTests {
    static func runner(_ store: any LedeStore, fetcher: HTTPFetcher, concurrency: Int = 2) -> JobRunner {
        var configuration = JobRunnerConfiguration()
        configuration.concurrency = concurrency
        configuration.untilIdle = true
        configuration.pollInterval = 0.2
        configuration.editionDelay = 0
        return JobRunner(store: store, fetcher: fetcher, configuration: configuration)
    }

    @Test(arguments: TestDatabase.allCases)
    func runsFetchClusterAndEditionJobsUntilIdle(database: TestDatabase) async throws {
        let server = try await ScaleServer.start(corpus: SyntheticCorpus(articles: 24, feeds: 3, hosts: 3, days: 1, end: Date()))
        var fetchConfiguration = FetchConfiguration()
        fetchConfiguration.allowPrivateNetworks = true
        let fetcher = HTTPFetcher(configuration: fetchConfiguration)
        do {
            try await database.withFresh { url in
                let store = try DatabaseLocation.parse(url).open()
                let reader = try await store.localUser()
                for feed in 0..<3 {
                    _ = try await store.subscribe(userID: reader.id, feedURL: server.corpus.feedURL(feed, port: server.port), title: nil, folder: nil, now: Date())
                }
                try await store.saveProfile(Profile(name: "default", role: "analyst", industry: "news"), userID: reader.id)

                let first = try await Self.runner(store, fetcher: fetcher).run()
                #expect(first.newArticles == 24 && first.placedArticles == 24 && first.failed == 0, "\(first)")
                #expect(first.editions >= 1, "the reader's edition written after clustering")
                #expect(try await store.articleCount() == 24)
                #expect(try await store.unclusteredArticles(limit: 1).isEmpty)
                #expect(try await store.briefing(date: EditionDate.string(from: Date()), profile: "default", userID: reader.id) != nil)
                let summary = try await store.jobSummary(now: Date())
                #expect(summary.due == 0 && summary.running == 0 && summary.failed == 0 && summary.later == 3, "next fetches queued: \(summary)")

                // Nothing is due again until the fetch interval has passed.
                let second = try await Self.runner(store, fetcher: fetcher).run()
                #expect(second.jobs == 0 && second.newArticles == 0)
                await (store as? PostgresStore)?.shutdown()
            }
        } catch {
            try? await fetcher.shutdown()
            await server.stop()
            throw error
        }
        try await fetcher.shutdown()
        await server.stop()
    }

    @Test func aStoppedRunnerReturnsWithoutWaitingForWork() async throws {
        try await TestDatabase.sqlite.withFresh { path in
            let store = try DatabaseLocation.parse(path).open()
            let fetcher = HTTPFetcher()
            var configuration = JobRunnerConfiguration()
            configuration.pollInterval = 0.1
            let runner = JobRunner(store: store, fetcher: fetcher, configuration: configuration)
            let run = Task { try await runner.run() }
            try await Task.sleep(for: .milliseconds(300))
            runner.stop()
            #expect(try await run.value.jobs == 0)
            try await fetcher.shutdown()
        }
    }
}
