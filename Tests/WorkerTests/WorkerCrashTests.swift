import Foundation
import LedeCore
import LedeEngine
import LedePostgres
import LedeScale
import Testing

/// `kill -9` of a `lede worker` in the middle of ingesting a large feed, then a restart: no
/// half-written article or story, the reader's read marks, feedback and conversations intact,
/// and the interrupted job taken over and finished. On both stores, through the real binary.
@Suite(.serialized) struct WorkerCrashTests {
    /// Items in the large feed, and how many of them the first worker stores before it dies.
    static let largeFeedItems = 500
    static let killAfter = 60

    @Test(arguments: TestDatabase.allCases)
    func aKilledWorkersFeedIsFinishedByTheNextWithNothingHalfWritten(database: TestDatabase) async throws {
        let now = Date()
        let small = try await ScaleServer.start(corpus: SyntheticCorpus(articles: 12, feeds: 1, hosts: 1, days: 2, end: now, seed: 1))
        // Slow pages, so that the worker is surely caught in the middle of the feed.
        let large = try await ScaleServer.start(
            corpus: SyntheticCorpus(articles: Self.largeFeedItems, feeds: 1, hosts: 1, days: 2, end: now, seed: 2), pageDelay: .milliseconds(15))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await database.withFresh { url in
                try await crashAndRecover(databaseURL: url, small: small, large: large, folder: folder)
            }
        } catch {
            await small.stop()
            await large.stop()
            throw error
        }
        await small.stop()
        await large.stop()
    }

    func crashAndRecover(databaseURL: String, small: ScaleServer, large: ScaleServer, folder: URL) async throws {
        let database = ["--database", databaseURL]
        // Short leases so the test need not wait a minute for the dead worker's to expire.
        let worker = ["worker", "--until-idle", "--allow-private-networks", "--lease", "2", "--poll", "0.3"] + database
        func log(_ name: String) -> URL { folder.appendingPathComponent(name + ".log") }

        // A reader with a history: stories read, feedback given, a conversation held.
        try await LedeProcess.run(["sources", "add", small.corpus.feedURL(0, port: small.port), "--allow-private-networks"] + database, log: log("add-small"))
        try await LedeProcess.run(worker, log: log("seed-worker"))
        let store = try DatabaseLocation.parse(databaseURL).open()
        let reader = try await store.localUser()
        let stories = try await store.stories(activeSince: .distantPast, userID: nil)
        try #require(stories.count >= 2, "the seed feed makes stories")
        try await store.markRead(storyIDs: [stories[0].id], userID: reader.id, at: Date())
        try await store.saveFeedback(Feedback(userID: reader.id, storyID: stories[1].id, kind: .more, at: Date()))
        let seedArticle = try #require(try await store.articles(storyIDs: [stories[0].id], userID: nil).first)
        _ = try await AskService(store: store).ask("What did \(seedArticle.title.split(separator: " ").first ?? "it") say?", userID: reader.id)
        let before = try await ReaderState.read(store, userID: reader.id)
        try #require(!before.conversations.isEmpty && !before.feedback.isEmpty && !before.read.isEmpty)
        let seeded = try await store.articleCount()

        // The large feed, and a worker killed while it stores it.
        try await LedeProcess.run(["sources", "add", large.corpus.feedURL(0, port: large.port), "--allow-private-networks"] + database, log: log("add-large"))
        let doomed = try LedeProcess.start(worker, log: log("killed-worker"))
        let deadline = Date().addingTimeInterval(240)
        var stored = 0
        while stored < seeded + Self.killAfter {
            try #require(doomed.process.isRunning, "the worker ended before it could be killed:\n\(doomed.output)")
            try #require(Date() < deadline, "the worker stored only \(stored - seeded) articles in 240 s:\n\(doomed.output)")
            try await Task.sleep(for: .milliseconds(50))
            stored = try await store.articleCount()
        }
        doomed.killHard()
        let atKill = try await store.articleCount() - seeded
        #expect(atKill < Self.largeFeedItems, "killed in the middle of the feed (\(atKill) of \(Self.largeFeedItems) stored)")
        try await expectNothingHalfWritten(store)
        #expect(try await ReaderState.read(store, userID: reader.id) == before, "the reader's state survives the kill")
        let interrupted = try await store.jobs(states: [.running], limit: 10)
        #expect(interrupted.contains { $0.kind == .fetch }, "the fetch is left leased to the dead worker")

        // A new worker takes the job over once the lease expires, and finishes it.
        let output = try await LedeProcess.run(worker, log: log("restarted-worker"), timeout: 600)
        #expect(try await store.articleCount() == seeded + Self.largeFeedItems, "every item stored, none twice")
        let all = try await store.articles(publishedFrom: .distantPast, to: nil, userID: nil)
        #expect(Set(all.map(\.url)).count == all.count, "no article stored twice")
        #expect(try await store.unclusteredArticles(limit: 1).isEmpty, "every article placed in a story")
        try await expectNothingHalfWritten(store)
        #expect(try await ReaderState.read(store, userID: reader.id) == before, "the reader's state survives the restart")
        let left = try await store.jobs(states: [.running, .failed, .pending], limit: 50).filter { $0.runAt <= Date() }
        #expect(left.isEmpty, "nothing left running, due or failed: \(left)")
        let resumed = try await store.jobs(states: [.done], limit: 50).filter { job in interrupted.contains { $0.id == job.id } }
        #expect(resumed.count == interrupted.count && resumed.allSatisfy { $0.attempts == 2 }, "the interrupted jobs finished on their second attempt:\n\(output)")
        await (store as? PostgresStore)?.shutdown()
    }

    /// Every article complete and counted, every story with articles, every placement pointing
    /// at a stored story.
    func expectNothingHalfWritten(_ store: any LedeStore) async throws {
        let articles = try await store.articles(publishedFrom: .distantPast, to: nil, userID: nil)
        #expect(articles.count == (try await store.articleCount()))
        #expect(try await store.documentFrequencies().documentCount == articles.count, "term counts written with every article")
        #expect(articles.allSatisfy { !$0.title.isEmpty && !$0.text.isEmpty && !$0.paragraphs.isEmpty }, "no article without its text")
        let stories = try await store.stories(activeSince: .distantPast, userID: nil)
        let storyIDs = Set(stories.map(\.id))
        #expect(articles.compactMap(\.storyID).allSatisfy { storyIDs.contains($0) }, "every placement points at a stored story")
        let placed = Set(articles.compactMap(\.storyID))
        #expect(storyIDs.isSubset(of: placed), "no story without articles")
    }
}

/// What a reader did, which no worker may touch.
struct ReaderState: Equatable {
    var read: Set<Int64>
    var feedback: [String]
    var conversations: [String]

    static func read(_ store: any LedeStore, userID: Int64) async throws -> ReaderState {
        ReaderState(
            read: try await store.readStoryIDs(userID: userID),
            feedback: try await store.feedback(userID: userID).map { "\($0.storyID) \($0.kind)" }.sorted(),
            conversations: try await store.conversations(userID: userID, limit: 100).map { "\($0.id) \($0.turns.count)" }.sorted())
    }
}
